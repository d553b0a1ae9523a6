package dev.ridgeline.prune;

import dev.ridgeline.core.BadInputException;
import dev.ridgeline.search.eval.Metric;
import dev.ridgeline.search.eval.Terms;
import dev.ridgeline.search.job.Budget;
import dev.ridgeline.search.space.DesignSpace;
import dev.ridgeline.search.space.KnobTarget;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * An exact solver by dynamic programming over the compiled evaluator's terms. Every layer is a factor over
 * the few knobs that touch it (its budget metrics' terms and its share of the score); every execution step
 * is a constraint when peak memory has a budget. Knobs are decided one at a time in the order the layers
 * first use them; a state is an assignment of the decided knobs some undecided factor still reads (the
 * frontier), and keeps only its non-dominated partial (costs, score) pairs. Since every term is
 * non-negative, a partial cost above a budget is dropped at once; a floor on predicted accuracy becomes such a
 * cost too (each term's shortfall from its best choice). Separable knobs (graph structures) are
 * enumerated outermost. The result is the best point of the space, as {@link ExhaustiveSolver} finds it.
 */
public final class FrontierSolver implements PlanSolver {
    /** Partial solutions one step may hold at most before the solver gives up with advice. */
    static final long MAX_ENTRIES = 20_000_000L;

    @Override
    public String id() {
        return "frontier-dp";
    }

    @Override
    public Optional<Solution> solve(PlanProblem problem) {
        DesignSpace space = problem.space().space();
        int n = space.knobCount();
        List<Integer> structural = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            if (space.knobs().get(k).target() instanceof KnobTarget.Separable) {
                structural.add(k);
            }
        }
        Solution best = null;
        int[] config = new int[n];
        long configs = 1;
        for (int k : structural) {
            configs *= space.choices(k);
        }
        for (long c = 0; c < configs; c++) {
            long rest = c;
            for (int i = structural.size() - 1; i >= 0; i--) {
                int k = structural.get(i);
                config[k] = (int) (rest % space.choices(k));
                rest /= space.choices(k);
            }
            int[] fixed = new int[n];
            Arrays.fill(fixed, -1);
            structural.forEach(k -> fixed[k] = config[k]);
            Optional<int[]> choices = new Run(problem, Terms.of(problem.evaluator(), config), fixed).solve();
            if (choices.isPresent()) {
                double[] metrics = new double[Metric.COUNT];
                problem.evaluator().evaluate(choices.get(), metrics);
                double s = problem.score().of(metrics, choices.get());
                if (problem.allows(metrics) && (best == null || s > best.score())) {
                    best = new Solution(choices.get(), metrics, s);
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** One graph structure's dynamic programme. */
    private static final class Run {
        private final DesignSpace space;
        private final int knobs;
        private final int[] fixed;
        private final double[] maxCost;
        private final int costs;
        private final List<Factor> factors = new ArrayList<>();

        Run(PlanProblem problem, Terms terms, int[] fixed) {
            this.space = problem.space().space();
            this.knobs = space.knobCount();
            this.fixed = fixed;
            // a cost per budgeted additive metric and direction: a ceiling's cost is the metric itself; a floor's
            // (accuracy's {min: N}) is each term's shortfall from its own largest entry, so that it too is
            // non-negative and bounded above: sum of shortfalls <= (sum of largest entries) - min
            List<Metric> additive = new ArrayList<>();
            List<Boolean> floor = new ArrayList<>();
            double peak = Double.NaN;
            for (Budget b : problem.budgets()) {
                if (b.metric() == Metric.PEAK_ACTIVATION_BYTES) {
                    if (!Double.isNaN(b.min())) {
                        throw new IllegalArgumentException("a floor on peak activation memory");
                    }
                    peak = Double.isNaN(peak) ? b.max() : Math.min(peak, b.max());
                    continue;
                }
                for (boolean isFloor : new boolean[] {false, true}) {
                    if (!Double.isNaN(isFloor ? b.min() : b.max()) && !has(additive, floor, b.metric(), isFloor)) {
                        additive.add(b.metric());
                        floor.add(isFloor);
                    }
                }
            }
            this.costs = additive.size();
            this.maxCost = new double[costs];
            double[][] top = new double[costs][];
            for (int i = 0; i < costs; i++) {
                Metric m = additive.get(i);
                if (!floor.get(i) && m == Metric.ACCURACY) {
                    // its terms may be negative, so a partial sum says nothing; plan files refuse it
                    throw new IllegalArgumentException("a ceiling on accuracy: plans take a floor on it");
                }
                if (!floor.get(i)) {
                    maxCost[i] = problem.budgets().stream().filter(b -> b.metric() == m).mapToDouble(Budget::max)
                            .filter(v -> !Double.isNaN(v)).min().orElseThrow();
                    continue;
                }
                top[i] = new double[terms.layers()];
                double most = 0;
                for (int layer = 0; layer < terms.layers(); layer++) {
                    double t = Double.NEGATIVE_INFINITY;
                    for (int e = 0; e < terms.entries(layer); e++) {
                        t = Math.max(t, terms.value(layer, e, m));
                    }
                    top[i][layer] = t;
                    most += t;
                }
                double least = problem.budgets().stream().filter(b -> b.metric() == m).mapToDouble(Budget::min)
                        .filter(v -> !Double.isNaN(v)).max().orElseThrow();
                maxCost[i] = most - least;
            }
            Metric scored = problem.score() instanceof Score.OfMetric om ? om.metric() : null;
            for (int layer = 0; layer < terms.layers(); layer++) {
                int[] scope = terms.knobs(layer);
                final int l = layer;
                factors.add(Factor.of(scope, space, (entry, cost) -> {
                    for (int i = 0; i < costs; i++) {
                        double v = terms.value(l, entry, additive.get(i));
                        cost[i] = floor.get(i) ? top[i][l] - v : v;
                    }
                    return scored == null ? 0 : terms.value(l, entry, scored);
                }, null, costs));
            }
            if (problem.score() instanceof Score.OfChoices oc) {
                for (int k = 0; k < knobs; k++) {
                    double[] row = oc.perChoice()[k];
                    if (row.length > 0) {
                        factors.add(Factor.of(new int[] {k}, space, (entry, cost) -> row[entry], null, costs));
                    }
                }
            }
            if (!Double.isNaN(peak)) {
                double limit = peak;
                for (int step = 0; step < terms.steps(); step++) {
                    int[] live = terms.live(step);
                    java.util.TreeSet<Integer> union = new java.util.TreeSet<>();
                    for (int b : live) {
                        Arrays.stream(terms.bufferKnobs(b)).forEach(union::add);
                    }
                    int[] scope = union.stream().mapToInt(Integer::intValue).toArray();
                    factors.add(Factor.of(scope, space, (entry, cost) -> 0, choices -> {
                        double bytes = 0;
                        for (int b : live) {
                            int[] bk = terms.bufferKnobs(b);
                            int e = 0;
                            for (int k : bk) {
                                e = e * space.choices(k) + choices[k];
                            }
                            bytes += terms.bufferBytes(b, e);
                        }
                        return bytes <= limit;
                    }, costs));
                }
            }
        }

        Optional<int[]> solve() {
            // elimination order: knobs in the order factors first use them
            int[] order = new int[knobs];
            int[] pos = new int[knobs];
            Arrays.fill(pos, -1);
            int t = 0;
            for (Factor f : factors) {
                for (int k : f.scope) {
                    if (pos[k] < 0) {
                        pos[k] = t;
                        order[t++] = k;
                    }
                }
            }
            for (int k = 0; k < knobs; k++) {
                if (pos[k] < 0) {
                    pos[k] = t;
                    order[t++] = k;
                }
            }
            int[] lastUse = new int[knobs];
            Arrays.fill(lastUse, -1);
            List<List<Factor>> dueAt = new ArrayList<>();
            for (int i = 0; i < knobs; i++) {
                dueAt.add(new ArrayList<>());
            }
            double[] startCost = new double[costs];
            double startScore = 0;
            for (Factor f : factors) {
                int last = -1;
                for (int k : f.scope) {
                    last = Math.max(last, pos[k]);
                }
                if (last < 0) {
                    int[] none = new int[knobs];
                    if (!f.feasible(none)) {
                        return Optional.empty();
                    }
                    startScore += f.add(none, startCost);
                    continue;
                }
                dueAt.get(last).add(f);
                for (int k : f.scope) {
                    lastUse[k] = Math.max(lastUse[k], last);
                }
            }
            for (int i = 0; i < costs; i++) {
                if (startCost[i] > maxCost[i]) {
                    return Optional.empty();
                }
            }
            Frontier current = Frontier.start(new Entry(startCost, startScore, null, -1));
            int[] assign = new int[knobs];
            for (int p = 0; p < knobs; p++) {
                int k = order[p];
                List<Integer> next = new ArrayList<>();
                for (int q = 0; q <= p; q++) {
                    if (lastUse[order[q]] > p) {
                        next.add(order[q]);
                    }
                }
                Frontier out = new Frontier(next.stream().mapToInt(Integer::intValue).toArray(), space);
                int lo = fixed[k] >= 0 ? fixed[k] : 0;
                int hi = fixed[k] >= 0 ? fixed[k] : space.choices(k) - 1;
                double[] delta = new double[costs];
                long held = 0;
                for (int s = 0; s < current.size(); s++) {
                    current.decode(s, assign);
                    List<Entry> front = current.front(s);
                    for (int c = lo; c <= hi; c++) {
                        assign[k] = c;
                        Arrays.fill(delta, 0);
                        double score = 0;
                        boolean ok = true;
                        for (Factor f : dueAt.get(p)) {
                            if (!f.feasible(assign)) {
                                ok = false;
                                break;
                            }
                            score += f.add(assign, delta);
                        }
                        if (!ok) {
                            continue;
                        }
                        List<Entry> bucket = out.bucket(assign);
                        for (Entry e : front) {
                            double[] cost = new double[costs];
                            boolean within = true;
                            for (int i = 0; i < costs; i++) {
                                cost[i] = e.cost[i] + delta[i];
                                within &= cost[i] <= maxCost[i] * (1 + 1e-12);
                            }
                            if (within) {
                                bucket.add(new Entry(cost, e.score + score, e, c));
                            }
                        }
                        held += front.size();
                    }
                }
                if (held > MAX_ENTRIES) {
                    throw new BadInputException("the plan space is too entangled for an exact plan: " + held
                            + " partial plans at one step; use 'per: stage', fewer 'levels', or freeze more layers");
                }
                out.prune();
                current = out;
            }
            if (current.size() == 0 || current.front(0).isEmpty()) {
                return Optional.empty();
            }
            Entry best = current.front(0).get(0);
            int[] choices = new int[knobs];
            Entry e = best;
            for (int p = knobs - 1; p >= 0; p--) {
                choices[order[p]] = e.choice;
                e = e.parent;
            }
            return Optional.of(choices);
        }
    }

    private static boolean has(List<Metric> metrics, List<Boolean> floors, Metric m, boolean floor) {
        for (int i = 0; i < metrics.size(); i++) {
            if (metrics.get(i) == m && floors.get(i) == floor) {
                return true;
            }
        }
        return false;
    }

    /** A partial plan: its summed costs and score, and the choice that led to it from its parent. */
    record Entry(double[] cost, double score, Entry parent, int choice) {
    }
}
