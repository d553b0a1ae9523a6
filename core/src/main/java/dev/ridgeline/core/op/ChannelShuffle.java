package dev.ridgeline.core.op;

import java.util.Map;

/** ShuffleNet's channel shuffle: a permutation of channels across groups (a copy, no arithmetic). */
public record ChannelShuffle(int groups) implements Op {
    public ChannelShuffle {
        if (groups < 1) {
            throw new IllegalArgumentException("groups must be at least 1");
        }
    }

    @Override
    public OpKind kind() {
        return OpKind.CHANNEL_SHUFFLE;
    }

    @Override
    public Map<String, Object> attributes() {
        return Map.of("groups", groups);
    }
}
