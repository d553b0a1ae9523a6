package dev.ridgeline.report.chart;

import dev.ridgeline.store.format.Quantities;
import dev.ridgeline.store.read.LayerRow;
import java.util.Locale;

/** What a layer on the roofline or the top-layers chart shows when hovered: name, op, time, intensity. */
final class LayerTips {
    private LayerTips() {
    }

    static String of(LayerRow l) {
        StringBuilder s = new StringBuilder(l.name()).append("\nop: ").append(l.op());
        if (l.timed()) {
            s.append("\ntime: ").append(Quantities.seconds(l.seconds())).append(" (").append(l.bound())
                    .append("-bound)");
        }
        if (l.ops() > 0 && l.bytes() > 0) {
            s.append(String.format(Locale.ROOT, "\nintensity: %.3g operations per byte", l.arithmeticIntensity()));
        }
        s.append("\nMACs: ").append(Quantities.human(l.macs())).append("\nparams: ").append(Quantities.human(l.params()));
        return s.toString();
    }
}
