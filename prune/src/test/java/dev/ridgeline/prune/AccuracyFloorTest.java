package dev.ridgeline.prune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.core.BadInputException;
import dev.ridgeline.prune.plan.PlanFile;
import dev.ridgeline.search.accuracy.AccuracyPredictor;
import dev.ridgeline.search.eval.CompiledEvaluator;
import dev.ridgeline.search.eval.EvaluatorCompiler;
import dev.ridgeline.search.eval.Metric;
import dev.ridgeline.search.job.Budget;
import dev.ridgeline.search.space.DesignSpace;
import dev.ridgeline.search.space.Knob;
import dev.ridgeline.search.space.ResolvedSpace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A floor on predicted accuracy in a plan's budgets ({@code accuracy: {min: N}}): solved exactly, explained when unmet. */
class AccuracyFloorTest {
    @TempDir
    Path dir;

    static final String PLAN = "model: resnet18\nhardware: t4\nprecision: fp16\nper: stage\nlevels: 4\n"
            + "frozen: [conv1]\nallow: [channels]\n";

    /** Designs scored by a law in which later stages matter more, so that keeping MACs and accuracy disagree. */
    private void measured(DesignSpace space) throws IOException {
        List<Knob> knobs = space.knobs();
        StringBuilder csv = new StringBuilder(String.join(",", knobs.stream().map(Knob::name).toList()))
                .append(",accuracy\n");
        for (int d = 0; d < 12; d++) {
            int[] choices = new int[knobs.size()];
            for (int k = 0; k < knobs.size(); k++) {
                choices[k] = (d * (k + 1) + d / 4) % knobs.get(k).choices();
                csv.append(knobs.get(k).labels().get(choices[k])).append(',');
            }
            double a = 70;
            for (int k = 0; k < choices.length; k++) {
                a += (1 + 1.5 * k) * Math.log(Double.parseDouble(knobs.get(k).labels().get(choices[k])));
            }
            csv.append(String.format(Locale.ROOT, "%.6f%n", a));
        }
        Files.writeString(dir.resolve("measured.csv"), csv);
    }

    private PlanFile plan(String budgets, String more) throws IOException {
        PlanFile probe = PlanFiles.read(dir, PLAN + "budgets: {latencySeconds: 70%}\n");
        measured(PruneSpace.build(probe, EnumSet.of(PlanFile.Change.CHANNELS)).space());
        return PlanFiles.read(dir, PLAN + "budgets: " + budgets + "\naccuracy: {measured: measured.csv}\n" + more);
    }

    @Test
    void theFrontierSolverMeetsEveryFloorAsEnumeratingEveryPointDoes() throws IOException {
        PlanFile request = plan("{latencySeconds: 70%, accuracy: {min: 60}}", "");
        ResolvedSpace space = PruneSpace.build(request, EnumSet.of(PlanFile.Change.CHANNELS));
        AccuracyPredictor p = request.accuracy().orElseThrow().fit(space);
        CompiledEvaluator evaluator = EvaluatorCompiler.compile(space, request.setup()).withAccuracy(p);
        double latency = request.budgets().get(0).max();
        int feasible = 0;
        int infeasible = 0;
        for (double floor = 55; floor <= 71; floor += 0.5) {
            for (Score score : List.of(new Score.OfMetric(Metric.MACS), AccuracyFloor.score(p))) {
                PlanProblem problem = new PlanProblem(space, evaluator, List.of(new Budget(Metric.LATENCY_SECONDS,
                        latency, Double.NaN), new Budget(Metric.ACCURACY, Double.NaN, floor)), score);
                Optional<Solution> dp = new FrontierSolver().solve(problem);
                Optional<Solution> all = new ExhaustiveSolver(1_000_000).solve(problem);
                assertEquals(all.isPresent(), dp.isPresent(), "feasibility at floor " + floor);
                if (dp.isPresent()) {
                    feasible++;
                    assertEquals(all.get().score(), dp.get().score(), 0.0, "best score at floor " + floor);
                    assertTrue(dp.get().metrics()[Metric.ACCURACY.ordinal()] >= floor);
                    assertTrue(dp.get().metrics()[Metric.LATENCY_SECONDS.ordinal()] <= latency);
                } else {
                    infeasible++;
                }
            }
        }
        assertTrue(feasible > 0 && infeasible > 0, feasible + " feasible, " + infeasible + " not");
    }

    @Test
    void aFloorChangesTheMacsPlanAndThePlanMeetsIt() throws IOException {
        PlanFile without = plan("{latencySeconds: 70%, accuracy: {min: 0}}", "");
        PrunePlan free = new Planner(new FrontierSolver()).plan(without, Optional.empty());
        // objective macs under a floor no design misses: what the latency budget alone leaves
        double freeAccuracy = free.metrics()[Metric.ACCURACY.ordinal()];
        double floor = Math.ceil(freeAccuracy) + 0.5;
        PlanFile with = plan("{latencySeconds: 70%, accuracy: {min: " + floor + "}}", "");
        PrunePlan floored = new Planner(new FrontierSolver()).plan(with, Optional.empty());
        assertTrue(floored.feasible(), floored.attempts().get(0).note());
        assertTrue(floored.metrics()[Metric.ACCURACY.ordinal()] >= floor);
        assertTrue(floored.score() <= free.score(), "a floor can only cost MACs");
        assertFalse(java.util.Arrays.equals(free.chosen(), floored.chosen()), "the floor binds");
        assertEquals(floored.accuracy().orElseThrow().predict(floored.chosen()),
                floored.metrics()[Metric.ACCURACY.ordinal()], 0.0);
        // each step of the plan carries the accuracy predicted for its own point
        assertFalse(floored.steps().isEmpty());
        for (PrunePlan.Step step : floored.steps()) {
            assertEquals(floored.accuracy().orElseThrow().predict(step.choices()),
                    step.metrics()[Metric.ACCURACY.ordinal()], 0.0);
        }
    }

