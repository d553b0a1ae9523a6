package dev.ridgeline.search.accuracy;

import dev.ridgeline.search.space.Knob;
import dev.ridgeline.search.space.KnobTarget;
import dev.ridgeline.search.space.TiedChoices;

/**
 * How the predictor reads a knob's choices: as numbers (a width multiplier or channel count, a kernel size,
 * the side of a resolution's square of equal area, a numeric parameter) or as categories (separable, a
 * parameter with text values), and whether accuracy may only rise with the number (widths, resolutions and
 * numeric parameters: a family's width, depth or size).
 */
record KnobScale(double[] values, boolean numeric, boolean rising) {

    static KnobScale of(Knob knob) {
        int n = knob.choices();
        double[] values = new double[n];
        KnobTarget t = knob.target();
        if (t instanceof KnobTarget.Separable) {
            return new KnobScale(new double[n], false, false);
        }
        if (t instanceof KnobTarget.Resolution r) {
            for (int c = 0; c < n; c++) {
                values[c] = Math.sqrt((double) r.heights()[c] * r.widths()[c]);
            }
            return new KnobScale(values, true, true);
        }
        if (t instanceof KnobTarget.Kernel k) {
            for (int c = 0; c < n; c++) {
                values[c] = k.sizes()[c];
            }
            return new KnobScale(values, true, false);
        }
        for (int c = 0; c < n; c++) {
            // a merged label ("0.75|1.0") is one network: any of its numbers stands for it
            String first = knob.labels().get(c).split(java.util.regex.Pattern.quote(TiedChoices.SEPARATOR))[0];
            try {
                values[c] = Double.parseDouble(first.trim());
            } catch (NumberFormatException e) {
                return new KnobScale(new double[n], false, false);
            }
            if (!(values[c] > 0)) {
                return new KnobScale(new double[n], false, false);
            }
        }
        return new KnobScale(values, true, t instanceof KnobTarget.Width || t instanceof KnobTarget.Param);
    }
}
