package dev.ridgeline.core.op;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Squeeze, unsqueeze and the reductions take at least one axis, and keep a copy of the list they are given. */
class AxisListsTest {

    @Test
    void anEmptyAxisListIsRefusedByNameOfTheOp() {
        assertEquals("squeeze needs at least one axis", refused(Squeeze::new));
        assertEquals("unsqueeze needs at least one axis", refused(Unsqueeze::new));
        assertEquals("reduce_mean needs at least one axis", refused(axes -> new ReduceMean(axes, true)));
        assertEquals("reduce_l2 needs at least one axis",
                refused(axes -> new Reduce(Reduce.Function.L2, axes, false)));
        assertEquals("argmax needs at least one axis",
                refused(axes -> new Reduce(Reduce.Function.ARG_MAX, axes, false)));
    }

    @Test
    void theOpKeepsACopyOfTheAxesItWasGiven() {
        List<Integer> axes = new ArrayList<>(List.of(1, -1));
        Squeeze squeeze = new Squeeze(axes);
        Reduce sum = new Reduce(Reduce.Function.SUM, axes, true);
        axes.clear();
        assertEquals(List.of(1, -1), squeeze.axes());
        assertEquals(List.of(1, -1), sum.axes());
    }

    @Test
    void bothReductionsListTheirAxesThenKeepDims() {
        var mean = new ReduceMean(List.of(2, 3), true).attributes();
        var max = new Reduce(Reduce.Function.MAX, List.of(-1), false).attributes();
        assertEquals(List.of("axes", "keepDims"), List.copyOf(mean.keySet()));
        assertEquals(List.of(2, 3), mean.get("axes"));
        assertEquals(true, mean.get("keepDims"));
        assertEquals(List.of("axes", "keepDims"), List.copyOf(max.keySet()));
        assertEquals(List.of(-1), max.get("axes"));
        assertEquals(false, max.get("keepDims"));
    }

    private static String refused(Function<List<Integer>, Op> make) {
        return assertThrows(IllegalArgumentException.class, () -> make.apply(List.of())).getMessage();
    }
}
