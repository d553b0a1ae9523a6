package dev.ridgeline.measure.published;

import dev.ridgeline.hardware.device.Precision;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One published whole-model measurement: a model at one sample shape and batch, at a precision, under a runtime on
 * a device, as the time of one inference of the batch (a throughput figure is converted: batch / images per
 * second), with where it was published and whether device constants were fitted on it.
 *
 * @param device     the device id it was measured on, or "" when the file does not say (a user's own file)
 * @param runtime    the runtime id, or "" when the file does not say
 * @param input      one sample's shape: channels, height, width
 * @param seconds    the time of one inference of the whole batch
 * @param throughput true when the source gives images per second (a large-batch figure)
 * @param heldOut    true for a figure no preset constant was fitted on
 * @param line       the line of the file it comes from
 * @param profile    seconds per inference of each kernel of the same run, by its first layer's name
 *                   ({@link LayerProfile}); empty when the row names no profile
 */
public record PublishedFigure(String device, String runtime, String model, List<Integer> input, int batch,
                              Precision precision, double seconds, boolean throughput, boolean heldOut,
                              String source, String note, String file, long line, Map<String, Double> profile) {
    public PublishedFigure {
        input = List.copyOf(input);
        profile = Collections.unmodifiableMap(new LinkedHashMap<>(profile));
    }

    /** "resnet50 3x224x224 b1 int8". */
    public String label() {
        return model + " " + input.get(0) + "x" + input.get(1) + "x" + input.get(2) + " b" + batch + " "
                + precision.id();
    }
}
