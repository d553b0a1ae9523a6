package dev.ridgeline.core.io.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import dev.ridgeline.core.BadInputException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The attributes of one ONNX node by name, with ONNX's defaults supplied by the caller. */
final class Attributes {
    private final String node;
    private final Map<String, AttributeProto> byName = new HashMap<>();

    Attributes(NodeProto proto, String node) {
        this.node = node;
        proto.getAttributeList().forEach(a -> byName.put(a.getName(), a));
    }

    boolean has(String name) {
        return byName.containsKey(name);
    }

    long integer(String name, long fallback) {
        AttributeProto a = byName.get(name);
        return a == null ? fallback : a.getI();
    }

    float real(String name, float fallback) {
        AttributeProto a = byName.get(name);
        return a == null ? fallback : a.getF();
    }

    String text(String name, String fallback) {
        AttributeProto a = byName.get(name);
        return a == null ? fallback : a.getS().toString(StandardCharsets.UTF_8);
    }

    Optional<long[]> integers(String name) {
        AttributeProto a = byName.get(name);
        return a == null ? Optional.empty() : Optional.of(a.getIntsList().stream().mapToLong(Long::longValue).toArray());
    }

    Optional<List<Float>> reals(String name) {
        AttributeProto a = byName.get(name);
        return a == null ? Optional.empty() : Optional.of(a.getFloatsList());
    }

    Optional<TensorProto> tensor(String name) {
        AttributeProto a = byName.get(name);
        return a == null || !a.hasT() ? Optional.empty() : Optional.of(a.getT());
    }

    /** An int-valued list attribute of exactly {@code count} entries, or the fallback when absent. */
    int[] ints(String name, int count, int fallback) {
        Optional<long[]> values = integers(name);
        int[] out = new int[count];
        if (values.isEmpty()) {
            java.util.Arrays.fill(out, fallback);
            return out;
        }
        long[] v = values.get();
        BadInputException.check(v.length == count, "node '%s': attribute %s has %d values, expected %d", node, name,
                v.length, count);
        for (int i = 0; i < count; i++) {
            out[i] = Math.toIntExact(v[i]);
        }
        return out;
    }
}
