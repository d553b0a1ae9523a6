package dev.ridgeline.core.graph;

/**
 * The number format one layer runs in when the model fixes it (a quantized ONNX file's INT8 layers), overriding
 * the precision a report is made at: its name as {@code --precision} spells it and its bytes per element.
 */
public record LayerPrecision(String id, int elementBytes) {
    public static final LayerPrecision INT8 = new LayerPrecision("int8", 1);

    public LayerPrecision {
        if (id == null || id.isBlank() || elementBytes < 1) {
            throw new IllegalArgumentException("a precision needs a name and at least 1 byte per element");
        }
    }
}
