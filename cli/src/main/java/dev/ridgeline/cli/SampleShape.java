package dev.ridgeline.cli;

import dev.ridgeline.core.BadInputException;
import dev.ridgeline.core.graph.ModelInput;
import dev.ridgeline.core.graph.Shape;
import dev.ridgeline.core.graph.SizeLimits;
import java.util.Arrays;

/**
 * One sample's shape as the user types it for --input ("3x224x224": channels first, no batch),
 * checked against the model input it replaces: same rank, same channels.
 */
record SampleShape(int[] dims) {
    static SampleShape parse(String text) {
        String[] parts = text.trim().split("[xX]", -1);
        int[] dims = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                dims[i] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new BadInputException("--input must be one sample's shape, channels first, such as 3x224x224;"
                        + " got '" + text + "'");
            }
            BadInputException.check(dims[i] >= 1, "--input %s: every dimension must be at least 1", text);
        }
        return new SampleShape(dims);
    }

    /**
     * The model input's shape with this sample and {@code batch}; without a sample, the model's own
     * sample shape at that batch.
     */
    static Shape resolve(String modelName, ModelInput input, SampleShape sample, int batch) {
        SizeLimits.checkBatch("--batch", batch);
        if (sample == null) {
            return input.shape().withBatch(batch);
        }
        Shape declared = input.shape();
        int[] declaredDims = declared.toArray();
        String expected = new SampleShape(Arrays.copyOfRange(declaredDims, 1, declaredDims.length)).toString();
        BadInputException.check(sample.dims.length == declared.rank() - 1,
                "--input %s has %d dimensions, but model '%s' takes samples of %d dimensions, like %s", sample,
                sample.dims.length, modelName, declared.rank() - 1, expected);
        BadInputException.check(sample.dims[0] == declared.channels(),
                "--input %s has %s, but model '%s' expects %s (its input is %s)", sample,
                channels(sample.dims[0]), modelName, channels(declared.channels()), expected);
        int[] withBatch = new int[sample.dims.length + 1];
        withBatch[0] = batch;
        System.arraycopy(sample.dims, 0, withBatch, 1, sample.dims.length);
        return Shape.of(withBatch);
    }

    private static String channels(int count) {
        return count == 1 ? "1 channel" : count + " channels";
    }

    @Override
    public String toString() {
        return String.join("x", Arrays.stream(dims).mapToObj(Integer::toString).toList());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SampleShape s && Arrays.equals(dims, s.dims);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dims);
    }
}
