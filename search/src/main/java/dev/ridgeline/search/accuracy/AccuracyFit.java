package dev.ridgeline.search.accuracy;

import dev.ridgeline.core.BadInputException;
import dev.ridgeline.search.space.DesignSpace;
import dev.ridgeline.search.space.Knob;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/**
 * Fits an {@link AccuracyPredictor} to measured designs by least squares (commons-math3's QR). Each numeric
 * knob's term is linear in the logarithm of its value, or quadratic where three or more values were measured
 * and leave-one-out error says the curve helps (a family's accuracy bends towards its widest members); each
 * categorical knob gets one level per measured choice. Of the candidate forms the one with the lowest
 * leave-one-out error wins among those whose widths and resolutions never lower accuracy as they grow,
 * checked at every choice of the space; when none is monotone, the knob whose fitted slope falls is held
 * flat. Too few designs for the coefficients, or a knob measured at one choice only, is bad input.
 */
public final class AccuracyFit {
    /** Numeric knobs with a quadratic candidate above which the forms are tried one knob at a time. */
    private static final int MAX_SUBSETS_KNOBS = 6;

    private final DesignSpace space;
    private final List<MeasuredDesign> rows;
    private final String source;
    private final KnobScale[] scales;
    private final double[] meanLog;

    private AccuracyFit(DesignSpace space, List<MeasuredDesign> rows, String source) {
        this.space = space;
        this.rows = List.copyOf(rows);
        this.source = source;
        this.scales = space.knobs().stream().map(KnobScale::of).toArray(KnobScale[]::new);
        this.meanLog = new double[scales.length];
        for (int k = 0; k < scales.length; k++) {
            if (scales[k].numeric()) {
                int knob = k;
                meanLog[k] = rows.stream().mapToDouble(r -> Math.log(scales[knob].values()[r.choice(knob)]))
                        .average().orElse(0);
            }
        }
    }

    /**
     * @param source how messages name the file of measured designs
     * @throws BadInputException when the designs cannot determine the terms (too few, a knob at one choice)
     */
    public static AccuracyPredictor fit(DesignSpace space, List<MeasuredDesign> rows, String source) {
        return new AccuracyFit(space, rows, source).run();
    }

    /** A candidate form: per knob 0 flat, 1 linear (or levels), 2 quadratic. */
    private record Form(int[] degree) {
    }

    private record Fitted(Form form, double[] beta, double looRmse, double looMaxAbs) {
    }

    private AccuracyPredictor run() {
        int knobs = scales.length;
        int[] base = new int[knobs];
        List<Integer> quadratic = new ArrayList<>();
        for (int k = 0; k < knobs; k++) {
            if (space.choices(k) == 1) {
                continue; // a knob of one choice changes nothing
            }
            TreeSet<Integer> seen = new TreeSet<>();
            for (MeasuredDesign r : rows) {
                seen.add(r.choice(k));
            }
            Knob knob = space.knobs().get(k);
            if (seen.size() < 2) {
                throw new BadInputException(String.format(Locale.ROOT, "%s: too few measured designs for knob %s: "
                        + "every one has %s = %s, so its effect on accuracy cannot be told; measure designs at two or "
                        + "more of its choices (%s)", source, knob.name(), knob.name(), knob.labels().get(seen.first()),
                        String.join(", ", knob.labels())));
            }
            base[k] = 1;
            if (scales[k].numeric() && seen.size() >= 3) {
                quadratic.add(k);
            }
        }
        int p = columns(new Form(base));
        if (rows.size() < p + 2) {
            throw new BadInputException(String.format(Locale.ROOT, "%s: too few measured designs: %d designs cannot "
                    + "fit and check the %d coefficients the knobs need (an intercept, one per numeric knob, one per "
                    + "further measured choice of the others); give at least %d", source, rows.size(), p, p + 2));
        }
        int[] flat = base.clone();
        for (int attempt = 0; attempt <= knobs; attempt++) {
            Fitted best = null;
            for (Form form : candidates(flat, quadratic)) {
                Fitted f = tryFit(form);
                if (f != null && monotone(f) && (best == null || f.looRmse() < best.looRmse())) {
                    best = f;
                }
            }
            if (best != null) {
                return predictor(best);
            }
            // no form keeps accuracy rising with width and resolution: hold the most falling knob flat
            Fitted plain = tryFit(new Form(flat));
            if (plain == null) {
                break;
            }
            int worst = -1;
            double worstSlope = 0;
            for (int k = 0, col = 1; k < knobs; k++) {
                if (flat[k] == 0) {
                    continue;
                }
                if (scales[k].rising() && plain.beta()[col] < worstSlope) {
                    worst = k;
                    worstSlope = plain.beta()[col];
                }
                col += width(k, flat[k]);
            }
            if (worst < 0) {
                break;
            }
            flat[worst] = 0;
        }
        throw new BadInputException(source + ": the measured designs do not determine a predictor: some design "
                + "alone decides a coefficient (its leave-one-out prediction is undefined); measure more designs, "
                + "spread over every knob's choices");
    }

