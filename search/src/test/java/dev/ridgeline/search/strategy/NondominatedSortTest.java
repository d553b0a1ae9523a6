package dev.ridgeline.search.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** NSGA-II's ranking and selection against their definitions, on random rows with ties and budget misses. */
class NondominatedSortTest {

    @Property(tries = 200)
    void ranksAreTheDepthOfConstrainedDominanceAndSelectionKeepsWholeFronts(
            @ForAll @IntRange(min = 1, max = 60) int rows, @ForAll @IntRange(min = 2, max = 4) int d,
            @ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] objective = new double[rows * d];
        double[] violation = new double[rows];
        for (int i = 0; i < rows; i++) {
            for (int m = 0; m < d; m++) {
                objective[i * d + m] = random.nextInt(6);
            }
            violation[i] = random.nextInt(4) == 0 ? random.nextInt(3) + 1 : 0;
        }
        int[] rank = new int[rows];
        double[] crowding = new double[rows];
        NondominatedSort sort = new NondominatedSort(rows, d);
        sort.rank(objective, violation, 0, rows, rank, crowding);
        for (int i = 0; i < rows; i++) {
            int expected = 0;
            for (int j = 0; j < rows; j++) {
                if (dominates(objective, violation, d, j, i)) {
                    expected = Math.max(expected, rank[j] + 1);
                }
            }
            assertEquals(expected, rank[i], "rank of row " + i);
            assertTrue(crowding[i] >= 0);
        }
        int keep = 1 + random.nextInt(rows);
        int[] order = sort.select(objective, violation, rows, keep, rank, crowding).clone();
        Set<Integer> kept = new HashSet<>();
        for (int i = 0; i < keep; i++) {
            kept.add(order[i]);
        }
        Set<Integer> all = new HashSet<>();
        for (int i = 0; i < rows; i++) {
            all.add(order[i]);
        }
        assertEquals(rows, all.size(), "a permutation");
        int worstKept = kept.stream().mapToInt(i -> rank[i]).max().orElseThrow();
        for (int i = 0; i < rows; i++) {
            if (!kept.contains(i)) {
                assertTrue(rank[i] >= worstKept, "row " + i + " left out before a worse front");
                if (rank[i] == worstKept) {
                    for (int k : kept) {
                        assertTrue(rank[k] < worstKept || crowding[k] >= crowding[i], "crowding decides the cut");
                    }
                }
            }
        }
    }

    private static boolean dominates(double[] objective, double[] violation, int d, int a, int b) {
        if (violation[a] != violation[b]) {
            return violation[a] < violation[b];
        }
        boolean better = false;
        for (int m = 0; m < d; m++) {
            if (objective[a * d + m] > objective[b * d + m]) {
                return false;
            }
            better |= objective[a * d + m] < objective[b * d + m];
        }
        return better;
    }

    @Property(tries = 100)
    void thePointSetAddsEachKeyOnce(@ForAll @IntRange(min = 0, max = 5000) int count, @ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        PointSet set = new PointSet();
        Set<Long> reference = new HashSet<>();
        for (int i = 0; i < count; i++) {
            long key = random.nextInt(4) == 0 ? Long.MIN_VALUE + random.nextInt(3) : random.nextLong(2 * count + 1);
            assertEquals(reference.add(key), set.add(key), "key " + key);
        }
    }
}
