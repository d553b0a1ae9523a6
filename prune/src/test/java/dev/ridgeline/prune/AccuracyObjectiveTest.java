package dev.ridgeline.prune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.core.BadInputException;
import dev.ridgeline.prune.plan.PlanFile;
import dev.ridgeline.search.eval.Metric;
import dev.ridgeline.search.space.DesignSpace;
import dev.ridgeline.search.space.Knob;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code objective: accuracy}: the plan keeps the most predicted accuracy within its budgets. */
class AccuracyObjectiveTest {
    @TempDir
    Path dir;

    static final String PLAN = "model: resnet18\nhardware: t4\nprecision: fp16\nper: stage\nlevels: 3\n"
            + "allow: [channels]\nbudgets: {latencySeconds: 80%}\n";

    /**
     * Designs "measured" on a made-up law in which the last stage's width matters most (so that keeping MACs
     * and keeping accuracy disagree): accuracy = 70 + sum of w_k x ln(multiplier_k), w rising with the stage.
     */
    Path measured(DesignSpace space, int designs) throws IOException {
        List<Knob> knobs = space.knobs();
        StringBuilder csv = new StringBuilder(String.join(",", knobs.stream().map(Knob::name).toList()))
                .append(",accuracy\n");
        Random random = new Random(7);
        for (int d = 0; d < designs; d++) {
            int[] choices = new int[knobs.size()];
            StringBuilder row = new StringBuilder();
            for (int k = 0; k < knobs.size(); k++) {
                choices[k] = d < knobs.get(k).choices() ? d : random.nextInt(knobs.get(k).choices());
                row.append(knobs.get(k).labels().get(choices[k])).append(',');
            }
            csv.append(row).append(String.format(java.util.Locale.ROOT, "%.9f%n", law(space, choices)));
        }
        Path file = dir.resolve("measured.csv");
        Files.writeString(file, csv);
        return file;
    }

    static double law(DesignSpace space, int[] choices) {
        double a = 70;
        for (int k = 0; k < choices.length; k++) {
            a += (1 + 4.0 * k) * Math.log(Double.parseDouble(space.knobs().get(k).labels().get(choices[k])));
        }
        return a;
    }

    @Test
    void thePlanKeepsMorePredictedAccuracyThanTheBaselinesWithinTheBudget() throws IOException {
        PlanFile probe = PlanFiles.read(dir, PLAN);
        DesignSpace space = PruneSpace.build(probe, EnumSet.of(PlanFile.Change.CHANNELS)).space();
        measured(space, space.knobCount() + 8);
        PlanFile request = PlanFiles.read(dir, PLAN + "objective: accuracy\naccuracy: {measured: measured.csv}\n");
        PrunePlan plan = new Planner(new EliminationSolver()).plan(request, Optional.empty());
        assertTrue(plan.feasible());
        assertTrue(plan.metrics()[Metric.LATENCY_SECONDS.ordinal()] <= request.budgets().get(0).max());
        // the score is the predicted accuracy, intercept included; the law is linear in ln(width), as the
        // predictor's terms can be, so the prediction at the base widths is the law's value
        int[] base = new int[space.knobCount()];
        for (int k = 0; k < base.length; k++) {
            base[k] = space.choices(k) - 1;
        }
        assertEquals(law(space, base), plan.baseScore(), 1e-6);
        assertEquals(law(space, plan.chosen()), plan.score(), 1e-6);
        for (PrunePlan.Baseline b : plan.baselines()) {
            if (b.feasible()) {
                assertTrue(plan.score() >= b.score() - 1e-9, b.name() + " keeps " + b.score() + ", the plan "
                        + plan.score());
            }
        }
        // the exhaustive solver agrees: the plan is the best predicted accuracy within the budget
        PrunePlan exhaustive = new Planner(new ExhaustiveSolver(10_000_000)).plan(request, Optional.empty());
        assertEquals(exhaustive.score(), plan.score(), 1e-9);
    }

    @Test
    void anAccuracyObjectiveWithoutMeasuredDesignsIsNamedAtTheObjective() {
        BadInputException e = assertThrows(BadInputException.class,
                () -> PlanFiles.read(dir, PLAN + "objective: accuracy\n"));
        assertTrue(e.getMessage().contains(":8:12:") && e.getMessage().contains("accuracy: {measured: FILE.csv}"),
                e.getMessage());
    }
}
