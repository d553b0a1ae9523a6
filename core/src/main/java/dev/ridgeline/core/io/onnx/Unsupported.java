package dev.ridgeline.core.io.onnx;

/** Raised while mapping a node that Ridgeline cannot count; the reader lists it or stops, as the user chose. */
final class Unsupported extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unsupported(String reason) {
        super(reason, null, false, false);
    }
}
