package dev.ridgeline.search.exact;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The orders each heuristic picks on small interaction graphs whose greedy choices are worked out by hand
 * (degree, weight = product of the neighbours' choices, fill = neighbour pairs not yet adjacent; ties to the
 * lower weight, then the lower knob), and the work each order implies.
 */
class EliminationOrderTest {
    private static final int[] NO_SEQUENCE = {};

    private static int[] order(List<int[]> scopes, int[] radix, Ordering heuristic) {
        return EliminationOrder.of(scopes, radix, heuristic, NO_SEQUENCE).knobs();
    }

    /** A chain 0-1-2-3 in its own order: each step sums the factors that read the knob (m) over its choices. */
    @Test
    void aChainInOrderCostsWhatItsScopesSay() {
        List<int[]> chain = List.of(new int[] {0, 1}, new int[] {1, 2}, new int[] {2, 3});
        int[] radix = {2, 3, 4, 5};
        EliminationOrder o = EliminationOrder.simulate(chain, radix, new int[] {0, 1, 2, 3});
        // knob 0: one factor, 3 assignments of knob 1 x 2 choices; knob 1: two factors (its own and the new one),
        // 4 x 3 x 2; knob 2: 5 x 4 x 2; knob 3: 1 x 5 x 1; then one factor over no knob is left to combine
        assertArrayEquals(new double[] {6, 24, 40, 5, 1}, o.work());
        assertEquals(76, o.totalWork());
        assertArrayEquals(new int[] {0, 1, 2, 3}, EliminationOrder.of(chain, radix, Ordering.SEQUENTIAL,
                new int[] {0, 1, 2, 3}).knobs());
        // from the middle out: knob 1 first joins knobs 0 and 2, then knob 0 reads only that factor
        assertArrayEquals(new double[] {2 * 4 * 3 * 2, 4 * 2 * 1, 5 * 4 * 2, 5, 1},
                EliminationOrder.simulate(chain, radix, new int[] {1, 0, 2, 3}).work());
    }

    /** A star 1-0-2 whose centre has five choices and each leaf two: the heuristics disagree. */
    @Test
    void theHeuristicsDisagreeOnAStar() {
        List<int[]> star = List.of(new int[] {0, 1}, new int[] {0, 2});
        int[] radix = {5, 2, 2};
        // weight: the centre's neighbours weigh 2 x 2 = 4, each leaf's 5: the centre first, joining the leaves
        assertArrayEquals(new int[] {0, 1, 2}, order(star, radix, Ordering.MIN_WEIGHT));
        // degree: a leaf (1) first; then the centre (weight 2) before the other leaf (weight 5)
        assertArrayEquals(new int[] {1, 0, 2}, order(star, radix, Ordering.MIN_DEGREE));
        // fill: the centre's leaves are not adjacent (fill 1), a leaf's fill is 0
        assertArrayEquals(new int[] {1, 0, 2}, order(star, radix, Ordering.MIN_FILL));
        assertArrayEquals(new double[] {2 * 2 * 5 * 2, 2 * 2 * 1, 2, 1},
                EliminationOrder.of(star, radix, Ordering.MIN_WEIGHT, NO_SEQUENCE).work());
    }

    /** A larger star: the leaves go first, each a tie broken by the lower knob, until the centre weighs less. */
    @Test
    void tiesGoToTheLighterThenTheLowerKnob() {
        List<int[]> star = List.of(new int[] {0, 1}, new int[] {0, 2}, new int[] {0, 3});
        int[] radix = {4, 2, 3, 5};
        // leaves weigh 4 each, the centre 30, then 15; with one leaf (3) left the centre weighs 5 and leaf 3 weighs 4
        for (Ordering h : new Ordering[] {Ordering.MIN_DEGREE, Ordering.MIN_WEIGHT, Ordering.MIN_FILL}) {
            assertArrayEquals(new int[] {1, 2, 3, 0}, order(star, radix, h), h.toString());
        }
        // the centre with fewer choices than leaf 3 goes before it
        assertArrayEquals(new int[] {1, 2, 0, 3}, order(star, new int[] {4, 2, 3, 3}, Ordering.MIN_DEGREE));
    }

