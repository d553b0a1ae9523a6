package dev.ridgeline.measure.runtime;

/**
 * The mean time of one ONNX Runtime kernel per run, from its profile, and the Ridgeline layer it belongs to.
 *
 * @param node    the node name in ORT's profile (a fused node keeps its first layer's name, plus a suffix)
 * @param opType  the kernel ORT ran (Conv, FusedConv, Add, ...)
 * @param layer   the Ridgeline layer whose name the node starts with, or empty when none does (ORT's own layout
 *                conversions, ReorderInput and ReorderOutput)
 * @param kernel  the head of the layer's fused group under engine fusion (the layer Ridgeline charges the
 *                kernel's time to), or empty with {@code layer}
 */
public record NodeTime(String node, String opType, String layer, String kernel, double seconds) {
    public NodeTime withKernel(String head) {
        return new NodeTime(node, opType, layer, head, seconds);
    }
}
