package dev.ridgeline.store.sweep;

import dev.ridgeline.search.space.Coupling;
import dev.ridgeline.search.space.DesignSpace;
import dev.ridgeline.search.space.Knob;
import dev.ridgeline.search.space.KnobTarget;
import dev.ridgeline.search.space.ResolvedSpace;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a sweep says about its space before it runs: which tied choices were merged (and the space's size
 * before and after), and which channel groups each width knob moves, in the order of its channels column.
 */
public final class SpaceNotes {
    private SpaceNotes() {
    }

    public static String render(ResolvedSpace resolved) {
        DesignSpace space = resolved.space();
        StringBuilder out = new StringBuilder();
        if (!space.size().equals(space.sizeAsWritten())) {
            out.append(String.format(Locale.ROOT, "merged choices that give the same network: %,d points as "
                    + "written, %,d networks%n", space.sizeAsWritten(), space.size()));
            for (Knob k : space.knobs()) {
                for (int c = 0; c < k.choices(); c++) {
                    if (k.written().get(c).size() > 1) {
                        out.append("  ").append(k.name()).append(' ').append(k.labels().get(c));
                        if (k.target() instanceof KnobTarget.Width) {
                            out.append(" (").append(SweepCells.channels(k, c)).append(" channels)");
                        }
                        out.append('\n');
                    }
                }
            }
        }
        List<Knob> widths = space.knobs().stream().filter(k -> k.target() instanceof KnobTarget.Width).toList();
        if (!widths.isEmpty()) {
            out.append("width knobs move these channel groups (layers that keep equal channels; base channels "
                    + "in brackets), in the order of the channels columns:\n");
            int nameWidth = widths.stream().mapToInt(k -> k.name().length()).max().orElse(0);
            for (Knob k : widths) {
                String groups = Coupling.of(resolved, k).stream()
                        .map(g -> String.join(", ", g.layers()) + " [" + g.baseChannels() + "]")
                        .collect(Collectors.joining(" / "));
                out.append(String.format(Locale.ROOT, "  %-" + nameWidth + "s  %s%n", k.name(), groups));
            }
        }
        return out.toString();
    }
}
