package dev.ridgeline.search.exact;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * The order to eliminate one subproblem's knobs in, chosen greedily on the interaction graph (two knobs
 * interact when some factor reads both), with what the order implies: an estimate of each
 * elimination's work (the assignments it builds times the choices it sums over), for the time left.
 *
 * @param knobs    the knobs, first eliminated first
 * @param work     per elimination, then the final combination: its estimated work
 */
record EliminationOrder(int[] knobs, double[] work) {

    double totalWork() {
        double sum = 0;
        for (double w : work) {
            sum += w;
        }
        return sum;
    }

    /**
     * @param sequence the knobs in the network's order (see {@link Leaves#sequence}), for {@link Ordering#SEQUENTIAL}
     */
    static EliminationOrder of(List<int[]> scopes, int[] radix, Ordering heuristic, int[] sequence) {
        if (heuristic == Ordering.SEQUENTIAL) {
            return simulate(scopes, radix, sequence);
        }
        // the graph over the knobs the factors read (fixed and one-choice knobs are in no scope), numbered densely
        boolean[] read = new boolean[radix.length];
        for (int[] s : scopes) {
            for (int a : s) {
                read[a] = true;
            }
        }
        int[] dense = new int[radix.length];
        List<Integer> knobOf = new ArrayList<>();
        for (int k = 0; k < radix.length; k++) {
            dense[k] = read[k] ? knobOf.size() : -1;
            if (read[k]) {
                knobOf.add(k);
            }
        }
        int n = knobOf.size();
        int[] choices = new int[n];
        for (int i = 0; i < n; i++) {
            choices[i] = radix[knobOf.get(i)];
        }
        boolean[][] adjacent = new boolean[n][n];
        boolean[] present = new boolean[n];
        for (int[] s : scopes) {
            for (int a : s) {
                present[dense[a]] = true;
                for (int b : s) {
                    adjacent[dense[a]][dense[b]] |= a != b;
                }
            }
        }
        List<Integer> order = new ArrayList<>();
        while (true) {
            int best = -1;
            double bestPrimary = Double.POSITIVE_INFINITY;
            double bestWeight = Double.POSITIVE_INFINITY;
            for (int k = 0; k < n; k++) {
                if (!present[k]) {
                    continue;
                }
                double weight = 1;
                int degree = 0;
                for (int m = 0; m < n; m++) {
                    if (adjacent[k][m]) {
                        weight *= choices[m];
                        degree++;
                    }
                }
                double primary = switch (heuristic) {
                    case SEQUENTIAL -> throw new AssertionError("handled above");
                    case MIN_WEIGHT -> weight;
                    case MIN_DEGREE -> degree;
                    case MIN_FILL -> fill(adjacent, k, n);
                };
                if (primary < bestPrimary || (primary == bestPrimary && weight < bestWeight)) {
                    best = k;
                    bestPrimary = primary;
                    bestWeight = weight;
                }
            }
            if (best < 0) {
                break;
            }
            for (int a = 0; a < n; a++) {
                if (adjacent[best][a]) {
                    for (int b = 0; b < n; b++) {
                        adjacent[a][b] |= adjacent[best][b] && a != b;
                    }
                }
            }
            for (int a = 0; a < n; a++) {
                adjacent[a][best] = false;
                adjacent[best][a] = false;
            }
            present[best] = false;
            order.add(knobOf.get(best));
        }
        return simulate(scopes, radix, order.stream().mapToInt(Integer::intValue).toArray());
    }

    private static int fill(boolean[][] adjacent, int k, int n) {
        int fill = 0;
        for (int a = 0; a < n; a++) {
            if (!adjacent[k][a]) {
                continue;
            }
            for (int b = a + 1; b < n; b++) {
                if (adjacent[k][b] && !adjacent[a][b]) {
                    fill++;
                }
            }
        }
        return fill;
    }

    /** The work of eliminating in this order, by following the factors' scopes. */
    static EliminationOrder simulate(List<int[]> scopes, int[] radix, int[] knobs) {
        List<int[]> pool = new ArrayList<>(scopes);
        double[] work = new double[knobs.length + 1];
        for (int step = 0; step < knobs.length; step++) {
            int knob = knobs[step];
            int m = 0;
            TreeSet<Integer> merged = new TreeSet<>();
            for (int i = pool.size() - 1; i >= 0; i--) {
                int[] s = pool.get(i);
                if (Arrays.stream(s).anyMatch(k -> k == knob)) {
                    m++;
                    Arrays.stream(s).filter(k -> k != knob).forEach(merged::add);
                    pool.remove(i);
                }
            }
            double assignments = 1;
            for (int k : merged) {
                assignments *= radix[k];
            }
            work[step] = assignments * radix[knob] * Math.max(1, m);
            pool.add(merged.stream().mapToInt(Integer::intValue).toArray());
        }
        work[knobs.length] = pool.size();
        return new EliminationOrder(knobs, work);
    }
}