    /** A cycle of four: eliminating a knob joins its two neighbours, leaving a triangle. */
    @Test
    void eliminatingAKnobJoinsItsNeighbours() {
        List<int[]> cycle = List.of(new int[] {0, 1}, new int[] {1, 2}, new int[] {2, 3}, new int[] {0, 3});
        int[] radix = {2, 3, 4, 5};
        // every knob: degree 2, fill 1; weights 15, 8, 15, 8: knob 1; then the triangle 0-2-3 weighs 20, 10, 8: 3;
        // then 0 weighs 4 and 2 weighs 2
        for (Ordering h : new Ordering[] {Ordering.MIN_DEGREE, Ordering.MIN_WEIGHT, Ordering.MIN_FILL}) {
            assertArrayEquals(new int[] {1, 3, 2, 0}, order(cycle, radix, h), h.toString());
        }
        EliminationOrder o = EliminationOrder.of(cycle, radix, Ordering.MIN_FILL, NO_SEQUENCE);
        // knob 1: two factors, joins 0 and 2 (2 x 4) over its 3 choices; knob 3: two factors ({2,3} and {0,3}),
        // joins 0 and 2 again over 5; knob 2: the two factors over {0,2}, 2 assignments x 4; knob 0: one factor
        assertArrayEquals(new double[] {2 * 4 * 3 * 2, 2 * 4 * 5 * 2, 2 * 4 * 2, 2 * 1, 1}, o.work());
    }

    /** A triangle 0-1-2 with a tail 2-3-4, the tail's end first and ties to the lower knob. */
    @Test
    void aTriangleWithATail() {
        List<int[]> graph = List.of(new int[] {0, 1, 2}, new int[] {2, 3}, new int[] {3, 4});
        int[] radix = {9, 2, 9, 2, 9};
        // knob 4: degree 1, fill 0, weight 2; then knob 3 (degree 1, weight 9); then knobs 0 and 2 tie (degree 2,
        // fill 0, weight 18): 0; then knob 2 (weight 2) before knob 1 (weight 9)
        for (Ordering h : new Ordering[] {Ordering.MIN_DEGREE, Ordering.MIN_WEIGHT, Ordering.MIN_FILL}) {
            assertArrayEquals(new int[] {4, 3, 0, 2, 1}, order(graph, radix, h), h.toString());
        }
        // with 99 choices at knob 3, knob 4 weighs 99: fill takes the triangle's corners (fill 0, weights 18 and 9)
        // first, then knob 2 (fill 0, weight 99, the lower of a tie with knob 4), then 3; degree still starts at 4
        int[] heavy = {9, 2, 9, 99, 9};
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, order(graph, heavy, Ordering.MIN_FILL));
        assertEquals(4, order(graph, heavy, Ordering.MIN_DEGREE)[0]);
    }

    /** Knobs no factor reads (fixed, or of one choice) are not eliminated. */
    @Test
    void knobsNoFactorReadsAreLeftOut() {
        List<int[]> scopes = List.of(new int[] {0, 2});
        int[] radix = {2, 3, 4};
        EliminationOrder o = EliminationOrder.of(scopes, radix, Ordering.MIN_DEGREE, NO_SEQUENCE);
        // knob 0 weighs 4, knob 2 weighs 2
        assertArrayEquals(new int[] {2, 0}, o.knobs());
        assertArrayEquals(new double[] {2 * 4, 2, 1}, o.work());
        // a knob no factor reads still costs its choices when simulated
        assertArrayEquals(new double[] {3, 1}, EliminationOrder.simulate(List.of(), radix, new int[] {1}).work());
    }
}
