package dev.ridgeline.hardware.roofline;

import dev.ridgeline.core.graph.Node;
import dev.ridgeline.hardware.device.Fusion;
import dev.ridgeline.core.op.OpKind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which layers run inside another layer's kernel under {@link Fusion#ENGINE}. A group starts at a conv,
 * transposed conv or linear layer (the head) and grows along single-consumer edges, in this order:
 * <ol>
 *   <li>a batch norm reading the head (folded into its weights);</li>
 *   <li>an element-wise activation;</li>
 *   <li>an add whose other operand was produced earlier (the residual join; its later-produced operand is the
 *       group's), then an element-wise activation after it.</li>
 * </ol>
 * A layer joins only when it is the sole reader of the group's current output; a group's time, traffic and
 * overhead belong to the head, whose table in a compiled evaluator must then span the members' knobs.
 */
public final class FusedGroups {
    private final int[] headOf;

    private FusedGroups(int[] headOf) {
        this.headOf = headOf;
    }

    /** Every layer its own group. */
    public static FusedGroups none(int layers) {
        int[] head = new int[layers];
        for (int i = 0; i < layers; i++) {
            head[i] = i;
        }
        return new FusedGroups(head);
    }

    public static FusedGroups of(List<Node> layers, Fusion fusion) {
        FusedGroups groups = none(layers.size());
        if (fusion == Fusion.NONE) {
            return groups;
        }
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> readers = new HashMap<>();
        for (int i = 0; i < layers.size(); i++) {
            index.put(layers.get(i).name(), i);
            for (String in : layers.get(i).inputs()) {
                readers.merge(in, 1, Integer::sum);
            }
        }
        Map<String, Integer> soleReader = new HashMap<>();
        for (int i = 0; i < layers.size(); i++) {
            for (String in : layers.get(i).inputs()) {
                if (readers.get(in) == 1) {
                    soleReader.put(in, i);
                }
            }
        }
        for (int h = 0; h < layers.size(); h++) {
            OpKind kind = layers.get(h).op().kind();
            if (kind == OpKind.CONV2D || kind == OpKind.CONV_TRANSPOSE2D || kind == OpKind.LINEAR) {
                groups.grow(layers, index, soleReader, h);
            }
        }
        return groups;
    }

    private void grow(List<Node> layers, Map<String, Integer> index, Map<String, Integer> soleReader, int head) {
        int tail = head;
        int stage = 0; // 0: after the head, 1: after bn, 2: after an activation, 3: after the add, 4: done
        while (stage < 4) {
            Integer next = soleReader.get(layers.get(tail).name());
            if (next == null || headOf[next] != next) {
                return;
            }
            Node c = layers.get(next);
            OpKind kind = c.op().kind();
            int nextStage;
            if (kind == OpKind.BATCH_NORM && stage == 0) {
                nextStage = 1;
            } else if (kind == OpKind.ACTIVATION && (stage <= 1 || stage == 3)) {
                nextStage = stage == 3 ? 4 : 2;
            } else if (kind == OpKind.ADD && stage <= 2 && c.inputs().size() == 2
                    && joinsLast(c, tail, index)) {
                nextStage = 3;
            } else {
                return;
            }
            headOf[next] = head;
            tail = next;
            stage = nextStage;
        }
    }

    /** True when the add's other operand is a model input or produced before {@code tail}. */
    private static boolean joinsLast(Node add, int tail, Map<String, Integer> index) {
        for (String in : add.inputs()) {
            Integer producer = index.get(in);
            if (producer != null && producer > tail) {
                return false;
            }
        }
        return true;
    }

    /** The layer whose kernel runs layer i (i itself when it is not fused). */
    public int headOf(int i) {
        return headOf[i];
    }

    /** The layers fused into head h, in execution order (empty when h heads no group or is itself fused). */
    public List<Integer> members(int h) {
        List<Integer> members = new java.util.ArrayList<>();
        for (int i = h + 1; i < headOf.length; i++) {
            if (headOf[i] == h && h != i) {
                members.add(i);
            }
        }
        return members;
    }

    public boolean fused(int i) {
        return headOf[i] != i;
    }

    public int size() {
        return headOf.length;
    }
}
