package dev.ridgeline.core.count;

/**
 * The complexity of one layer or a whole model. {@code params} are per model; every other count
 * covers the whole batch. Bytes are at the report's element size.
 *
 * @param params       learnable parameters
 * @param macs         multiply-accumulates of conv, linear and matmul (torchvision's rule)
 * @param flops        the counting convention's figure
 * @param activations  output elements
 * @param readBytes    bytes read: inputs and weights
 * @param writeBytes   bytes written: the output
 */
public record Cost(long params, long macs, long flops, long activations, long readBytes, long writeBytes) {
    public long memoryTrafficBytes() {
        return Math.addExact(readBytes, writeBytes);
    }
}
