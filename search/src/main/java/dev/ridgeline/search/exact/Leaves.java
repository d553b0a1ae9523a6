package dev.ridgeline.search.exact;

import dev.ridgeline.search.eval.Terms;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The leaf factors of one subproblem: the terms of every layer (summed dimensions) and, when peak memory
 * is tracked, of every execution step (its live bytes, combined by maximum), over the knobs that are not
 * fixed, and for the prune planner's importance, every scored knob's score. Terms over the same knobs, or over a subset of another term's knobs, are folded together, so
 * that elimination starts from as few factors as possible.
 */
record Leaves(List<Factor> factors, int[] sequence) {

    List<int[]> scopes() {
        return factors.stream().map(f -> f.scope).toList();
    }

    /**
     * @param perChoice the scores per knob and choice of the null-metric dimension, or null when there is none
     */
    static Leaves build(Terms terms, Dimensions dims, double[][] perChoice, boolean[] outer, int[] fixed,
            int[] radix) {
        List<Term> raw = new ArrayList<>();
        int[] point = fixed.clone(); // each term sets its knobs in it and puts them back
        if (perChoice != null) {
            for (int k = 0; k < perChoice.length; k++) {
                double[] row = perChoice[k];
                int knob = k;
                if (row.length > 0) {
                    raw.add(term(new int[] {k}, outer, fixed, point, radix, dims, (values, choices) -> {
                        for (int d = 0; d < values.length; d++) {
                            values[d] = dims.metrics()[d] == null ? row[choices[knob]] : 0;
                        }
                    }));
                }
            }
        }
        for (int l = 0; l < terms.layers(); l++) {
            int layer = l;
            int[] knobs = terms.knobs(l);
            raw.add(term(knobs, outer, fixed, point, radix, dims, (values, choices) -> {
                int entry = entry(knobs, choices, radix);
                for (int d = 0; d < values.length; d++) {
                    values[d] = dims.maxCombined()[d] || dims.metrics()[d] == null ? 0
                            : terms.value(layer, entry, dims.metrics()[d]);
                }
            }));
        }
        if (dims.anyMaxCombined()) {
            for (int j = 0; j < terms.steps(); j++) {
                int[] buffers = terms.live(j);
                TreeSet<Integer> union = new TreeSet<>();
                for (int b : buffers) {
                    Arrays.stream(terms.bufferKnobs(b)).forEach(union::add);
                }
                raw.add(term(union.stream().mapToInt(Integer::intValue).toArray(), outer, fixed, point, radix, dims,
                        (values, choices) -> {
                            double bytes = 0;
                            for (int b : buffers) {
                                bytes += terms.bufferBytes(b, entry(terms.bufferKnobs(b), choices, radix));
                            }
                            for (int d = 0; d < values.length; d++) {
                                values[d] = dims.maxCombined()[d] ? bytes : 0;
                            }
                        }));
            }
        }
        return new Leaves(fold(raw, dims, radix), sequence(raw, radix.length));
    }

    /**
     * The knobs in the order a dynamic programme along the network drops them: walking the terms in the
     * network's order (the layers, then the steps), a knob is done at the last term that reads it; knobs done
     * at the same term in the order they were first read.
     */
    private static int[] sequence(List<Term> raw, int knobs) {
        int[] first = new int[knobs];
        int[] last = new int[knobs];
        java.util.Arrays.fill(first, -1);
        for (int t = 0; t < raw.size(); t++) {
            for (int k : raw.get(t).scope) {
                if (first[k] < 0) {
                    first[k] = t;
                }
                last[k] = t;
            }
        }
        return java.util.stream.IntStream.range(0, knobs).filter(k -> first[k] >= 0).boxed()
                .sorted(Comparator.comparingInt((Integer k) -> last[k]).thenComparingInt(k -> first[k]))
                .mapToInt(Integer::intValue).toArray();
    }

    /** One term's vector at every assignment of its free knobs. */
    private record Term(int[] scope, double[] vectors) {
    }

    private interface Fill {
        void fill(double[] values, int[] choices);
    }

