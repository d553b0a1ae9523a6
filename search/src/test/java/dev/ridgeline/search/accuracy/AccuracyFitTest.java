package dev.ridgeline.search.accuracy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.core.BadInputException;
import dev.ridgeline.search.space.DesignSpace;
import dev.ridgeline.search.space.Knob;
import dev.ridgeline.search.space.KnobTarget;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import org.junit.jupiter.api.Test;

class AccuracyFitTest {

    static Knob param(String name, String... values) {
        return new Knob("param:" + name, List.of(values), new KnobTarget.Param(name, List.of(values)));
    }

    static Knob resolution(int... sides) {
        List<String> labels = new ArrayList<>();
        for (int s : sides) {
            labels.add(Integer.toString(s));
        }
        return new Knob("resolution", labels, new KnobTarget.Resolution(sides.clone(), sides.clone()));
    }

    static MeasuredDesign design(int line, double accuracy, int... choices) {
        return new MeasuredDesign(line, choices, accuracy);
    }

    @Test
    void accuracyNeverFallsAsAWidthOrResolutionGrowsEvenWhereTheDataDip() {
        // resolution does nothing but noise, which makes its least-squares slope negative; width bends over, and
        // the space reaches past the measured widths, where an unconstrained quadratic would turn down
        DesignSpace space = new DesignSpace(List.of(param("w", "0.25", "0.5", "0.75", "1.0", "2.0", "3.0"),
                resolution(128, 160, 192, 224)));
        List<MeasuredDesign> rows = new ArrayList<>();
        double[] widthEffect = {40, 55, 62, 64};
        double[] noise = {0.6, 0.2, -0.1, -0.7};
        int line = 2;
        for (int w = 0; w < 4; w++) {
            for (int r = 0; r < 4; r++) {
                if ((w + r) % 2 == 0) {
                    rows.add(design(line++, widthEffect[w] + noise[r], w, r));
                }
            }
        }
        AccuracyPredictor p = AccuracyFit.fit(space, rows, "test.csv");
        for (int k = 0; k < 2; k++) {
            for (int c = 1; c < space.choices(k); c++) {
                assertTrue(p.term(k, c) >= p.term(k, c - 1), "knob " + k + " falls from choice " + (c - 1) + " to " + c
                        + ": " + p.knobForms());
            }
        }
        assertTrue(p.knobForms().get(1).startsWith("flat"), "the falling resolution is held flat: " + p.knobForms());
        assertTrue(p.extrapolated(new int[] {4, 0}), "width 2.0 lies beyond the measured 1.0");
        assertFalse(p.extrapolated(new int[] {3, 3}));
    }

    @Test
    void theLeaveOneOutErrorIsThatOfRefittingWithoutEachDesign() {
        // a linear law with noise, fitted in the linear form: refit without each row and predict it
        DesignSpace space = new DesignSpace(List.of(param("w", "0.5", "1.0"), resolution(128, 160, 224)));
        double[] acc = {50.3, 53.1, 56.9, 60.2, 62.8, 67.1, 51.0, 61.5};
        int[][] choices = {{0, 0}, {0, 1}, {0, 2}, {1, 0}, {1, 1}, {1, 2}, {0, 0}, {1, 0}};
        List<MeasuredDesign> rows = new ArrayList<>();
        for (int i = 0; i < acc.length; i++) {
            rows.add(design(i + 2, acc[i], choices[i]));
        }
        AccuracyPredictor p = AccuracyFit.fit(space, rows, "test.csv");
        double sum = 0;
        double max = 0;
        for (int i = 0; i < acc.length; i++) {
            List<double[]> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (int j = 0; j < acc.length; j++) {
                if (j != i) {
                    x.add(features(choices[j]));
                    y.add(acc[j]);
                }
            }
            OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
            ols.newSampleData(y.stream().mapToDouble(Double::doubleValue).toArray(), x.toArray(double[][]::new));
            double[] b = ols.estimateRegressionParameters();
            double[] f = features(choices[i]);
            double predicted = b[0] + b[1] * f[0] + b[2] * f[1];
            sum += (predicted - acc[i]) * (predicted - acc[i]);
            max = Math.max(max, Math.abs(predicted - acc[i]));
        }
        assertEquals(List.of("linear in ln(value)", "linear in ln(value)"), p.knobForms(), "two widths, one form");
        assertEquals(Math.sqrt(sum / acc.length), p.looRmse(), 1e-9);
        assertEquals(max, p.looMaxAbs(), 1e-9);
    }

    private static double[] features(int[] c) {
        double[] w = {0.5, 1.0};
        double[] r = {128, 160, 224};
        return new double[] {Math.log(w[c[0]]), Math.log(r[c[1]])};
    }

    @Test
    void aKnobMeasuredAtOneChoiceOrTooFewDesignsIsBadInput() {
        DesignSpace space = new DesignSpace(List.of(param("w", "0.5", "1.0"), resolution(128, 224)));
        BadInputException one = assertThrows(BadInputException.class, () -> AccuracyFit.fit(space,
                List.of(design(2, 50, 0, 0), design(3, 60, 1, 0), design(4, 55, 0, 0), design(5, 61, 1, 0),
                        design(6, 52, 0, 0)), "m.csv"));
        assertTrue(one.getMessage().contains("m.csv: too few measured designs for knob resolution: every one has "
                + "resolution = 128"), one.getMessage());
        BadInputException few = assertThrows(BadInputException.class, () -> AccuracyFit.fit(space,
                List.of(design(2, 50, 0, 0), design(3, 60, 1, 1), design(4, 55, 0, 1)), "m.csv"));
        assertTrue(few.getMessage().contains("3 designs cannot fit and check the 3 coefficients")
                && few.getMessage().contains("give at least 5"), few.getMessage());
    }
}
