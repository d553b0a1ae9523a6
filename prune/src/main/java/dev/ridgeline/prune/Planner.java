package dev.ridgeline.prune;

import dev.ridgeline.search.accuracy.AccuracyPredictor;
import dev.ridgeline.search.eval.CompiledEvaluator;
import dev.ridgeline.search.eval.EvaluatorCompiler;
import dev.ridgeline.search.eval.Metric;
import dev.ridgeline.search.eval.ReferenceEvaluator;
import dev.ridgeline.search.job.Budget;
import dev.ridgeline.prune.plan.PlanFile;
import dev.ridgeline.prune.plan.PlanFile.Change;
import dev.ridgeline.prune.plan.PlanFile.PruneObjective;
import dev.ridgeline.search.space.ResolvedSpace;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Channels first, as a rule: the best plan with channel changes alone; only if no such plan meets the
 * budgets, channels and kernel reductions; only then separable convolutions as well. Each stage is solved
 * exactly by a {@link PlanSolver}; the stage's note says why the next one was needed.
 */
public final class Planner {
    private final PlanSolver solver;

    public Planner(PlanSolver solver) {
        this.solver = solver;
    }

    /**
     * Refuses, before any work, a request whose spaces would be too large to tabulate (see {@link TableSize}):
     * the largest space a plan may reach, with every allowed kind of change.
     */
    public static void check(PlanFile request) {
        TableSize.check(PruneSpace.build(request, request.allow()), request.source());
    }

    public PrunePlan plan(PlanFile request, Optional<ChannelScores> scores) {
        long start = System.nanoTime();
        List<PrunePlan.StageAttempt> attempts = new ArrayList<>();
        Set<Change> changes = EnumSet.noneOf(Change.class);
        Stage last = null;
        List<Stage> tried = new ArrayList<>();
        for (Change next : Change.values()) {
            if (!request.allow().contains(next)) {
                continue;
            }
            changes.add(next);
            ResolvedSpace space = PruneSpace.build(request, changes);
            if (last != null && space.space().knobCount() == last.space.space().knobCount()) {
                attempts.add(new PrunePlan.StageAttempt(changes, space.space().knobCount(),
                        space.space().size().toString(), false, last.reachable, "nothing to add: the model has no "
                        + next.id() + " change outside the frozen layers"));
                continue;
            }
            if (space.space().knobCount() == 0) {
                attempts.add(new PrunePlan.StageAttempt(changes, 0, "1", false, request.baseMetrics(),
                        "nothing to change: every " + next.id() + " change touches a frozen layer or a fixed width"));
                continue;
            }
            TableSize.check(space, request.source());
            Optional<AccuracyPredictor> predictor = request.accuracy().map(a -> a.fit(space));
            CompiledEvaluator plain = EvaluatorCompiler.compile(space, request.setup());
            CompiledEvaluator evaluator = predictor.map(plain::withAccuracy).orElse(plain);
            Score score = score(request, space, scores, predictor);
            PlanProblem problem = new PlanProblem(space, evaluator, request.budgets(), score);
            double[] reachable = new double[Metric.COUNT];
            int[] least = new int[space.space().knobCount()];
            evaluator.evaluate(least, reachable);
            Optional<Solution> best = solver.solve(problem);
            // no plan meets a floor on accuracy: the closest is the most accurate plan within the other budgets
            Optional<Solution> mostAccurate = best.isPresent() ? Optional.empty()
                    : AccuracyFloor.mostAccurate(problem, predictor, solver);
            Solution closest = mostAccurate.map(s -> new Solution(s.choices(), s.metrics(), score.of(s.metrics(),
                    s.choices()))).orElseGet(() -> new Solution(least, reachable, score.of(reachable, least)));
            last = new Stage(EnumSet.copyOf(changes), space, problem, reachable, best, closest, predictor);
            tried.add(last);
            attempts.add(new PrunePlan.StageAttempt(changes, space.space().knobCount(),
                    space.space().size().toString(), best.isPresent(), reachable, note(request, changes, reachable,
                            best.isPresent(), mostAccurate)));
            if (best.isPresent()) {
                break;
            }
        }
        if (last == null) {
            throw new dev.ridgeline.core.BadInputException(request.source() + ": nothing can change: every channel "
                    + "group, kernel and conv the plan may touch is frozen or fixed");
        }
        // when no stage meets the budgets, the one that comes closest (a later kind of change can cost more)
        Stage done = last.best.isPresent() ? last : tried.stream().min(java.util.Comparator.comparingDouble(
                st -> request.budgets().stream().mapToDouble(b -> b.excess(st.closest.metrics())).sum()))
                .orElseThrow();
        List<PrunePlan.Baseline> baselines = List.of(Baselines.uniform(done.problem, request.minKeep()),
                Baselines.greedy(done.problem));
        Solution chosen = done.best.orElse(done.closest);
        ReferenceEvaluator reference = new ReferenceEvaluator(done.space, request.setup());
        List<PrunePlan.Step> steps = steps(done.space, chosen.choices(), reference, done.predictor);
        double[] metrics = new double[Metric.COUNT];
        reference.evaluate(chosen.choices(), metrics);
        done.predictor.ifPresent(p -> metrics[Metric.ACCURACY.ordinal()] = p.predict(chosen.choices()));
        int[] base = new int[done.space.space().knobCount()];
        for (int k = 0; k < base.length; k++) {
            base[k] = done.space.space().choices(k) - 1;
        }
        double baseScore = done.problem.score().of(request.baseMetrics(), base);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new PrunePlan(request, attempts, done.changes, done.space, done.best.isPresent(), chosen.choices(), metrics,
                chosen.score(), baseScore, steps, baselines, solver.id(), seconds, scores, done.predictor);
    }