    private static Term term(int[] knobs, boolean[] outer, int[] fixed, int[] point, int[] radix, Dimensions dims,
            Fill fill) {
        int[] scope = Arrays.stream(knobs).filter(k -> !outer[k]).toArray();
        int[] strides = Factor.strides(scope, radix);
        int size = Factor.assignments(scope, radix);
        int d = dims.count();
        double[] vectors = new double[size * d];
        // the fixed point with the scope's knobs set: one array for all terms (a space of thousands of knobs has
        // thousands of terms), put back to the fixed choices after each
        int[] choices = point;
        double[] values = new double[d];
        for (int a = 0; a < size; a++) {
            for (int i = 0; i < scope.length; i++) {
                choices[scope[i]] = (a / strides[i]) % radix[scope[i]];
            }
            fill.fill(values, choices);
            System.arraycopy(values, 0, vectors, a * d, d);
        }
        for (int k : scope) {
            choices[k] = fixed[k];
        }
        return new Term(scope, vectors);
    }

    /** The entry of a table over {@code knobs} (ascending, the last fastest) at a point's choices. */
    private static int entry(int[] knobs, int[] choices, int[] radix) {
        int e = 0;
        for (int k : knobs) {
            e = e * radix[k] + choices[k];
        }
        return e;
    }

    /** Adds every term into the widest term whose knobs include its own, largest scopes first. */
    private static List<Factor> fold(List<Term> raw, Dimensions dims, int[] radix) {
        List<Term> sorted = new ArrayList<>(raw);
        sorted.sort(Comparator.comparingInt((Term t) -> -t.scope.length).thenComparing(t -> t.scope, Arrays::compare));
        Map<Term, List<Term>> hosts = new LinkedHashMap<>();
        for (Term t : sorted) {
            Term host = null;
            for (Term h : hosts.keySet()) {
                if (subset(t.scope, h.scope) && (host == null || h.vectors.length < host.vectors.length)) {
                    host = h;
                }
            }
            if (host == null) {
                hosts.put(t, new ArrayList<>());
            } else {
                hosts.get(host).add(t);
            }
        }
        int d = dims.count();
        List<Factor> factors = new ArrayList<>();
        for (Map.Entry<Term, List<Term>> h : hosts.entrySet()) {
            Term host = h.getKey();
            int[] strides = Factor.strides(host.scope, radix);
            int size = Factor.assignments(host.scope, radix);
            double[] vectors = host.vectors.clone();
            int[] choices = new int[radix.length];
            for (int a = 0; a < size; a++) {
                for (int i = 0; i < host.scope.length; i++) {
                    choices[host.scope[i]] = (a / strides[i]) % radix[host.scope[i]];
                }
                for (Term t : h.getValue()) {
                    int ta = 0;
                    int[] ts = Factor.strides(t.scope, radix);
                    for (int i = 0; i < t.scope.length; i++) {
                        ta += choices[t.scope[i]] * ts[i];
                    }
                    for (int x = 0; x < d; x++) {
                        double v = t.vectors[ta * d + x];
                        vectors[a * d + x] = dims.maxCombined()[x] ? Math.max(vectors[a * d + x], v)
                                : vectors[a * d + x] + v;
                    }
                }
            }
            int[] start = new int[size + 1];
            for (int a = 0; a <= size; a++) {
                start[a] = a;
            }
            double[] lo = new double[d];
            double[] hi = new double[d];
            Arrays.fill(lo, Double.POSITIVE_INFINITY);
            for (int a = 0; a < size; a++) {
                for (int x = 0; x < d; x++) {
                    lo[x] = Math.min(lo[x], vectors[a * d + x]);
                    hi[x] = Math.max(hi[x], vectors[a * d + x]);
                }
            }
            factors.add(new Factor(host.scope, radix, start, vectors, null, -1, null, null, null, lo, hi));
        }
        return factors;
    }

    private static boolean subset(int[] small, int[] big) {
        for (int k : small) {
            if (Arrays.stream(big).noneMatch(b -> b == k)) {
                return false;
            }
        }
        return true;
    }
}
