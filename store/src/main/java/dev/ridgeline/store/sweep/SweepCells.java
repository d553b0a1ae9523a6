package dev.ridgeline.store.sweep;

import dev.ridgeline.store.format.Csv;
import dev.ridgeline.search.eval.Metric;
import dev.ridgeline.search.space.DesignSpace;
import dev.ridgeline.search.space.Knob;
import dev.ridgeline.search.space.KnobTarget;
import java.util.ArrayList;
import java.util.List;

/**
 * How sweep outputs spell their cells: counts as integers ("4089184256", never "4.089184256E9"),
 * {@code latencySeconds} as a plain decimal with {@link Csv#SECONDS_DIGITS} significant digits, NaN as an empty
 * cell, knob choices as their labels (rows are written by {@link Csv}).
 */
public final class SweepCells {
    /** The metric columns, in {@link Metric} order: the sweep CSV contract (README, design-space sweeps). */
    public static final List<String> METRIC_COLUMNS = java.util.Arrays.stream(Metric.values()).map(Metric::id).toList();

    /** How a channel column's name begins. */
    public static final String CHANNELS_PREFIX = "channels:";

    /** Doubles at or above this magnitude may not convert to a long exactly. */
    private static final double LONG_LIMIT = 0x1p63;

    private SweepCells() {
    }

    /** Whether a metric counts things (params, operations, bytes) rather than measuring time. */
    public static boolean isCount(Metric metric) {
        return metric != Metric.LATENCY_SECONDS;
    }

    /** Whether a value is a whole number that a long holds exactly. */
    public static boolean isWhole(double value) {
        return value == Math.rint(value) && Math.abs(value) < LONG_LIMIT;
    }

    /** One metric's cell: "" for NaN, an integer for a whole count, seconds to fixed digits, else a plain decimal. */
    public static String cell(Metric metric, double value) {
        if (Double.isNaN(value)) {
            return "";
        }
        if (isCount(metric) && isWhole(value)) {
            return Long.toString((long) value);
        }
        return isCount(metric) ? Csv.decimal(value) : Csv.seconds(value);
    }

    /** The six metric cells of a point's metrics array, in column order. */
    public static List<String> metricCells(double[] metrics) {
        List<String> cells = new ArrayList<>(Metric.COUNT);
        for (Metric m : Metric.values()) {
            cells.add(cell(m, metrics[m.ordinal()]));
        }
        return cells;
    }

    /** The knob columns: one per knob, named as the knob. */
    public static List<String> knobColumns(DesignSpace space) {
        return space.knobs().stream().map(Knob::name).toList();
    }

    /**
     * The channel columns: one per width knob, named {@code channels:} and the knob's name after
     * {@code width:} ({@code channels:stage5}), holding the channel counts the choice resolves to.
     */
    public static List<String> channelColumns(DesignSpace space) {
        return space.knobs().stream().filter(k -> k.target() instanceof KnobTarget.Width)
                .map(k -> CHANNELS_PREFIX + k.name().substring(k.name().indexOf(':') + 1)).toList();
    }

    /**
     * The channel counts of a width knob's choice, one per channel group it moves in the order the sweep
     * prints them, joined by '/': "96", or "384/96/576/576".
     */
    public static String channels(Knob knob, int choice) {
        int[] counts = ((KnobTarget.Width) knob.target()).channels()[choice];
        return java.util.Arrays.stream(counts).mapToObj(Integer::toString)
                .collect(java.util.stream.Collectors.joining("/"));
    }

    /** The channel cells of one point's choices, in the order of {@link #channelColumns}. */
    public static List<String> channelCells(DesignSpace space, int[] choices) {
        List<String> cells = new ArrayList<>();
        for (int k = 0; k < choices.length; k++) {
            Knob knob = space.knobs().get(k);
            if (knob.target() instanceof KnobTarget.Width) {
                cells.add(channels(knob, choices[k]));
            }
        }
        return cells;
    }

    /** The label of a knob's choice, checked against the knob's choices. */
    public static String label(DesignSpace space, int knob, int choice) {
        List<String> labels = space.knobs().get(knob).labels();
        if (choice < 0 || choice >= labels.size()) {
            throw new IllegalArgumentException("choice " + choice + " of knob " + space.knobs().get(knob).name()
                    + ", which has " + labels.size() + " choices");
        }
        return labels.get(choice);
    }

    /** The labels of one point's choices, in knob order. */
    public static List<String> labels(DesignSpace space, int[] choices) {
        if (choices.length != space.knobCount()) {
            throw new IllegalArgumentException(choices.length + " choices for a space of " + space.knobCount()
                    + " knobs");
        }
        List<String> cells = new ArrayList<>(choices.length);
        for (int k = 0; k < choices.length; k++) {
            cells.add(label(space, k, choices[k]));
        }
        return cells;
    }
}