    /** The chosen point reached in order: widths, then kernels, then separable forms (kinds it does not use skipped). */
    private static List<PrunePlan.Step> steps(ResolvedSpace space, int[] chosen, ReferenceEvaluator reference,
                                              Optional<AccuracyPredictor> predictor) {
        List<PrunePlan.Step> steps = new ArrayList<>();
        int[] point = new int[chosen.length];
        for (int k = 0; k < point.length; k++) {
            point[k] = space.space().choices(k) - 1;
        }
        for (Change c : Change.values()) {
            boolean changed = false;
            for (int k = 0; k < point.length; k++) {
                if (kind(space.space().knobs().get(k).target()) == c && point[k] != chosen[k]) {
                    point[k] = chosen[k];
                    changed = true;
                }
            }
            if (changed) {
                double[] m = new double[Metric.COUNT];
                reference.evaluate(point, m);
                predictor.ifPresent(p -> m[Metric.ACCURACY.ordinal()] = p.predict(point));
                steps.add(new PrunePlan.Step(c, point.clone(), m));
            }
        }
        return steps;
    }

    static Change kind(dev.ridgeline.search.space.KnobTarget t) {
        if (t instanceof dev.ridgeline.search.space.KnobTarget.Width) {
            return Change.CHANNELS;
        }
        return t instanceof dev.ridgeline.search.space.KnobTarget.Kernel ? Change.KERNELS : Change.SEPARABLE;
    }

    private static Score score(PlanFile request, ResolvedSpace space, Optional<ChannelScores> scores,
                               Optional<AccuracyPredictor> predictor) {
        if (request.objective() == PruneObjective.IMPORTANCE) {
            return new Score.OfChoices(scores.orElseThrow(() -> new IllegalStateException(
                    "objective importance without channel scores")).perChoice(space));
        }
        if (request.objective() == PruneObjective.ACCURACY) {
            return AccuracyFloor.score(predictor.orElseThrow(() -> new IllegalStateException(
                    "objective accuracy without measured designs")));
        }
        return new Score.OfMetric(request.objective() == PruneObjective.PARAMS ? Metric.PARAMS : Metric.MACS);
    }

    /** "channels alone reach at best 1.42 ms at minKeep 0.25; budget 1.20 ms", or what met the budgets. */
    static String note(PlanFile request, Set<Change> changes, double[] reachable, boolean feasible,
                       Optional<Solution> mostAccurate) {
        String what = String.join(" + ", changes.stream().map(Change::id).toList());
        if (feasible) {
            return what + (changes.size() == 1 ? " alone meet" : " meet") + " the budgets";
        }
        List<String> misses = new ArrayList<>();
        for (Budget b : request.budgets()) {
            if (!Double.isNaN(b.max()) && reachable[b.metric().ordinal()] > b.max()) {
                misses.add("reach at best " + Figures.format(b.metric(), reachable[b.metric().ordinal()]) + "; budget "
                        + Figures.format(b.metric(), b.max()));
            }
        }
        mostAccurate.ifPresent(s -> misses.addAll(AccuracyFloor.misses(request.budgets(), s.metrics())));
        String limits = String.format(Locale.ROOT, "at minKeep %s", Figures.trim(request.minKeep()))
                + (changes.contains(Change.KERNELS) ? ", kernels 3x3" : "")
                + (changes.contains(Change.SEPARABLE) ? ", every allowed conv separable" : "");
        return what + (changes.size() == 1 ? " alone " : " ") + String.join(", ", misses) + " (" + limits + ")";
    }

    /** A stage tried: its best plan, or the closest (the most accurate within the other budgets, or the least). */
    private record Stage(Set<Change> changes, ResolvedSpace space, PlanProblem problem, double[] reachable,
                         Optional<Solution> best, Solution closest, Optional<AccuracyPredictor> predictor) {
    }
}
