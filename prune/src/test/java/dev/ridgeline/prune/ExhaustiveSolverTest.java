package dev.ridgeline.prune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ridgeline.core.BadInputException;
import dev.ridgeline.prune.plan.PlanFile;
import dev.ridgeline.search.eval.Metric;
import dev.ridgeline.search.job.Budget;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reference solver: every point in index order (the last knob fastest), the first of the best scores. */
class ExhaustiveSolverTest {
    @TempDir
    Path tiny;

    /** The symmetric model's four points: (8, 8) 224 params, (8, 16) and (16, 8) 368, (16, 16) 576. */
    private PlanProblem symmetric(double maxParams) {
        PlanFile plan = TinyPlans.plan(tiny, TinyPlans.SYMMETRIC, "budgets: {params: 50%}\n");
        return TinyPlans.problem(plan, List.of(new Budget(Metric.PARAMS, maxParams, Double.NaN)),
                new Score.OfMetric(Metric.PARAMS));
    }

    @Test
    void ofEqualScoresTheLowestIndexWins() {
        Solution s = new ExhaustiveSolver(4).solve(symmetric(400)).orElseThrow();
        assertArrayEquals(new int[] {0, 1}, s.choices());
        assertEquals(368, s.score());
        assertEquals(368, s.metrics()[Metric.PARAMS.ordinal()]);
        assertEquals("exhaustive", new ExhaustiveSolver(4).id());
    }

    @Test
    void aSpaceAboveTheLimitIsRefused() {
        BadInputException e = assertThrows(BadInputException.class, () -> new ExhaustiveSolver(3).solve(symmetric(400)));
        assertEquals("the plan space has 4 points, more than the 3 an exhaustive plan enumerates", e.getMessage());
    }
}
