package dev.ridgeline.core.op;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Spatial resizing, nearest or bilinear: either by a scale factor per axis (output = floor(X * scale))
 * or to a fixed size (sizeH, sizeW &gt; 0).
 */
public record Upsample(Mode mode, double scaleH, double scaleW, int sizeH, int sizeW) implements Op {
    /** The interpolation. */
    public enum Mode {
        NEAREST, BILINEAR,
        /** 4 x 4 neighbours per output (ONNX Resize's cubic mode). */
        BICUBIC
    }

    public Upsample {
        boolean bySize = sizeH > 0 && sizeW > 0;
        boolean byScale = scaleH > 0 && scaleW > 0;
        if (bySize == byScale) {
            throw new IllegalArgumentException("upsample needs either a scale or a size, not both");
        }
    }

    public static Upsample scale(Mode mode, double scale) {
        return new Upsample(mode, scale, scale, 0, 0);
    }

    public boolean bySize() {
        return sizeH > 0;
    }

    @Override
    public OpKind kind() {
        return OpKind.UPSAMPLE;
    }

    @Override
    public Map<String, Object> attributes() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("mode", mode.name().toLowerCase(java.util.Locale.ROOT));
        if (bySize()) {
            a.put("size", List.of(sizeH, sizeW));
        } else {
            a.put("scale", List.of(scaleH, scaleW));
        }
        return a;
    }
}
