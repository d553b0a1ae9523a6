package dev.ridgeline.core.op;

import java.util.List;

/**
 * Zero padding of a sliding window: explicit per side, or "same" (output = ceil(input / stride),
 * any odd remainder going to the bottom/right side, as ONNX's SAME_UPPER and TensorFlow do).
 */
public record Padding(boolean same, int top, int left, int bottom, int right) {
    public static final Padding NONE = new Padding(false, 0, 0, 0, 0);
    public static final Padding SAME = new Padding(true, 0, 0, 0, 0);

    public Padding {
        if (top < 0 || left < 0 || bottom < 0 || right < 0) {
            throw new IllegalArgumentException("negative padding " + List.of(top, left, bottom, right));
        }
    }

    public static Padding of(int all) {
        return new Padding(false, all, all, all, all);
    }

    public static Padding of(int vertical, int horizontal) {
        return new Padding(false, vertical, horizontal, vertical, horizontal);
    }

    public static Padding of(int top, int left, int bottom, int right) {
        return new Padding(false, top, left, bottom, right);
    }

    /** How outputs print it, as PyTorch does: "same", [ph, pw] when symmetric, else [top, left, bottom, right]. */
    public Object describe() {
        if (same) {
            return "same";
        }
        if (top == bottom && left == right) {
            return List.of(top, left);
        }
        return List.of(top, left, bottom, right);
    }
}
