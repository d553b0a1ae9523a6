package dev.ridgeline.search.run;

import dev.ridgeline.search.eval.CompiledEvaluator;
import dev.ridgeline.search.exact.ExactFront;
import dev.ridgeline.search.exact.ExactSolver;
import dev.ridgeline.search.job.Job;
import dev.ridgeline.search.job.StrategySpec;
import dev.ridgeline.search.space.ResolvedSpace;
import dev.ridgeline.search.strategy.ProgressListener;
import dev.ridgeline.search.strategy.Shard;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A job run with the exact strategy: the solver's front and statistics as a {@link SweepResult}. */
final class ExactRun {
    private ExactRun() {
    }

    static SweepResult run(Job job, ResolvedSpace space, CompiledEvaluator compiled, StrategySpec.Exact spec,
            int threads, ProgressListener progress) {
        ExactSolver solver = ExactSolver.withDefaults().withEpsilon(spec.epsilon()).withThreads(Math.max(1, threads))
                .withProgress(progress);
        if (spec.maxFront() > 0) {
            solver = solver.withMaxFront(spec.maxFront());
        }
        if (spec.timeLimitSeconds() > 0) {
            solver = solver.withTimeLimit(Duration.ofNanos((long) (spec.timeLimitSeconds() * 1e9)));
        }
        if (spec.memoryLimitBytes() > 0) {
            solver = solver.withMemoryLimit(spec.memoryLimitBytes());
        }
        ExactFront result = solver.solve(compiled, job.objectives(), job.budgets());
        ExactFront.Statistics s = result.statistics();
        Map<String, Object> statistics = new LinkedHashMap<>();
        statistics.put("guarantee", s.exact() ? "exact: every non-dominated objective vector of the feasible points, "
                + "each with its lowest-index design"
                : String.format(Locale.ROOT, "every non-dominated objective vector of the feasible points lies within "
                        + "a factor %s of a returned point in every objective (objectives that are also budgeted: "
                        + "exactly)", 1 + s.provenEpsilon()));
        statistics.put("epsilon", s.epsilon());
        statistics.put("provenEpsilon", s.provenEpsilon());
        statistics.put("limitReached", s.limitHit().isEmpty() ? null : s.limitHit());
        statistics.put("timeLimitSeconds", spec.timeLimitSeconds() > 0 ? spec.timeLimitSeconds() : null);
        statistics.put("memoryLimitBytes", spec.memoryLimitBytes() > 0 ? spec.memoryLimitBytes() : null);
        statistics.put("subproblems", s.subproblems());
        statistics.put("eliminations", s.eliminations());
        statistics.put("largestIntermediateFront", s.largestFront());
        statistics.put("peakFrontBytes", s.peakBytes());
        statistics.put("candidatesEvaluated", s.candidates());
        statistics.put("threads", s.threads());
        statistics.put("solveSeconds", s.wallSeconds());
        String provenance = String.format(Locale.ROOT, "exact: bucket elimination over %d knobs, %d subproblems, "
                + "epsilon %s, proven %s%s", space.space().knobCount(), s.subproblems(), s.epsilon(), s.provenEpsilon(),
                s.limitHit().isEmpty() ? "" : ", " + s.limitHit() + " limit reached");
        long feasible = result.front().size();
        return new SweepResult(job, space, Shard.ALL, s.candidates(), feasible, result.front(), s.wallSeconds(),
                Optional.empty(), Optional.empty(), provenance, job.baseMetrics(), statistics, compiled.accuracy());
    }
}
