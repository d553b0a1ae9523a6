package dev.ridgeline.prune;

import dev.ridgeline.search.space.DesignSpace;
import java.util.function.Predicate;

/**
 * One term of a plan's costs and score over a few knobs, tabulated: for every assignment of its scope
 * (mixed radix, the last knob fastest, as the compiled evaluator's tables number them), its costs, its
 * score and whether it is allowed at all.
 */
final class Factor {
    /** Fills {@code cost} with the entry's costs and returns its score. */
    interface Values {
        double at(int entry, double[] cost);
    }

    final int[] scope;
    private final int[] radix;
    private final int costs;
    private final double[] cost;
    private final double[] score;
    private final boolean[] allowed;

    private Factor(int[] scope, int[] radix, int costs, double[] cost, double[] score, boolean[] allowed) {
        this.scope = scope;
        this.radix = radix;
        this.costs = costs;
        this.cost = cost;
        this.score = score;
        this.allowed = allowed;
    }

    /**
     * @param feasible null when every entry is allowed; else a test of a full choice vector whose scope
     *                 knobs are set
     */
    static Factor of(int[] scope, DesignSpace space, Values values, Predicate<int[]> feasible, int costs) {
        int[] radix = new int[scope.length];
        int size = 1;
        for (int i = 0; i < scope.length; i++) {
            radix[i] = space.choices(scope[i]);
            size = Math.multiplyExact(size, radix[i]);
        }
        double[] cost = new double[size * costs];
        double[] score = new double[size];
        boolean[] allowed = new boolean[size];
        double[] row = new double[costs];
        int[] full = new int[space.knobCount()];
        for (int e = 0; e < size; e++) {
            java.util.Arrays.fill(row, 0);
            score[e] = values.at(e, row);
            System.arraycopy(row, 0, cost, e * costs, costs);
            if (feasible == null) {
                allowed[e] = true;
            } else {
                int rest = e;
                for (int i = scope.length - 1; i >= 0; i--) {
                    full[scope[i]] = rest % radix[i];
                    rest /= radix[i];
                }
                allowed[e] = feasible.test(full);
            }
        }
        return new Factor(scope, radix, costs, cost, score, allowed);
    }

    private int entry(int[] choices) {
        int e = 0;
        for (int i = 0; i < scope.length; i++) {
            e = e * radix[i] + choices[scope[i]];
        }
        return e;
    }

    boolean feasible(int[] choices) {
        return allowed[entry(choices)];
    }

    /** Adds the factor's costs at these choices to {@code into} and returns its score. */
    double add(int[] choices, double[] into) {
        int e = entry(choices);
        for (int i = 0; i < costs; i++) {
            into[i] += cost[e * costs + i];
        }
        return score[e];
    }
}
