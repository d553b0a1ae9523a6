package dev.ridgeline.search.strategy;

import dev.ridgeline.core.RidgelineException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BinaryOperator;
import java.util.function.Supplier;

/**
 * Runs items [0, n) in fixed-size chunks on a fixed pool. Worker w of T takes chunks w, w+T, w+2T, ...
 * in order with its own buffers and sink, so the hot path takes no lock and each worker's share depends
 * only on T, never on timing; the sinks are merged in worker order at the end.
 */
final class ChunkedRunner {
    /** One worker's processing of items [from, to), chunk number {@code chunk}; returns the feasible count. */
    interface ChunkWork {
        long process(long chunk, long from, long to);
    }

    /** Makes one worker's {@link ChunkWork}, with its own buffers, delivering to {@code sink}. */
    interface WorkerFactory<S> {
        ChunkWork create(S sink);
    }

    record Merged<S>(S sink, long feasible) {
    }

    private static final AtomicInteger POOLS = new AtomicInteger();

    private ChunkedRunner() {
    }

    static <S extends PointSink> Merged<S> run(long items, int chunkSize, int threads, Supplier<S> sinks,
            BinaryOperator<S> merge, WorkerFactory<S> workers, ProgressMeter meter) {
        long chunks = items == 0 ? 0 : (items - 1) / chunkSize + 1;
        int workerCount = (int) Math.max(1, Math.min(threads, chunks));
        List<S> workerSinks = new ArrayList<>(workerCount);
        for (int w = 0; w < workerCount; w++) {
            workerSinks.add(sinks.get());
        }
        AtomicBoolean failed = new AtomicBoolean();
        long feasible = 0;
        if (workerCount == 1) {
            feasible = work(0, 1, chunks, chunkSize, items, workers.create(workerSinks.get(0)), meter, failed);
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(workerCount, daemonThreads());
            try {
                List<Future<Long>> futures = new ArrayList<>(workerCount);
                for (int w = 0; w < workerCount; w++) {
                    int worker = w;
                    S sink = workerSinks.get(w);
                    futures.add(pool.submit(() -> work(worker, workerCount, chunks, chunkSize, items,
                            workers.create(sink), meter, failed)));
                }
                for (Future<Long> f : futures) {
                    feasible += join(f, failed);
                }
            } finally {
                pool.shutdownNow();
            }
        }
        S merged = workerSinks.get(0);
        for (int w = 1; w < workerCount; w++) {
            merged = merge.apply(merged, workerSinks.get(w));
        }
        return new Merged<>(merged, feasible);
    }

    private static long work(int worker, int workerCount, long chunks, int chunkSize, long items,
            ChunkWork work, ProgressMeter meter, AtomicBoolean failed) {
        long feasible = 0;
        try {
            for (long c = worker; c < chunks && !failed.get(); c += workerCount) {
                long from = c * chunkSize;
                long to = Math.min(from + chunkSize, items);
                feasible += work.process(c, from, to);
                meter.add(to - from);
            }
        } catch (RuntimeException | Error e) {
            failed.set(true);
            throw e;
        }
        return feasible;
    }

    private static long join(Future<Long> future, AtomicBoolean failed) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            failed.set(true);
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new RidgelineException("search worker failed: " + cause, cause);
        } catch (InterruptedException e) {
            failed.set(true);
            Thread.currentThread().interrupt();
            throw new RidgelineException("search interrupted", e);
        }
    }

    private static ThreadFactory daemonThreads() {
        int pool = POOLS.incrementAndGet();
        AtomicInteger next = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "ridgeline-search-" + pool + "-" + next.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