    /** The forms to try: the linear one, and quadratic terms for knobs with three or more measured values. */
    private List<Form> candidates(int[] linear, List<Integer> quadratic) {
        List<Integer> usable = quadratic.stream().filter(k -> linear[k] == 1).toList();
        List<Form> forms = new ArrayList<>();
        if (usable.size() <= MAX_SUBSETS_KNOBS) {
            for (int mask = 0; mask < 1 << usable.size(); mask++) {
                int[] d = linear.clone();
                for (int i = 0; i < usable.size(); i++) {
                    if ((mask & 1 << i) != 0) {
                        d[usable.get(i)] = 2;
                    }
                }
                forms.add(new Form(d));
            }
        } else {
            forms.add(new Form(linear.clone()));
            for (int k : usable) {
                int[] d = linear.clone();
                d[k] = 2;
                forms.add(new Form(d));
            }
        }
        return forms;
    }

    private int columns(Form form) {
        int c = 1;
        for (int k = 0; k < scales.length; k++) {
            c += width(k, form.degree()[k]);
        }
        return c;
    }

    /** The design-matrix columns of knob k's term at a degree. */
    private int width(int k, int degree) {
        if (degree == 0) {
            return 0;
        }
        if (scales[k].numeric()) {
            return degree;
        }
        return (int) rows.stream().mapToInt(r -> r.choice(k)).distinct().count() - 1;
    }

    /** The categorical levels of knob k that get a column: every measured choice but the most measured one. */
    private int[] levels(int k) {
        int[] count = new int[space.choices(k)];
        rows.forEach(r -> count[r.choice(k)]++);
        int reference = 0;
        for (int c = 1; c < count.length; c++) {
            if (count[c] > count[reference]) {
                reference = c;
            }
        }
        int ref = reference;
        return java.util.stream.IntStream.range(0, count.length).filter(c -> count[c] > 0 && c != ref).toArray();
    }

    /** One row of the design matrix for a point. */
    private double[] features(Form form, int[] choices) {
        double[] x = new double[columns(form)];
        x[0] = 1;
        int col = 1;
        for (int k = 0; k < scales.length; k++) {
            int degree = form.degree()[k];
            if (degree == 0) {
                continue;
            }
            if (scales[k].numeric()) {
                double t = Math.log(scales[k].values()[choices[k]]) - meanLog[k];
                x[col++] = t;
                if (degree == 2) {
                    x[col++] = t * t;
                }
            } else {
                for (int level : levels(k)) {
                    x[col++] = choices[k] == level ? 1 : 0;
                }
            }
        }
        return x;
    }

