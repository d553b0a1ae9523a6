package dev.ridgeline.search.bench;

import dev.ridgeline.search.eval.CompiledEvaluator;
import dev.ridgeline.search.eval.EvaluatorCompiler;
import dev.ridgeline.search.exact.ExactFront;
import dev.ridgeline.search.exact.ExactSolver;
import dev.ridgeline.search.exact.Ordering;
import dev.ridgeline.search.job.Job;
import dev.ridgeline.search.job.JobReader;
import dev.ridgeline.search.space.SpaceBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * One exact solve of a job file, for CPU-time and resident-memory figures under {@code /usr/bin/time -v}:
 * {@code java -cp ... dev.ridgeline.search.bench.ExactSolveMain JOB [epsilon] [timeLimitSeconds] [ordering]
 * [threads] [memoryLimitBytes]} (0 for none), or {@code JOB job} for the job's own strategy settings through
 * the sweep runner. Prints the statistics and the front size.
 */
public final class ExactSolveMain {
    private ExactSolveMain() {
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    public static void main(String[] args) {
        Job job = JobReader.read(Path.of(args[0]));
        if (args.length > 1 && args[1].equals("job")) {
            // the job's own strategy settings, through the sweep runner (what the command line runs)
            long cpu0 = cpuNanos();
            dev.ridgeline.search.run.SweepResult r = dev.ridgeline.search.run.SweepRunner.run(job,
                    dev.ridgeline.search.strategy.Shard.ALL, false, Runtime.getRuntime().availableProcessors(),
                    dev.ridgeline.search.strategy.ProgressListener.NONE);
            System.out.printf(Locale.ROOT, "%s: sweep %.2f s CPU (process), front %d, %s%n", args[0],
                    (cpuNanos() - cpu0) / 1e9, r.front().size(), r.statistics());
            return;
        }
        double epsilon = args.length > 1 ? Double.parseDouble(args[1]) : 0;
        double seconds = args.length > 2 ? Double.parseDouble(args[2]) : 0;
        Ordering ordering = args.length > 3 ? Ordering.valueOf(args[3]) : Ordering.MIN_WEIGHT;
        int threads = args.length > 4 ? Integer.parseInt(args[4]) : Runtime.getRuntime().availableProcessors();
        long memory = args.length > 5 ? Long.parseLong(args[5]) : 0;
        long t0 = System.nanoTime();
        CompiledEvaluator evaluator = EvaluatorCompiler.compile(SpaceBuilder.build(job.model(), job.space()),
                job.setup());
        long t1 = System.nanoTime();
        ExactSolver solver = ExactSolver.withDefaults().withEpsilon(epsilon).withOrdering(ordering)
                .withThreads(threads);
        if (seconds > 0) {
            solver = solver.withTimeLimit(Duration.ofNanos((long) (seconds * 1e9)));
        }
        if (memory > 0) {
            solver = solver.withMemoryLimit(memory);
        }
        long cpu0 = cpuNanos();
        ExactFront front = solver.solve(evaluator, job.objectives(), job.budgets());
        long cpu1 = cpuNanos();
        System.out.printf(Locale.ROOT, "%s: compile %.2f s, solve %.2f s CPU (process), front %d, %s%n", args[0],
                (t1 - t0) / 1e9, (cpu1 - cpu0) / 1e9, front.front().size(), front.statistics());
    }
}
