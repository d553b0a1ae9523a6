package dev.ridgeline.search.strategy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.search.space.DesignSpace;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RandomSamplingTest {
    private final SyntheticEvaluator evaluator = new SyntheticEvaluator();

    @Test
    void aSeedDrawsTheSamePointsOnAnyThreadCount() {
        long[] once = drawn(RandomSampling.of(10_000, 7).withThreads(1));
        assertEquals(10_000, once.length);
        assertArrayEquals(once, drawn(RandomSampling.of(10_000, 7).withThreads(1)));
        assertArrayEquals(once, drawn(RandomSampling.of(10_000, 7).withThreads(3)));
        assertArrayEquals(once, drawn(RandomSampling.of(10_000, 7).withThreads(8)));
    }

    @Test
    void anotherSeedDrawsOtherPoints() {
        assertFalse(Arrays.equals(drawn(RandomSampling.of(10_000, 7)), drawn(RandomSampling.of(10_000, 8))));
    }

    @Test
    void indicesMatchTheChoicesDrawn() {
        SearchOutcome<CountingSink> outcome = RandomSampling.of(5_000, 3).withThreads(2)
                .run(evaluator, PointFilter.ACCEPT_ALL, () -> new CountingSink(evaluator.space()), CountingSink::merge);
        assertEquals(0, outcome.sink().mismatches());
        assertEquals(5_000, Arrays.stream(outcome.sink().counts()).sum());
        assertEquals(5_000, outcome.evaluated());
    }

    @Test
    void everyChoiceOfEveryKnobIsDrawnAboutEquallyOften() {
        int draws = 100_000;
        long[][] counts = new long[6][5];
        RandomSampling.of(draws, 11).withThreads(1).run(evaluator, PointFilter.ACCEPT_ALL,
                () -> (index, choices, metrics) -> {
                    for (int k = 0; k < choices.length; k++) {
                        counts[k][choices[k]]++;
                    }
                }, (a, b) -> a);
        double expected = draws / 5.0;
        double sigma = Math.sqrt(draws * 0.2 * 0.8);
        for (long[] knob : counts) {
            for (long c : knob) {
                assertTrue(Math.abs(c - expected) < 5 * sigma, Arrays.toString(knob));
            }
        }
    }

    @Test
    void pointsOfASpaceTooLargeToNumberHaveNoIndex() {
        ToyEvaluator huge = ToyEvaluator.uniform(70, 2);
        AtomicLong unnumbered = new AtomicLong();
        SearchOutcome<PointSink> outcome = RandomSampling.of(100, 1).withThreads(1).run(huge,
                PointFilter.ACCEPT_ALL, () -> (index, c, m) -> unnumbered.addAndGet(index == -1 ? 1 : 0), (a, b) -> a);
        assertEquals(100, unnumbered.get());
        assertEquals(100, outcome.feasible());
    }

    private long[] drawn(RandomSampling sampling) {
        DesignSpace space = evaluator.space();
        SearchOutcome<IndexList> outcome = sampling.run(evaluator, PointFilter.ACCEPT_ALL, IndexList::new,
                IndexList::merge);
        assertEquals(sampling.count(), outcome.evaluated());
        assertTrue(space.indexable());
        long[] sorted = outcome.sink().indices();
        Arrays.sort(sorted);
        return sorted;
    }

    /** Every index delivered, repeats included. */
    static final class IndexList implements PointSink {
        private long[] indices = new long[16];
        private int size;

        @Override
        public void accept(long index, int[] choices, double[] metrics) {
            if (size == indices.length) {
                indices = Arrays.copyOf(indices, size * 2);
            }
            indices[size++] = index;
        }

        IndexList merge(IndexList other) {
            for (int i = 0; i < other.size; i++) {
                accept(other.indices[i], null, null);
            }
            return this;
        }

        long[] indices() {
            return Arrays.copyOf(indices, size);
        }
    }
}
