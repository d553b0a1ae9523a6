package dev.ridgeline.core.op;

import java.util.List;
import java.util.Map;

/** Permutes the axes: output axis i is input axis perm[i]; a copy, no arithmetic. */
public record Transpose(List<Integer> perm) implements Op {
    public Transpose {
        perm = List.copyOf(perm);
        boolean[] seen = new boolean[perm.size()];
        for (int p : perm) {
            if (p < 0 || p >= perm.size() || seen[p]) {
                throw new IllegalArgumentException("perm must be a permutation of 0.." + (perm.size() - 1) + ", got "
                        + perm);
            }
            seen[p] = true;
        }
    }

    /** True when the batch and channel axes stay where they are. */
    public boolean keepsChannels() {
        return perm.size() >= 2 && perm.get(0) == 0 && perm.get(1) == 1;
    }

    @Override
    public OpKind kind() {
        return OpKind.TRANSPOSE;
    }

    @Override
    public Map<String, Object> attributes() {
        return Map.of("perm", perm);
    }
}
