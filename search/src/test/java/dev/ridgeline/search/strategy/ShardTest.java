package dev.ridgeline.search.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.core.BadInputException;
import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class ShardTest {
    @Test
    void parsesOneBasedShardNumbers() {
        assertEquals(new Shard(0, 4), Shard.parse("1/4"));
        assertEquals(new Shard(3, 4), Shard.parse(" 4/4 "));
        assertEquals(Shard.ALL, Shard.parse("1/1"));
        assertEquals("3/8", Shard.parse("3/8").toString());
    }

    @Test
    void zeroIsNotAShardNumber() {
        String message = assertThrows(BadInputException.class, () -> Shard.parse("0/4")).getMessage();
        assertTrue(message.contains("counted from 1") && message.contains("1..4"), message);
    }

    @Test
    void shardNumberPastTheCountIsRejected() {
        String message = assertThrows(BadInputException.class, () -> Shard.parse("5/4")).getMessage();
        assertTrue(message.contains("only 4 shards") && message.contains("1..4"), message);
    }

    @Test
    void nonNumbersAreRejectedWithTheExpectedForm() {
        for (String bad : new String[] {"a/b", "", "1/", "/4", "-1/4", "1/4/2", "1.5/4"}) {
            String message = assertThrows(BadInputException.class, () -> Shard.parse(bad)).getMessage();
            assertTrue(message.contains("expected i/N") && message.contains("--shard 1/4"), message);
        }
    }

    @Test
    void zeroShardsAndHugeNumbersAreRejected() {
        assertTrue(assertThrows(BadInputException.class, () -> Shard.parse("1/0")).getMessage()
                .contains("at least 1"));
        assertTrue(assertThrows(BadInputException.class, () -> Shard.parse("1/99999999999")).getMessage()
                .contains("too large"));
    }

    @Test
    void sliceBoundariesAreFloorOfIndexTimesSizeOverCount() {
        Shard second = Shard.parse("2/3");
        assertEquals(3, second.start(10));
        assertEquals(6, second.end(10));
        assertEquals(0, Shard.parse("1/3").start(10));
        assertEquals(10, Shard.parse("3/3").end(10));
    }

    @Test
    void boundariesDoNotOverflowNearTheLongLimit() {
        long size = Long.MAX_VALUE - 1;
        Shard last = Shard.parse("7/7");
        assertEquals(size, last.end(size));
        BigInteger expected = BigInteger.valueOf(size).multiply(BigInteger.valueOf(6)).divide(BigInteger.valueOf(7));
        assertEquals(expected.longValueExact(), last.start(size));
    }

    @Property
    void shardsTileTheIndexRangeInOrderAndDifferByAtMostOnePoint(
            @ForAll @LongRange(max = 1_000_000_000_000L) long size, @ForAll @IntRange(min = 1, max = 64) int count) {
        long expectedStart = 0;
        long smallest = Long.MAX_VALUE;
        long largest = 0;
        for (int i = 0; i < count; i++) {
            Shard shard = new Shard(i, count);
            assertEquals(expectedStart, shard.start(size));
            long points = shard.end(size) - shard.start(size);
            assertEquals(BigInteger.valueOf(points), shard.points(BigInteger.valueOf(size)));
            smallest = Math.min(smallest, points);
            largest = Math.max(largest, points);
            expectedStart = shard.end(size);
        }
        assertEquals(size, expectedStart);
        assertTrue(largest - smallest <= 1);
    }
}
