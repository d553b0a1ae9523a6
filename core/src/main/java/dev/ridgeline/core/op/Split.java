package dev.ridgeline.core.op;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One output of a split along an axis into parts of the given sizes (torch.chunk and torch.split, ONNX
 * Split): a split into k parts is k nodes, part i carrying {@code index} i. A part is a view of its
 * input, as PyTorch's chunks are: it computes and allocates nothing.
 */
public record Split(int axis, List<Integer> sizes, int index) implements Op {
    public Split {
        sizes = List.copyOf(sizes);
        if (sizes.size() < 2) {
            throw new IllegalArgumentException("a split needs at least 2 parts, got " + sizes);
        }
        if (sizes.stream().anyMatch(s -> s < 1)) {
            throw new IllegalArgumentException("split sizes must be at least 1, got " + sizes);
        }
        if (index < 0 || index >= sizes.size()) {
            throw new IllegalArgumentException("part " + index + " of a split into " + sizes.size() + " parts");
        }
    }

    /** Elements of the axis before this part. */
    public int offset() {
        int o = 0;
        for (int i = 0; i < index; i++) {
            o += sizes.get(i);
        }
        return o;
    }

    public int size() {
        return sizes.get(index);
    }

    /** The axis length the sizes add up to. */
    public long total() {
        return sizes.stream().mapToLong(Integer::longValue).sum();
    }

    /** The same part of a split with other sizes (a width change). */
    public Split withSizes(List<Integer> newSizes) {
        return new Split(axis, newSizes, index);
    }

    @Override
    public OpKind kind() {
        return OpKind.SPLIT;
    }

    @Override
    public Map<String, Object> attributes() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("axis", axis);
        a.put("sizes", sizes);
        a.put("part", index);
        return a;
    }
}
