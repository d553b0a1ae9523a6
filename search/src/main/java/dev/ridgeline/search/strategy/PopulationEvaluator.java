package dev.ridgeline.search.strategy;

import dev.ridgeline.core.RidgelineException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.uma.jmetal.problem.Problem;
import org.uma.jmetal.solution.integersolution.IntegerSolution;
import org.uma.jmetal.util.evaluator.SolutionListEvaluator;

/**
 * Evaluates a population in contiguous slices on a fixed pool, then, on the calling thread and in list
 * order, hands each feasible solution to the sink, so the sink sees the same sequence for any thread count.
 */
final class PopulationEvaluator implements SolutionListEvaluator<IntegerSolution> {
    private static final long serialVersionUID = 1L;

    private final KnobProblem problem;
    private final PointSink sink;
    private final ProgressMeter meter;
    private final int threads;
    private final ExecutorService pool;
    private final int[] choices;
    private long evaluated;
    private long feasible;

    PopulationEvaluator(KnobProblem problem, PointSink sink, ProgressMeter meter, int threads) {
        this.problem = problem;
        this.sink = sink;
        this.meter = meter;
        this.threads = threads;
        this.pool = threads > 1 ? Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "ridgeline-nsga2");
            t.setDaemon(true);
            return t;
        }) : null;
        this.choices = new int[problem.numberOfVariables()];
    }

    @Override
    public List<IntegerSolution> evaluate(List<IntegerSolution> population, Problem<IntegerSolution> ignored) {
        int n = population.size();
        int parts = pool == null ? 1 : Math.min(threads, n);
        if (parts <= 1) {
            evaluateSlice(population, 0, n);
        } else {
            List<Future<?>> futures = new ArrayList<>(parts);
            for (int p = 0; p < parts; p++) {
                int from = (int) ((long) n * p / parts);
                int to = (int) ((long) n * (p + 1) / parts);
                futures.add(pool.submit(() -> evaluateSlice(population, from, to)));
            }
            for (Future<?> f : futures) {
                join(f);
            }
        }
        boolean indexable = problem.space().indexable();
        for (IntegerSolution s : population) {
            if (KnobProblem.feasible(s)) {
                KnobProblem.choices(s, choices);
                sink.accept(indexable ? problem.space().encode(choices) : -1, choices, KnobProblem.metrics(s));
                feasible++;
            }
        }
        evaluated += n;
        meter.add(n);
        return population;
    }

    private void evaluateSlice(List<IntegerSolution> population, int from, int to) {
        int[] buffer = new int[problem.numberOfVariables()];
        for (int i = from; i < to; i++) {
            problem.evaluate(population.get(i), buffer);
        }
    }

    private static void join(Future<?> future) {
        try {
            future.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new RidgelineException("evaluation failed: " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RidgelineException("search interrupted", e);
        }
    }

    long evaluated() {
        return evaluated;
    }

    long feasible() {
        return feasible;
    }

    @Override
    public void shutdown() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
