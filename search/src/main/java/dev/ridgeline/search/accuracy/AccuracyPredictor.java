package dev.ridgeline.search.accuracy;

import java.util.List;

/**
 * Accuracy predicted from measured designs as a sum of one term per knob: {@code intercept + terms[k][c_k]}
 * over the knobs k of the space, c_k a point's choice. Being additive it is a table term like a layer's
 * MACs: the compiled evaluator adds it per point and the exact strategy eliminates knobs over it exactly.
 * Every term and the intercept lie on a binary grid (multiples of 2^-32), so a sum of them is the same
 * number in any order. It carries how far to trust it: the designs it was fitted on, its leave-one-out
 * error and, per knob, which choices lie inside the measured range.
 *
 * @param source       the file of measured designs, as the job named it
 * @param designs      how many measured designs it was fitted on
 * @param terms        {@code terms[knob][choice]}, the knob's contribution
 * @param measured     {@code measured[knob][choice]}: whether the choice lies within the measured range of
 *                     its knob (numeric knobs: between the smallest and largest value measured; others:
 *                     measured itself)
 * @param looRmse      root-mean-square error of predicting each measured design from a fit to the others
 * @param looMaxAbs    the largest of those errors
 * @param knobForms    per knob, the form of its term ("quadratic in ln(value)", "linear in ln(value)",
 *                     "one level per choice", "flat: ...")
 */
public record AccuracyPredictor(String source, int designs, double intercept, double[][] terms,
                                boolean[][] measured, double looRmse, double looMaxAbs, List<String> knobForms) {
    static final double GRID = 0x1p-32;

    public AccuracyPredictor {
        terms = deepCopy(terms);
        measured = deepCopy(measured);
        knobForms = List.copyOf(knobForms);
    }

    /** The predicted accuracy of a point (one choice per knob of the space). */
    public double predict(int[] choices) {
        double a = intercept;
        for (int k = 0; k < terms.length; k++) {
            a += terms[k][choices[k]];
        }
        return a;
    }

    /** Whether some choice of the point lies outside the measured range of its knob. */
    public boolean extrapolated(int[] choices) {
        for (int k = 0; k < measured.length; k++) {
            if (!measured[k][choices[k]]) {
                return true;
            }
        }
        return false;
    }

    /** The contribution of knob k at choice c. */
    public double term(int knob, int choice) {
        return terms[knob][choice];
    }

    public int knobs() {
        return terms.length;
    }

    @Override
    public double[][] terms() {
        return deepCopy(terms);
    }

    @Override
    public boolean[][] measured() {
        return deepCopy(measured);
    }

    /** One line saying what it is: "additive over 2 knobs, fitted on 6 measured designs (...)". */
    public String describe() {
        return String.format(java.util.Locale.ROOT, "additive over %d knobs, least squares on %d measured designs "
                + "from %s; leave-one-out error %.3g RMS, %.3g at most", terms.length, designs, source, looRmse,
                looMaxAbs);
    }

    static double snap(double v) {
        return Math.rint(v / GRID) * GRID;
    }

    private static double[][] deepCopy(double[][] a) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i].clone();
        }
        return out;
    }

    private static boolean[][] deepCopy(boolean[][] a) {
        boolean[][] out = new boolean[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i].clone();
        }
        return out;
    }
}
