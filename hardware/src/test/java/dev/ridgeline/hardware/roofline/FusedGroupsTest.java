package dev.ridgeline.hardware.roofline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.core.graph.Node;
import dev.ridgeline.core.op.Activation;
import dev.ridgeline.core.op.Add;
import dev.ridgeline.core.op.BatchNorm;
import dev.ridgeline.core.op.Conv2d;
import dev.ridgeline.core.op.ConvTranspose2d;
import dev.ridgeline.core.op.Linear;
import dev.ridgeline.core.op.Window;
import dev.ridgeline.hardware.device.Fusion;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which layers run in whose kernel under engine fusion (docs/hardware.md: BN folded into the conv before it,
 * an activation and a residual add run in their producer's kernel), on graphs small enough to check by hand.
 */
class FusedGroupsTest {
    private static Node conv(String name, String in) {
        return new Node(name, new Conv2d(4, 4, Window.square(3, 1, 1), 1, false), List.of(in));
    }

    private static Node bn(String name, String in) {
        return new Node(name, new BatchNorm(4, true), List.of(in));
    }

    private static Node relu(String name, String in) {
        return new Node(name, Activation.relu(), List.of(in));
    }

    private static Node add(String name, String a, String b) {
        return new Node(name, new Add(), List.of(a, b));
    }

    @Test
    void convBnReluAddReluIsOneKernelAndNothingMoreJoins() {
        List<Node> layers = List.of(conv("c", "input"), bn("b", "c"), relu("r", "b"), add("a", "r", "input"),
                relu("r2", "a"), relu("r3", "r2"));
        FusedGroups g = FusedGroups.of(layers, Fusion.ENGINE);
        assertEquals(List.of(1, 2, 3, 4), g.members(0), "bn, relu, add, relu");
        assertEquals(List.of(0, 0, 0, 0, 0, 5), List.of(g.headOf(0), g.headOf(1), g.headOf(2), g.headOf(3),
                g.headOf(4), g.headOf(5)), "a second activation after the group's last one runs on its own");
        assertFalse(g.fused(0));
        assertTrue(g.fused(4));
        assertFalse(g.fused(5));
        assertEquals(List.of(), g.members(5));
        assertEquals(List.of(), g.members(1), "a fused layer heads nothing");
        assertEquals(6, g.size());
    }

    @Test
    void anActivationAfterAnActivationAndABnAfterAnActivationRunAlone() {
        FusedGroups twice = FusedGroups.of(List.of(conv("c", "input"), relu("r", "c"), relu("r2", "r")),
                Fusion.ENGINE);
        assertEquals(List.of(1), twice.members(0));
        FusedGroups bnLate = FusedGroups.of(List.of(conv("c", "input"), relu("r", "c"), bn("b", "r")), Fusion.ENGINE);
        assertEquals(List.of(1), bnLate.members(0));
        FusedGroups bnBn = FusedGroups.of(List.of(conv("c", "input"), bn("b", "c"), bn("b2", "b")), Fusion.ENGINE);
        assertEquals(List.of(1), bnBn.members(0));
    }

    @Test
    void anAddJoinsTheKernelOfItsLaterOperand() {
        // c1 and c2 both read the input; the add reads c1 (earlier) and c2 (later): it runs in c2's kernel
        List<Node> layers = List.of(conv("c1", "input"), conv("c2", "input"), add("a", "c1", "c2"));
        FusedGroups g = FusedGroups.of(layers, Fusion.ENGINE);
        assertEquals(1, g.headOf(2));
        assertEquals(List.of(), g.members(0));
        assertEquals(List.of(2), g.members(1));
    }

    @Test
    void aLayerReadByTwoLayersEndsItsGroup() {
        List<Node> layers = List.of(conv("c", "input"), relu("r", "c"), conv("c2", "r"), add("a", "r", "c2"));
        FusedGroups g = FusedGroups.of(layers, Fusion.ENGINE);
        assertEquals(List.of(1), g.members(0), "r has two readers, so nothing fuses after it");
        assertEquals(List.of(3), g.members(2));
    }

    @Test
    void linearAndTransposedConvsHeadGroupsAndNoFusionMakesNone() {
        List<Node> layers = List.of(new Node("t", new ConvTranspose2d(4, 4, Window.square(2, 2, 0), 0, 0, 1, false),
                List.of("input")), relu("r", "t"), new Node("fc", new Linear(4, 4, true), List.of("r")), relu("r2", "fc"));
        FusedGroups g = FusedGroups.of(layers, Fusion.ENGINE);
        assertEquals(List.of(1), g.members(0));
        assertEquals(List.of(3), g.members(2));
        FusedGroups none = FusedGroups.of(layers, Fusion.NONE);
        for (int i = 0; i < 4; i++) {
            assertEquals(i, none.headOf(i));
            assertEquals(List.of(), none.members(i));
        }
        assertEquals(4, none.size());
        // an activation with no head before it runs alone
        FusedGroups alone = FusedGroups.of(List.of(relu("r", "input"), bn("b", "r")), Fusion.ENGINE);
        assertEquals(List.of(), alone.members(0));
        assertEquals(1, alone.headOf(1));
    }
}
