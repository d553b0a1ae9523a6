package dev.ridgeline.search.exact;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.search.eval.Goal;
import dev.ridgeline.search.eval.Metric;
import dev.ridgeline.search.pareto.ParetoPoint;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The anytime limits: a limit already passed when the solve starts (so the outcome does not depend on how
 * fast the machine is) makes the solver coarsen from its first pass, and the epsilon it then claims must
 * hold against the exhaustive front: every exhaustive front vector within a factor 1 + provenEpsilon of a
 * returned one, every returned point a real feasible design, and a claim of 0 the exhaustive front itself.
 */
class ExactAnytimeTest {

    @ParameterizedTest(name = "random space {0}")
    @ValueSource(longs = {201, 202, 203, 204, 205, 206, 207, 208, 209, 210, 211, 212})
    void aTimeLimitReachedAtOnceGivesAFrontWithinItsProvenEpsilon(long seed) {
        ExactSolverTest.Case c = ExactSolverTest.draw(seed);
        ExactFront coarse = ExactSolver.withDefaults().withTimeLimit(Duration.ofNanos(1))
                .solve(c.evaluator(), c.objectives(), c.budgets());
        assertEquals("time", coarse.statistics().limitHit());
        assertHonest(c, coarse);
    }

    @ParameterizedTest(name = "random space {0}")
    @ValueSource(longs = {301, 302, 303, 304, 305, 306})
    void anEpsilonIsNeverExceededAndTheProvenOneHolds(long seed) {
        ExactSolverTest.Case c = ExactSolverTest.draw(seed);
        ExactFront approximate = ExactSolver.withDefaults().withEpsilon(0.03).withThreads(2)
                .solve(c.evaluator(), c.objectives(), c.budgets());
        assertTrue(approximate.statistics().provenEpsilon() <= 0.03 + 1e-12,
                () -> "proven " + approximate.statistics().provenEpsilon());
        assertEquals("", approximate.statistics().limitHit());
        assertHonest(c, approximate);
    }

    @ParameterizedTest(name = "random space {0}")
    @ValueSource(longs = {401, 402, 403, 404})
    void theFrontDoesNotDependOnTheThreadsOrTheOrdering(long seed) {
        ExactSolverTest.Case c = ExactSolverTest.draw(seed);
        List<ParetoPoint> one = ExactSolver.withDefaults().withThreads(1)
                .solve(c.evaluator(), c.objectives(), c.budgets()).front();
        for (Ordering o : Ordering.values()) {
            assertEquals(one, ExactSolver.withDefaults().withThreads(3).withOrdering(o)
                    .solve(c.evaluator(), c.objectives(), c.budgets()).front(), o::toString);
        }
    }

    /** A limit of one byte is passed at the first check, however far the coarsening goes. */
    @Test
    void theMemoryLimitMessageSuggestsOnlyTheSettingsNotInUse() {
        ExactSolverTest.Case c = ExactSolverTest.draw(501);
        String both = assertThrows(ExactLimitException.class, () -> ExactSolver.withDefaults().withEpsilon(0.02)
                .withTimeLimit(Duration.ofSeconds(60)).withMemoryLimit(1)
                .solve(c.evaluator(), c.objectives(), c.budgets())).getMessage();
        assertFalse(both.contains("Set 'epsilon'"), both);
        assertFalse(both.contains("'timeLimit'"), both);
        assertTrue(both.contains("Coarsening the front from epsilon 0.02"), both);
        String limitOnly = assertThrows(ExactLimitException.class, () -> ExactSolver.withDefaults()
                .withMemoryLimit(1).solve(c.evaluator(), c.objectives(), c.budgets())).getMessage();
        assertTrue(limitOnly.contains("Set 'epsilon'"), limitOnly);
        assertFalse(limitOnly.contains("'timeLimit'"), limitOnly);
    }

    private static void assertHonest(ExactSolverTest.Case c, ExactFront result) {
        double eps = result.statistics().provenEpsilon();
        assertTrue(eps >= 0 && eps <= 1.0 + 1e-12, () -> "proven epsilon " + eps);
        List<ParetoPoint> exact = ExhaustiveFront.of(c.evaluator(), c.objectives(), c.budgets());
        double[] metrics = new double[Metric.COUNT];
        for (ParetoPoint q : result.front()) {
            c.evaluator().evaluate(q.choices(), metrics);
            assertArrayEquals(metrics, q.metrics(), () -> "metrics of " + q);
            assertTrue(c.budgets().stream().allMatch(b -> b.allows(q.metrics())), () -> "budgets of " + q);
        }
        if (result.statistics().exact()) {
            assertEquals(exact, result.front(), "a front claimed exact");
            return;
        }
        double slack = (1 + eps) * (1 + 1e-12);
        for (ParetoPoint p : exact) {
            boolean covered = result.front().stream().anyMatch(q -> c.objectives().stream().allMatch(o ->
                    o.goal() == Goal.MIN ? q.metric(o.metric()) <= p.metric(o.metric()) * slack
                            : q.metric(o.metric()) * slack >= p.metric(o.metric())));
            assertTrue(covered, () -> "no returned point within 1 + " + eps + " of " + p);
        }
    }
}
