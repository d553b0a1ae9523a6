package dev.ridgeline.measure.calibrate;

import dev.ridgeline.core.graph.Model;

/**
 * One calibration run: a model measured at a batch.
 *
 * @param kind the stratum it belongs to (conv, depthwise, pointwise, linear, pooling, network)
 */
public record Benchmark(String name, String kind, Model model, int batch) {
}
