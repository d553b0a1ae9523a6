package dev.ridgeline.core.graph;

import dev.ridgeline.core.BadInputException;
import java.util.Locale;

/**
 * The largest sizes Ridgeline accepts, so that a mistyped number ({@code repeat: 100000000}) is refused
 * at once with the limit in the message instead of running for minutes and out of memory. They are far
 * above real networks (the zoo's largest has a few hundred nodes and 4,096 features); counts within them
 * still use exact 64-bit arithmetic and report an overflow as bad input.
 */
public final class SizeLimits {
    /** Nodes in one model, after blocks and repeats are expanded. */
    public static final int MAX_NODES = 100_000;
    /** Copies of one layer or block. */
    public static final int MAX_REPEAT = 10_000;
    /** Output channels of a conv, features of a linear layer. */
    public static final int MAX_CHANNELS = 1 << 20;
    /** Samples in a batch. */
    public static final int MAX_BATCH = 1 << 20;

    private SizeLimits() {
    }

    /** Fails when a model would hold more than {@link #MAX_NODES} nodes. */
    public static void checkNodes(String modelName, long nodes) {
        if (nodes > MAX_NODES) {
            throw new BadInputException(String.format(Locale.ROOT,
                    "model '%s' grows past %,d nodes, the limit; check its repeat counts", modelName, MAX_NODES));
        }
    }

    /** Fails when {@code batch} is outside 1..{@link #MAX_BATCH}; {@code what} names it ("--batch"). */
    public static void checkBatch(String what, long batch) {
        BadInputException.check(batch >= 1, "%s must be at least 1, got %d", what, batch);
        BadInputException.check(batch <= MAX_BATCH, "%s must be at most %,d, got %,d", what, MAX_BATCH, batch);
    }
}
