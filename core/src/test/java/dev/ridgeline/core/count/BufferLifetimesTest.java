package dev.ridgeline.core.count;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.core.graph.Model;
import dev.ridgeline.core.graph.Node;
import dev.ridgeline.core.graph.Shape;
import dev.ridgeline.core.op.Activation;
import dev.ridgeline.core.op.ActivationKind;
import dev.ridgeline.core.op.Add;
import dev.ridgeline.core.op.Conv2d;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * When each buffer is allocated, read last and freed, by hand on a small graph with a branch, an in-place
 * activation and a second input that nothing reads.
 */
class BufferLifetimesTest {
    /**
     * Nodes: 0 c1(x), 1 r1 in place on c1, 2 c2(r1), 3 c3(r1), 4 add(c2, c3). Buffers 0..4 are the nodes',
     * 5 is input x, 6 input y (read by nothing).
     */
    private static Model model() {
        return Model.builder("branch").input("x", Shape.of(1, 4, 8, 8)).input("y", Shape.of(1, 4, 8, 8))
                .add(new Node("c1", Conv2d.of(4, 4, 3, 1, 1), List.of("x")))
                .add(new Node("r1", new Activation(ActivationKind.RELU, true), List.of("c1")))
                .add(new Node("c2", Conv2d.of(4, 4, 3, 1, 1), List.of("r1")))
                .add(new Node("c3", Conv2d.of(4, 4, 3, 1, 1), List.of("r1")))
                .add(new Node("add", new Add(), List.of("c2", "c3")))
                .build();
    }

    @Test
    void eachBufferLivesFromItsNodeToItsLastReader() {
        BufferLifetimes b = BufferLifetimes.of(model());
        assertEquals(7, b.buffers(), "5 nodes and 2 inputs");
        assertTrue(b.owned(0));
        assertFalse(b.owned(1), "the in-place relu writes into c1's buffer");
        assertEquals(-1, b.lastUse(1));
        assertEquals(3, b.lastUse(0), "c1's buffer, through r1, is read last by c3");
        assertEquals(4, b.lastUse(2));
        assertEquals(4, b.lastUse(3));
        assertEquals(5, b.lastUse(4), "the model output lives to the end (step 5 = nodes)");
        assertEquals(0, b.lastUse(5), "input x is read last by c1");
        assertEquals(5, b.lastUse(6), "an input nothing reads lives to the end");
        assertEquals(2, b.allocated(2));
        assertEquals(4, b.allocated(4));
        assertEquals(-1, b.allocated(5), "inputs exist before the first node");
        assertEquals(-1, b.allocated(6));
    }

    @Test
    void liveAtIsTrueFromAllocationThroughTheLastUseOfAnOwnedBuffer() {
        BufferLifetimes b = BufferLifetimes.of(model());
        assertFalse(b.liveAt(2, 1), "before c2 runs");
        assertTrue(b.liveAt(2, 2));
        assertTrue(b.liveAt(2, 4), "through its last reader");
        assertFalse(b.liveAt(0, 4), "freed after step 3");
        assertTrue(b.liveAt(0, 3));
        assertTrue(b.liveAt(5, 0));
        assertFalse(b.liveAt(5, 1));
        assertTrue(b.liveAt(6, 4));
        assertFalse(b.liveAt(1, 1), "an aliasing node owns no buffer");
    }

    @Test
    void theSecondInputIsTheBufferAfterTheFirst() {
        Model twoInputs = Model.builder("two").input("x", Shape.of(1, 4, 8, 8)).input("y", Shape.of(1, 4, 8, 8))
                .add(new Node("c", Conv2d.of(4, 4, 3, 1, 1), List.of("y")))
                .add(new Node("sum", new Add(), List.of("c", "x")))
                .build();
        BufferLifetimes b = BufferLifetimes.of(twoInputs);
        assertEquals(1, b.lastUse(2), "x (buffer 2) is read last by the add");
        assertEquals(0, b.lastUse(3), "y (buffer 3) is read last by the conv");
    }

    @Test
    void aCostsTrafficIsItsReadsPlusItsWrites() {
        assertEquals(1_234 + 56, new Cost(0, 0, 0, 0, 1_234, 56).memoryTrafficBytes());
    }
}
