package dev.ridgeline.store.sweep;

import dev.ridgeline.search.space.DesignSpace;
import dev.ridgeline.search.space.Knob;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The knob columns of a terminal table, narrow enough to read: a kind of knob ("width", "kernel", the
 * part of a knob's name before ':') with more than {@link #MAX_SEPARATE} knobs shares one column, headed
 * "kernel:stage1..stage7", whose cells list the labels in knob order, each padded to its knob's widest
 * label so that they line up ("3 5 7 3"); other knobs get a column each, headed by their name.
 */
public final class KnobColumns {
    public static final int MAX_SEPARATE = 2;

    /** One column: its header and the knobs it shows. */
    public record Column(String header, List<Integer> knobs) {
    }

    private final DesignSpace space;
    private final List<Column> columns = new ArrayList<>();
    private final int[] labelWidth;

    public KnobColumns(DesignSpace space) {
        this.space = space;
        this.labelWidth = space.knobs().stream()
                .mapToInt(k -> k.labels().stream().mapToInt(String::length).max().orElse(0)).toArray();
        Map<String, List<Integer>> byKind = new LinkedHashMap<>();
        for (int k = 0; k < space.knobCount(); k++) {
            byKind.computeIfAbsent(kind(space.knobs().get(k)), x -> new ArrayList<>()).add(k);
        }
        for (Map.Entry<String, List<Integer>> e : byKind.entrySet()) {
            List<Integer> knobs = e.getValue();
            if (knobs.size() > MAX_SEPARATE && !e.getKey().isEmpty()) {
                String first = space.knobs().get(knobs.get(0)).name();
                String last = space.knobs().get(knobs.get(knobs.size() - 1)).name();
                columns.add(new Column(first + ".." + last.substring(last.indexOf(':') + 1), knobs));
            } else {
                knobs.forEach(k -> columns.add(new Column(space.knobs().get(k).name(), List.of(k))));
            }
        }
    }

    public List<Column> columns() {
        return columns;
    }

    /** The cell of one column for a point's choices. */
    public String cell(Column column, int[] choices) {
        if (column.knobs().size() == 1) {
            int k = column.knobs().get(0);
            return SweepCells.label(space, k, choices[k]);
        }
        StringBuilder cell = new StringBuilder();
        for (int k : column.knobs()) {
            if (cell.length() > 0) {
                cell.append(' ');
            }
            String label = SweepCells.label(space, k, choices[k]);
            cell.append(label).append(" ".repeat(labelWidth[k] - label.length()));
        }
        return cell.toString();
    }

    /** "width" for "width:stage3"; "" for a name without a kind. */
    private static String kind(Knob knob) {
        int colon = knob.name().indexOf(':');
        return colon < 0 ? "" : knob.name().substring(0, colon);
    }
}
