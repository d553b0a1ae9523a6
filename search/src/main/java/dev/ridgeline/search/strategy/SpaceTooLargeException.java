package dev.ridgeline.search.strategy;

import dev.ridgeline.core.BadInputException;
import java.math.BigInteger;
import java.util.Locale;

/** An exhaustive search refused because it would evaluate more points than its limit allows. */
public final class SpaceTooLargeException extends BadInputException {
    private static final long serialVersionUID = 1L;

    private final BigInteger points;
    private final long limit;

    SpaceTooLargeException(BigInteger spacePoints, BigInteger shardPoints, Shard shard, long limit) {
        super(message(spacePoints, shardPoints, shard, limit));
        this.points = shardPoints;
        this.limit = limit;
    }

    /** The points the refused run would have evaluated. */
    public BigInteger points() {
        return points;
    }

    public long limit() {
        return limit;
    }

    private static String message(BigInteger spacePoints, BigInteger shardPoints, Shard shard, long limit) {
        String what = shard.count() == 1
                ? String.format(Locale.ROOT, "the design space has %,d points", spacePoints)
                : String.format(Locale.ROOT, "shard %s of the design space has %,d of its %,d points",
                        shard, shardPoints, spacePoints);
        return String.format(Locale.ROOT,
                "%s, more than the exhaustive search limit of %,d; use the exact strategy (strategy: exact)"
                        + " for its Pareto front, the evolutionary strategy (NSGA-II) or random sampling, split it"
                        + " over machines with --shard i/N, or raise the limit", what, limit);
    }
}
