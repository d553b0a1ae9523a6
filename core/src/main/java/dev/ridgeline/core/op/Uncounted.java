package dev.ridgeline.core.op;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An operator from an imported file that Ridgeline cannot count, kept (when the user allows it) so that the
 * rest of the network is counted and the op is listed, never silently zero. Its output is shaped like its
 * first input, or, when the file declares it, [batch] + {@code sampleDims}.
 *
 * @param sourceType the operator's name in the file, such as "Erf"
 * @param sampleDims the output's dimensions after the batch, or empty for "shaped like the first input"
 * @param params     the elements of the weights it reads
 */
public record Uncounted(String sourceType, List<Integer> sampleDims, long params) implements Op {
    public Uncounted {
        if (sourceType == null || sourceType.isBlank()) {
            throw new IllegalArgumentException("the source operator type is required");
        }
        sampleDims = List.copyOf(sampleDims);
        if (params < 0) {
            throw new IllegalArgumentException("params must not be negative");
        }
    }

    public boolean shapedLikeInput() {
        return sampleDims.isEmpty();
    }

    @Override
    public OpKind kind() {
        return OpKind.UNCOUNTED;
    }

    @Override
    public String type() {
        return sourceType;
    }

    @Override
    public Map<String, Object> attributes() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("uncounted", true);
        if (!shapedLikeInput()) {
            a.put("sampleShape", sampleDims);
        }
        return a;
    }
}