    @Test
    void withoutAFloorThereIsNoMostAccuratePlanToShow() throws IOException {
        PlanFile request = plan("{latencySeconds: 70%, accuracy: {min: 60}}", "");
        ResolvedSpace space = PruneSpace.build(request, EnumSet.of(PlanFile.Change.CHANNELS));
        AccuracyPredictor p = request.accuracy().orElseThrow().fit(space);
        CompiledEvaluator evaluator = EvaluatorCompiler.compile(space, request.setup()).withAccuracy(p);
        PlanProblem ceilingsOnly = new PlanProblem(space, evaluator, List.of(new Budget(Metric.LATENCY_SECONDS,
                request.budgets().get(0).max(), Double.NaN)), new Score.OfMetric(Metric.MACS));
        assertEquals(Optional.empty(), AccuracyFloor.mostAccurate(ceilingsOnly, Optional.of(p), new ExhaustiveSolver(
                1_000_000)));
        PlanProblem floored = new PlanProblem(space, evaluator, List.of(new Budget(Metric.LATENCY_SECONDS,
                request.budgets().get(0).max(), Double.NaN), new Budget(Metric.ACCURACY, Double.NaN, 99)),
                new Score.OfMetric(Metric.MACS));
        assertEquals(Optional.empty(), AccuracyFloor.mostAccurate(floored, Optional.empty(), new ExhaustiveSolver(
                1_000_000)));
        assertTrue(AccuracyFloor.mostAccurate(floored, Optional.of(p), new ExhaustiveSolver(1_000_000)).isPresent());
    }

    @Test
    void aFloorMetExactlyIsNotMissedAndACeilingMetExactlyIsNotBroken() {
        List<Budget> budgets = List.of(new Budget(Metric.PARAMS, 100, Double.NaN),
                new Budget(Metric.ACCURACY, Double.NaN, 65));
        double[] m = new double[Metric.COUNT];
        m[Metric.PARAMS.ordinal()] = 100;
        m[Metric.ACCURACY.ordinal()] = 64;
        assertTrue(AccuracyFloor.missesOnlyFloors(budgets, m));
        assertEquals(List.of("keep at most 64.00 points of predicted accuracy within the other budgets; budget at "
                + "least 65.00 points"), AccuracyFloor.misses(budgets, m));
        m[Metric.ACCURACY.ordinal()] = 65;
        assertFalse(AccuracyFloor.missesOnlyFloors(budgets, m), "nothing is missed");
        assertEquals(List.of(), AccuracyFloor.misses(budgets, m));
        m[Metric.ACCURACY.ordinal()] = 64;
        m[Metric.PARAMS.ordinal()] = 101;
        assertFalse(AccuracyFloor.missesOnlyFloors(budgets, m), "a ceiling is broken");
    }

    @Test
    void anUnmetFloorShowsTheMostAccuratePlanWithinTheOtherBudgets() throws IOException {
        PlanFile request = plan("{latencySeconds: 70%, accuracy: {min: 69.5}}", "");
        PrunePlan plan = new Planner(new FrontierSolver()).plan(request, Optional.empty());
        assertFalse(plan.feasible());
        // the closest plan meets the latency budget and is the most accurate of all that do
        ResolvedSpace space = plan.space();
        AccuracyPredictor p = plan.accuracy().orElseThrow();
        CompiledEvaluator evaluator = EvaluatorCompiler.compile(space, request.setup()).withAccuracy(p);
        double latency = request.budgets().get(0).max();
        Solution best = new ExhaustiveSolver(1_000_000).solve(new PlanProblem(space, evaluator, List.of(
                new Budget(Metric.LATENCY_SECONDS, latency, Double.NaN)), AccuracyFloor.score(p))).orElseThrow();
        assertEquals(best.metrics()[Metric.ACCURACY.ordinal()], plan.metrics()[Metric.ACCURACY.ordinal()], 0.0);
        assertTrue(plan.metrics()[Metric.LATENCY_SECONDS.ordinal()] <= latency);
        assertTrue(AccuracyFloor.missesOnlyFloors(request.budgets(), plan.metrics()));
        assertTrue(plan.attempts().get(0).note().contains("within the other budgets; budget at least 69.50 points"),
                plan.attempts().get(0).note());
        PrunePlan.Baseline greedy = plan.baselines().get(1);
        assertFalse(greedy.feasible());
        assertTrue(greedy.setting().contains("cutting cannot raise"), greedy.setting());
    }

    @Test
    void aPlanBudgetOnAccuracyIsAFloorAndOtherBudgetsAreCeilings() throws IOException {
        BadInputException max = assertThrows(BadInputException.class,
                () -> plan("{latencySeconds: 70%, accuracy: {max: 65}}", ""));
        assertTrue(max.getMessage().contains(":8:43: field 'budgets.accuracy.max'")
                && max.getMessage().contains("allowed: min"), max.getMessage());
        BadInputException bare = assertThrows(BadInputException.class,
                () -> plan("{latencySeconds: 70%, accuracy: 65}", ""));
        assertTrue(bare.getMessage().contains(":8:42: field 'budgets.accuracy'"), bare.getMessage());
        BadInputException min = assertThrows(BadInputException.class,
                () -> plan("{latencySeconds: {min: 50%}, accuracy: {min: 65}}", ""));
        assertTrue(min.getMessage().contains(":8:28: field 'budgets.latencySeconds.min'")
                && min.getMessage().contains("allowed: max"), min.getMessage());
    }
}
