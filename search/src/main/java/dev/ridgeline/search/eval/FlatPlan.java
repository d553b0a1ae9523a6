package dev.ridgeline.search.eval;

/**
 * A {@link Plan} laid out for the hot loops: every table's entries in one array, every table's knobs and
 * strides in two more, and the layers and liveness steps grouped by level slot (slot = level + 1), so that
 * a point's figures are a few index sums over primitive arrays with no object to follow.
 */
final class FlatPlan {
    /** Tables: 0 .. layers - 1 are the layers, then the model inputs (as {@link Plan#buffer} numbers them). */
    final double[] values;
    final int[] tableBase;
    final int[] knobStart;
    final int[] knob;
    final int[] stride;
    final int layers;
    /** Level slots 0 .. slots - 1; the layers of slot s are slotLayer[slotLayerStart[s] .. slotLayerStart[s + 1]). */
    final int slots;
    final int[] slotLayerStart;
    final int[] slotLayer;
    final int[] slotStepStart;
    final int[] slotStep;
    /** The buffers live in step j: stepBuffer[stepStart[j] .. stepStart[j + 1]). */
    final int[] stepStart;
    final int[] stepBuffer;

    FlatPlan(Plan plan) {
        int tables = plan.layers.length + plan.inputs.length;
        layers = plan.layers.length;
        tableBase = new int[tables];
        knobStart = new int[tables + 1];
        int size = 0;
        int knobs = 0;
        for (int t = 0; t < tables; t++) {
            Table table = plan.buffer(t);
            tableBase[t] = size;
            size += table.values.length;
            knobStart[t] = knobs;
            knobs += table.knobs.length;
        }
        knobStart[tables] = knobs;
        values = new double[size];
        knob = new int[knobs];
        stride = new int[knobs];
        for (int t = 0; t < tables; t++) {
            Table table = plan.buffer(t);
            System.arraycopy(table.values, 0, values, tableBase[t], table.values.length);
            for (int i = 0; i < table.knobs.length; i++) {
                knob[knobStart[t] + i] = table.knobs[i];
                stride[knobStart[t] + i] = table.strides[i] * Table.FIELDS;
            }
        }
        slots = plan.levels();
        slotLayerStart = plan.layerLevelStart;
        slotLayer = plan.layerByLevel;
        slotStepStart = plan.stepLevelStart;
        slotStep = plan.stepByLevel;
        stepStart = plan.stepStart;
        stepBuffer = plan.live;
    }

    /** Where table t's fields for a point begin in {@link #values}. */
    int offset(int t, int[] choices) {
        int o = tableBase[t];
        for (int i = knobStart[t], end = knobStart[t + 1]; i < end; i++) {
            o += choices[knob[i]] * stride[i];
        }
        return o;
    }

    /** Bytes live during step j for a point. */
    double liveBytes(int j, int[] choices) {
        double bytes = 0;
        for (int p = stepStart[j], end = stepStart[j + 1]; p < end; p++) {
            bytes += values[offset(stepBuffer[p], choices) + Table.OUTPUT_BYTES];
        }
        return bytes;
    }
}