    /** Least squares and leave-one-out errors (by the hat matrix); null when a design alone decides a coefficient. */
    private Fitted tryFit(Form form) {
        int n = rows.size();
        int p = columns(form);
        if (n < p + 2) {
            return null;
        }
        double[][] x = new double[n][];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = features(form, rows.get(i).choices());
            y[i] = rows.get(i).accuracy();
        }
        RealMatrix design = new Array2DRowRealMatrix(x, false);
        DecompositionSolver solver = new QRDecomposition(design, 1e-10).getSolver();
        if (!solver.isNonSingular()) {
            return null;
        }
        RealVector beta = solver.solve(new ArrayRealVector(y, false));
        RealMatrix hat = design.multiply(solver.getInverse());
        double sum = 0;
        double max = 0;
        for (int i = 0; i < n; i++) {
            double h = hat.getEntry(i, i);
            if (h > 1 - 1e-9) {
                return null;
            }
            double e = (y[i] - design.getRowVector(i).dotProduct(beta)) / (1 - h);
            sum += e * e;
            max = Math.max(max, Math.abs(e));
        }
        return new Fitted(form, beta.toArray(), Math.sqrt(sum / n), max);
    }

    /** Whether every rising knob's term never falls from one choice of the space to a larger one. */
    private boolean monotone(Fitted f) {
        double[][] terms = terms(f);
        for (int k = 0; k < scales.length; k++) {
            if (!scales[k].rising()) {
                continue;
            }
            double[] v = scales[k].values();
            Integer[] order = java.util.stream.IntStream.range(0, v.length).boxed().toArray(Integer[]::new);
            Arrays.sort(order, (a, b) -> Double.compare(v[a], v[b]));
            for (int i = 1; i < order.length; i++) {
                if (terms[k][order[i]] < terms[k][order[i - 1]] - 1e-12) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Each knob's contribution at every choice of the space. */
    private double[][] terms(Fitted f) {
        int knobs = scales.length;
        double[][] terms = new double[knobs][];
        int col = 1;
        for (int k = 0; k < knobs; k++) {
            terms[k] = new double[space.choices(k)];
            int degree = f.form().degree()[k];
            if (degree == 0) {
                continue;
            }
            if (scales[k].numeric()) {
                for (int c = 0; c < terms[k].length; c++) {
                    double t = Math.log(scales[k].values()[c]) - meanLog[k];
                    terms[k][c] = f.beta()[col] * t + (degree == 2 ? f.beta()[col + 1] * t * t : 0);
                }
                col += degree;
            } else {
                for (int level : levels(k)) {
                    terms[k][level] = f.beta()[col++];
                }
            }
        }
        return terms;
    }

    private AccuracyPredictor predictor(Fitted f) {
        int knobs = scales.length;
        double[][] terms = terms(f);
        boolean[][] measured = new boolean[knobs][];
        List<String> forms = new ArrayList<>();
        for (int k = 0; k < knobs; k++) {
            measured[k] = new boolean[space.choices(k)];
            int knob = k;
            if (scales[k].numeric()) {
                double lo = rows.stream().mapToDouble(r -> scales[knob].values()[r.choice(knob)]).min().orElse(0);
                double hi = rows.stream().mapToDouble(r -> scales[knob].values()[r.choice(knob)]).max().orElse(0);
                for (int c = 0; c < measured[k].length; c++) {
                    double v = scales[k].values()[c];
                    measured[k][c] = v >= lo && v <= hi;
                }
            } else {
                rows.forEach(r -> measured[knob][r.choice(knob)] = true);
            }
            for (int c = 0; c < terms[k].length; c++) {
                terms[k][c] = AccuracyPredictor.snap(terms[k][c]);
            }
            int degree = f.form().degree()[k];
            forms.add(space.choices(k) == 1 ? "constant (one choice)"
                    : degree == 0 ? "flat (a fitted fall with growing " + space.knobs().get(k).name() + " was held flat)"
                    : !scales[k].numeric() ? "one level per measured choice"
                    : degree == 2 ? "quadratic in ln(value)" : "linear in ln(value)");
        }
        return new AccuracyPredictor(source, rows.size(), AccuracyPredictor.snap(f.beta()[0]), terms, measured,
                f.looRmse(), f.looMaxAbs(), forms);
    }
}
