package dev.ridgeline.search.eval;

/**
 * The structure of the models of one separable configuration: their layers in execution order and,
 * for peak memory, the buffers live during each step. Buffer b &lt; layers is the output of layer b;
 * buffer layers + k is model input k.
 */
final class Plan {
    final Table[] layers;
    final Table[] inputs;
    /** Buffers live in step j: {@code live[stepStart[j]] .. live[stepStart[j + 1] - 1]}. */
    final int[] stepStart;
    final int[] live;
    /** The highest knob index any buffer of step j depends on. */
    final int[] stepLevel;
    /** Layers ordered by their table's level: level L (from -1) holds layerByLevel[levelStart[L + 1] ..]. */
    final int[] layerByLevel;
    final int[] layerLevelStart;
    /** Steps ordered by level, likewise. */
    final int[] stepByLevel;
    final int[] stepLevelStart;

    Plan(Table[] layers, Table[] inputs, int[] stepStart, int[] live) {
        this.layers = layers;
        this.inputs = inputs;
        this.stepStart = stepStart;
        this.live = live;
        this.stepLevel = new int[stepStart.length - 1];
        for (int j = 0; j < stepLevel.length; j++) {
            int level = -1;
            for (int p = stepStart[j]; p < stepStart[j + 1]; p++) {
                level = Math.max(level, buffer(live[p]).level);
            }
            stepLevel[j] = level;
        }
        int[] layerLevels = new int[layers.length];
        int maxLevel = -1;
        for (int i = 0; i < layers.length; i++) {
            layerLevels[i] = layers[i].level;
            maxLevel = Math.max(maxLevel, layers[i].level);
        }
        for (int l : stepLevel) {
            maxLevel = Math.max(maxLevel, l);
        }
        this.layerLevelStart = new int[maxLevel + 3];
        this.layerByLevel = byLevel(layerLevels, layerLevelStart);
        this.stepLevelStart = new int[maxLevel + 3];
        this.stepByLevel = byLevel(stepLevel, stepLevelStart);
    }

    /** Levels range from -1 to levels() - 2. */
    int levels() {
        return layerLevelStart.length - 1;
    }

    /** Indices sorted by level (counting sort); start[L + 1] is where level L begins. */
    private static int[] byLevel(int[] level, int[] start) {
        int[] count = new int[start.length];
        for (int l : level) {
            count[l + 1]++;
        }
        for (int i = 1; i < start.length; i++) {
            start[i] = start[i - 1] + count[i - 1];
        }
        int[] next = start.clone();
        int[] order = new int[level.length];
        for (int i = 0; i < level.length; i++) {
            order[next[level[i] + 1]++] = i;
        }
        return order;
    }

    Table buffer(int b) {
        return b < layers.length ? layers[b] : inputs[b - layers.length];
    }
}
