package dev.ridgeline.search.exact;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.core.BadInputException;
import dev.ridgeline.search.eval.CompiledEvaluator;
import dev.ridgeline.search.eval.Metric;
import dev.ridgeline.search.job.Budget;
import dev.ridgeline.search.space.DesignSpace;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link ExactSolver#maximize}, the prune planner's question ("the most MACs, or the highest summed channel score,
 * that meets every budget"), against asking every point of random spaces of the zoo models: the same design, the
 * lowest choices among equals, with or without a known point to start from, and empty when nothing fits.
 */
class ExactMaximizeTest {

    /** The best point by brute force: the highest gain among those meeting every budget, lowest choices on a tie. */
    private static Optional<int[]> brute(CompiledEvaluator evaluator, Metric metric, double[][] perChoice,
                                         List<Budget> budgets) {
        DesignSpace space = evaluator.space();
        int[] choices = new int[space.knobCount()];
        double[] metrics = new double[Metric.COUNT];
        int[] best = null;
        double bestGain = Double.NEGATIVE_INFINITY;
        do {
            evaluator.evaluate(choices, metrics);
            if (budgets.stream().allMatch(b -> b.allows(metrics))) {
                double gain = 0;
                if (metric != null) {
                    gain = metrics[metric.ordinal()];
                } else {
                    for (int k = 0; k < choices.length; k++) {
                        gain += perChoice[k].length == 0 ? 0 : perChoice[k][choices[k]];
                    }
                }
                if (gain > bestGain || (gain == bestGain && Arrays.compare(choices, best) < 0)) {
                    bestGain = gain;
                    best = choices.clone();
                }
            }
        } while (space.next(choices) >= 0);
        return Optional.ofNullable(best);
    }

    private static ExactSolverTest.Case draw(long seed) {
        for (long s = seed; ; s += 1_000) {
            ExactSolverTest.Case c = ExactSolverTest.draw(s);
            if (c.evaluator().space().size().longValueExact() <= 20_000) {
                return c;
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void theMostMacsWithinTheBudgetsIsTheDesignAskingEveryPointFinds(long seed) {
        ExactSolverTest.Case c = draw(seed);
        CompiledEvaluator evaluator = c.evaluator();
        String what = c.model() + " " + evaluator.space().size() + " points, " + c.budgets();
        Optional<int[]> expected = brute(evaluator, Metric.MACS, null, c.budgets());
        ExactSolver solver = ExactSolver.withDefaults().withThreads(1);
        Optional<int[]> actual = solver.maximize(evaluator, Metric.MACS, null, c.budgets());
        assertEquals(expected.map(Arrays::toString), actual.map(Arrays::toString), what);
        // a known feasible point (the smallest design when it fits) gives the same answer
        int[] smallest = new int[evaluator.space().knobCount()];
        assertEquals(expected.map(Arrays::toString), solver.maximize(evaluator, Metric.MACS, null, c.budgets(),
                smallest).map(Arrays::toString), what + " from the smallest design");
        expected.ifPresent(best -> assertArrayEquals(best, solver.maximize(evaluator, Metric.MACS, null,
                c.budgets(), best).orElseThrow(), what + " from the answer itself"));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 12, 13, 14, 15, 16})
    void theHighestSummedScorePerChoiceIsTheDesignAskingEveryPointFinds(long seed) {
        ExactSolverTest.Case c = draw(seed);
        CompiledEvaluator evaluator = c.evaluator();
        SplittableRandom random = new SplittableRandom(seed);
        int knobs = evaluator.space().knobCount();
        double[][] scores = new double[knobs][];
        for (int k = 0; k < knobs; k++) {
            // some knobs score nothing (an empty row); the others a whole number per choice, so that ties occur
            scores[k] = random.nextInt(4) == 0 ? new double[0] : new double[evaluator.space().choices(k)];
            for (int i = 0; i < scores[k].length; i++) {
                scores[k][i] = random.nextInt(4);
            }
        }
        String what = c.model() + " " + evaluator.space().size() + " points, " + c.budgets();
        Optional<int[]> expected = brute(evaluator, null, scores, c.budgets());
        Optional<int[]> actual = ExactSolver.withDefaults().withThreads(2).maximize(evaluator, null, scores,
                c.budgets());
        assertEquals(expected.map(Arrays::toString), actual.map(Arrays::toString), what);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {21, 22})
    void budgetsNothingMeetsGiveNoDesign(long seed) {
        ExactSolverTest.Case c = draw(seed);
        List<Budget> impossible = List.of(new Budget(Metric.PARAMS, 0.5, Double.NaN));
        assertTrue(brute(c.evaluator(), Metric.MACS, null, impossible).isEmpty());
        assertTrue(ExactSolver.withDefaults().maximize(c.evaluator(), Metric.MACS, null, impossible).isEmpty());
        int[] known = new int[c.evaluator().space().knobCount()];
        assertTrue(ExactSolver.withDefaults().maximize(c.evaluator(), Metric.MACS, null, impossible, known)
                .isEmpty(), "an infeasible known point sets no floor");
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {31})
    void aQuestionThatIsNotOneIsRefused(long seed) {
        CompiledEvaluator evaluator = draw(seed).evaluator();
        ExactSolver solver = ExactSolver.withDefaults();
        int knobs = evaluator.space().knobCount();
        assertThrows(IllegalArgumentException.class, () -> solver.maximize(evaluator, null, null, List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> solver.maximize(evaluator, Metric.MACS, new double[knobs][], List.of()));
        assertTrue(assertThrows(BadInputException.class, () -> solver.maximize(evaluator,
                Metric.PEAK_ACTIVATION_BYTES, null, List.of())).getMessage().contains("maximum over steps"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> solver.maximize(evaluator, null,
                new double[knobs + 1][], List.of())).getMessage().contains("a score row per knob"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> solver.maximize(evaluator, Metric.MACS, null,
                List.of(), new int[knobs + 1])).getMessage().contains("a known point has a choice per knob"));
    }
}
