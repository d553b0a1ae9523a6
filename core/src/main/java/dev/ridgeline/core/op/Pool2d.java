package dev.ridgeline.core.op;

import java.util.LinkedHashMap;
import java.util.Map;

/** Max or average pooling over a window; ceil mode rounds the output size up as PyTorch does. */
public record Pool2d(boolean max, Window window, boolean ceilMode, boolean countIncludePad) implements Op {
    public static Pool2d max(int kernel, int stride, int padding) {
        return new Pool2d(true, Window.square(kernel, stride, padding), false, true);
    }

    public static Pool2d avg(int kernel, int stride, int padding) {
        return new Pool2d(false, Window.square(kernel, stride, padding), false, true);
    }

    @Override
    public OpKind kind() {
        return max ? OpKind.MAX_POOL : OpKind.AVG_POOL;
    }

    @Override
    public Map<String, Object> attributes() {
        Map<String, Object> a = new LinkedHashMap<>(window.attributes());
        a.put("ceilMode", ceilMode);
        if (!max) {
            a.put("countIncludePad", countIncludePad);
        }
        return a;
    }
}
