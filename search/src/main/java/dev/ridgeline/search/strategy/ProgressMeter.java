package dev.ridgeline.search.strategy;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/** Counts evaluated points across threads and calls a listener at most once per interval. */
final class ProgressMeter {
    static final long INTERVAL_NANOS = 250_000_000L;

    private final ProgressListener listener;
    private final long total;
    private final long startNanos = System.nanoTime();
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong nextReportNanos = new AtomicLong(startNanos + INTERVAL_NANOS);
    private final ReentrantLock reporting = new ReentrantLock();

    ProgressMeter(ProgressListener listener, long total) {
        this.listener = listener;
        this.total = total;
    }

    /** Adds {@code points} evaluated points; reports if the interval has passed and no one else is. */
    void add(long points) {
        done.addAndGet(points);
        if (listener == ProgressListener.NONE) {
            return;
        }
        long now = System.nanoTime();
        long next = nextReportNanos.get();
        if (now - next >= 0 && nextReportNanos.compareAndSet(next, now + INTERVAL_NANOS) && reporting.tryLock()) {
            try {
                listener.progress(snapshot(now));
            } finally {
                reporting.unlock();
            }
        }
    }

    /** Reports the final count; call once, after every worker has finished. */
    void finish() {
        reporting.lock();
        try {
            listener.progress(snapshot(System.nanoTime()));
        } finally {
            reporting.unlock();
        }
    }

    long done() {
        return done.get();
    }

    double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private Progress snapshot(long now) {
        return new Progress(done.get(), total, (now - startNanos) / 1e9);
    }
}
