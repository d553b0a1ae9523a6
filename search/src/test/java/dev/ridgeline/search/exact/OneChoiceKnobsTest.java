package dev.ridgeline.search.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.core.BadInputException;
import dev.ridgeline.search.eval.CompiledEvaluator;
import dev.ridgeline.search.eval.EvaluatorCompiler;
import dev.ridgeline.search.job.Job;
import dev.ridgeline.search.pareto.ParetoPoint;
import dev.ridgeline.search.run.SweepRunner;
import dev.ridgeline.search.space.ResolvedSpace;
import dev.ridgeline.search.strategy.Shard;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18's pathological exact space: a chain of thousands of layers, each with a width knob of one choice. A
 * knob of one choice is a constant: the solver folds it into the terms instead of eliminating it (before, a space of
 * 99,990 of them stalled for minutes choosing an elimination order over all of them), so the space costs what its
 * other knobs cost; and a space of more knobs of several choices than the solver can order stops at once, exit 2,
 * naming the limit.
 */
class OneChoiceKnobsTest {
    @TempDir
    Path dir;

    @Test
    void oneChoiceKnobsAreFoldedOutAndTheFrontIsTheExhaustiveOne() throws IOException {
        Job job = OneChoiceChains.job(dir, 3_000, 3, "[{metric: latencySeconds, goal: min},"
                + " {metric: peakActivationBytes, goal: min}, {metric: macs, goal: max}]");
        ResolvedSpace space = job.resolveSpace();
        long oneChoice = java.util.stream.IntStream.range(0, space.space().knobCount())
                .filter(k -> space.space().choices(k) == 1).count();
        assertTrue(oneChoice >= 3_000, oneChoice + " one-choice knobs");
        assertEquals(8, space.space().size().longValueExact(), "three two-choice knobs");
        CompiledEvaluator evaluator = EvaluatorCompiler.compile(space, job.setup());

        List<ParetoPoint> expected = ExhaustiveFront.of(evaluator, job.objectives(), job.budgets());
        ExactFront exact = ExactSolver.withDefaults().withThreads(1).solve(evaluator, job.objectives(), job.budgets());
        assertEquals(expected, exact.front());
        assertTrue(exact.front().size() > 1, "a front of several points: " + exact.front());
        // the three two-choice knobs are eliminated, then the root is combined; the constants never are
        assertEquals(4, exact.statistics().eliminations());
    }

    @Test
    void moreKnobsOfSeveralChoicesThanTheLimitStopBeforeAnyWork() throws IOException {
        Job job = OneChoiceChains.job(dir, 0, ExactSolver.MAX_FREE_KNOBS + 1, "[{metric: params, goal: min}, {metric: macs, goal: max}]");
        ResolvedSpace space = job.resolveSpace();
        String m = assertThrows(BadInputException.class, () -> SweepRunner.check(job, space, Shard.ALL, false))
                .getMessage();
        assertTrue(m.contains("job.yaml: the exact strategy eliminates at most 5,000 knobs of more than one choice")
                && m.contains("the space has 5,001"), m);
    }
}
