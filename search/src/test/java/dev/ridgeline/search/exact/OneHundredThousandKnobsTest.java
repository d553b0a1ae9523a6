package dev.ridgeline.search.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ridgeline.search.eval.CompiledEvaluator;
import dev.ridgeline.search.eval.EvaluatorCompiler;
import dev.ridgeline.search.job.Job;
import dev.ridgeline.search.run.SweepRunner;
import dev.ridgeline.search.space.ResolvedSpace;
import dev.ridgeline.search.strategy.Shard;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18's case itself: 99,990 one-choice knobs (a model holds at most 100,000 nodes) are folded out and the space
 * is solved. A class of its own because it takes about 11 s and covers most of the solver: the mutation run
 * (search/pom.xml) leaves it out, and {@link OneChoiceKnobsTest}'s 3,000-knob chain covers the same code.
 */
class OneHundredThousandKnobsTest {
    @TempDir
    Path dir;

    @Test
    void aSpaceOfAlmostOneHundredThousandOneChoiceKnobsIsSolved() throws IOException {
        // the case: 99,990 one-choice knobs (a model holds at most 100,000 nodes)
        Job job = OneChoiceChains.job(dir, 99_990, 2, "[{metric: latencySeconds, goal: min}, {metric: macs, goal: max}]");
        ResolvedSpace space = job.resolveSpace();
        assertEquals(99_990 + 2, space.space().knobCount(), "a width knob per body and head layer");
        SweepRunner.check(job, space, Shard.ALL, false);
        CompiledEvaluator evaluator = EvaluatorCompiler.compile(space, job.setup());
        ExactFront exact = ExactSolver.withDefaults().withThreads(1).solve(evaluator, job.objectives(), job.budgets());
        assertEquals(ExhaustiveFront.of(evaluator, job.objectives(), job.budgets()), exact.front());
        assertEquals(3, exact.statistics().eliminations());
    }
}
