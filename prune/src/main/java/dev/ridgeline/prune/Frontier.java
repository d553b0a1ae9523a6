package dev.ridgeline.prune;

import dev.ridgeline.search.space.DesignSpace;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The states of one step of {@link FrontierSolver}: for each assignment of the frontier knobs, the
 * partial plans that reach it, reduced by {@link #prune} to the non-dominated ones (no other has every
 * cost at most its own and a score at least its own), best score first.
 */
final class Frontier {
    private final int[] vars;
    private final int[] radix;
    private final Map<Long, Integer> index = new HashMap<>();
    private final List<Long> keys = new ArrayList<>();
    private final List<List<FrontierSolver.Entry>> fronts = new ArrayList<>();

    Frontier(int[] vars, DesignSpace space) {
        this.vars = vars;
        this.radix = new int[vars.length];
        for (int i = 0; i < vars.length; i++) {
            radix[i] = space.choices(vars[i]);
        }
    }

    static Frontier start(FrontierSolver.Entry entry) {
        Frontier f = new Frontier(new int[0], new DesignSpace(List.of()));
        f.bucket(new int[0]).add(entry);
        return f;
    }

    int size() {
        return keys.size();
    }

    List<FrontierSolver.Entry> front(int state) {
        return fronts.get(state);
    }

    /** Sets the frontier knobs of {@code choices} to state s's assignment. */
    void decode(int state, int[] choices) {
        long rest = keys.get(state);
        for (int i = vars.length - 1; i >= 0; i--) {
            choices[vars[i]] = (int) (rest % radix[i]);
            rest /= radix[i];
        }
    }

    /** The partial plans of the state these choices fall in (created empty when new). */
    List<FrontierSolver.Entry> bucket(int[] choices) {
        long key = 0;
        for (int i = 0; i < vars.length; i++) {
            key = key * radix[i] + choices[vars[i]];
        }
        Integer s = index.get(key);
        if (s == null) {
            s = keys.size();
            index.put(key, s);
            keys.add(key);
            fronts.add(new ArrayList<>());
        }
        return fronts.get(s);
    }

    void prune() {
        Comparator<FrontierSolver.Entry> order = Comparator.comparingDouble((FrontierSolver.Entry e) -> -e.score())
                .thenComparing(FrontierSolver.Entry::cost, java.util.Arrays::compare);
        for (int s = 0; s < fronts.size(); s++) {
            List<FrontierSolver.Entry> all = fronts.get(s);
            all.sort(order);
            List<FrontierSolver.Entry> kept = new ArrayList<>();
            if (!all.isEmpty() && all.get(0).cost().length == 1) {
                double least = Double.POSITIVE_INFINITY;
                for (FrontierSolver.Entry e : all) {
                    if (e.cost()[0] < least) {
                        least = e.cost()[0];
                        kept.add(e);
                    }
                }
                fronts.set(s, kept);
                continue;
            }
            for (FrontierSolver.Entry e : all) {
                if (kept.stream().noneMatch(k -> dominatesOrEquals(k.cost(), e.cost()))) {
                    kept.add(e);
                }
            }
            fronts.set(s, kept);
        }
    }

    private static boolean dominatesOrEquals(double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] > b[i]) {
                return false;
            }
        }
        return true;
    }
}
