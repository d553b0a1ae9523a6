package dev.ridgeline.prune;

import dev.ridgeline.search.eval.Metric;
import dev.ridgeline.search.job.Budget;
import dev.ridgeline.search.space.DesignSpace;
import dev.ridgeline.search.space.KnobTarget;
import java.util.Locale;

/**
 * The plans others would make on the same budgets and space: one width multiplier for every channel group
 * (the largest, in steps of 0.01, that meets the budgets: the weight-free baseline papers report), and a
 * NetAdapt-style greedy schedule (from the base model, each step cuts one knob just enough to remove a fixed
 * share of the most exceeded budget's resource, choosing the knob whose cut keeps the highest score).
 */
public final class Baselines {
    /** The share of the base model's resource each greedy step removes. */
    static final double GREEDY_STEP = 0.02;

    private Baselines() {
    }

    public static PrunePlan.Baseline uniform(PlanProblem problem, double minKeep) {
        DesignSpace space = problem.space().space();
        int[] choices = base(space);
        double[] metrics = new double[Metric.COUNT];
        for (int step = 100; step >= 0; step--) {
            double m = Math.max(minKeep, step / 100.0);
            for (int k = 0; k < space.knobCount(); k++) {
                if (space.knobs().get(k).target() instanceof KnobTarget.Width w) {
                    choices[k] = widthChoice(w, m, problem);
                }
            }
            problem.evaluator().evaluate(choices, metrics);
            if (problem.allows(metrics)) {
                return new PrunePlan.Baseline("uniform", true, choices, metrics, problem.score().of(metrics, choices),
                        String.format(Locale.ROOT, "width multiplier %.2f", m));
            }
            if (m == minKeep) {
                break;
            }
        }
        return new PrunePlan.Baseline("uniform", false, null, metrics, Double.NaN,
                "no width multiplier down to minKeep meets the budgets");
    }

    /** The largest choice whose widths are all at most m times the base (the least choice if none is). */
    private static int widthChoice(KnobTarget.Width w, double m, PlanProblem problem) {
        int best = 0;
        for (int c = 0; c < w.channels().length; c++) {
            boolean within = true;
            for (int i = 0; i < w.groups().size(); i++) {
                int base = problem.space().groups().groups().get(w.groups().get(i)).baseChannels();
                within &= w.channels()[c][i] <= m * base + 1e-9;
            }
            if (within) {
                best = c;
            }
        }
        return best;
    }

    public static PrunePlan.Baseline greedy(PlanProblem problem) {
        DesignSpace space = problem.space().space();
        int[] current = base(space);
        double[] metrics = new double[Metric.COUNT];
        problem.evaluator().evaluate(current, metrics);
        double[] baseMetrics = metrics.clone();
        double[] trial = new double[Metric.COUNT];
        int steps = 0;
        while (!problem.allows(metrics)) {
            // only a ceiling is met by cutting; a missed floor (accuracy's min) only falls further
            Budget worst = null;
            for (Budget b : problem.budgets()) {
                boolean over = !Double.isNaN(b.max()) && metrics[b.metric().ordinal()] > b.max();
                if (over && (worst == null || b.excess(metrics) > worst.excess(metrics))) {
                    worst = b;
                }
            }
            if (worst == null) {
                return new PrunePlan.Baseline("greedy", false, null, metrics, Double.NaN, steps == 0
                        ? "the base widths already miss a minimum, which cutting cannot raise"
                        : "after " + steps + " steps below a minimum, which cutting cannot raise");
            }
            int r = worst.metric().ordinal();
            double target = metrics[r] - GREEDY_STEP * baseMetrics[r];
            int bestKnob = -1;
            int bestChoice = -1;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < space.knobCount(); k++) {
                int was = current[k];
                int pick = -1;
                for (int c = was - 1; c >= 0; c--) {
                    current[k] = c;
                    problem.evaluator().evaluate(current, trial);
                    if (trial[r] < metrics[r]) {
                        pick = c;
                        if (trial[r] <= target) {
                            break;
                        }
                    }
                }
                if (pick >= 0) {
                    current[k] = pick;
                    problem.evaluator().evaluate(current, trial);
                    double s = problem.score().of(trial, current);
                    if (s > bestScore) {
                        bestScore = s;
                        bestKnob = k;
                        bestChoice = pick;
                    }
                }
                current[k] = was;
            }
            if (bestKnob < 0) {
                return new PrunePlan.Baseline("greedy", false, null, metrics, Double.NaN,
                        "stuck after " + steps + " steps: no knob can cut further");
            }
            current[bestKnob] = bestChoice;
            problem.evaluator().evaluate(current, metrics);
            steps++;
        }
        return new PrunePlan.Baseline("greedy", true, current, metrics, problem.score().of(metrics, current),
                steps + " steps of " + Math.round(GREEDY_STEP * 100) + "% of the base resource");
    }

    private static int[] base(DesignSpace space) {
        int[] choices = new int[space.knobCount()];
        for (int k = 0; k < choices.length; k++) {
            choices[k] = space.choices(k) - 1;
        }
        return choices;
    }
}
