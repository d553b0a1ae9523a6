package dev.ridgeline.core.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.core.BadInputException;
import dev.ridgeline.core.op.Activation;
import dev.ridgeline.core.op.Add;
import dev.ridgeline.core.op.Concat;
import dev.ridgeline.core.op.Conv2d;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The builder's validation: every rejection names what is wrong. */
class ModelBuilderTest {

    private static Model.Builder withInput() {
        return Model.builder("m").input("input", Shape.of(1, 3, 8, 8));
    }

    private static String failure(Model.Builder builder) {
        return assertThrows(BadInputException.class, builder::build).getMessage();
    }

    @Test
    void aCycleIsReportedWithTheNamesOfItsNodesInOrder() {
        String m = failure(withInput()
                .add(new Node("stem", Conv2d.of(3, 8, 3, 1, 1), List.of("input")))
                .add(new Node("a", new Add(), List.of("stem", "c")))
                .add(new Node("b", Activation.relu(), List.of("a")))
                .add(new Node("c", Activation.relu(), List.of("b")))
                .add(new Node("after", Activation.relu(), List.of("c"))));
        assertTrue(m.startsWith("the layers form a cycle: "), m);
        String cycle = m.substring("the layers form a cycle: ".length());
        List<String> names = List.of(cycle.split(" -> "));
        assertEquals(4, names.size(), cycle);
        assertEquals(names.get(0), names.get(3), "the cycle closes on its first node: " + cycle);
        assertEquals(java.util.Set.of("a", "b", "c"), java.util.Set.copyOf(names));
        // each name reads the one before it: a -> b -> c -> a in some rotation
        String joined = cycle + " -> " + String.join(" -> ", names.subList(1, 4));
        assertTrue(joined.contains("a -> b -> c"), cycle);
        assertTrue(!m.contains("stem") && !m.contains("after"), "nodes outside the cycle are not listed: " + m);
    }

    @Test
    void aNodeReadingItselfIsACycleOfOne() {
        String m = failure(withInput()
                .add(new Node("stem", Conv2d.of(3, 8, 3, 1, 1), List.of("input")))
                .add(new Node("loop", new Add(), List.of("stem", "loop"))));
        assertEquals("the layers form a cycle: loop -> loop", m);
    }

    @Test
    void anUnknownInputNameIsNamedWithTheKnownNames() {
        String m = failure(withInput()
                .add(new Node("conv", Conv2d.of(3, 8, 3, 1, 1), List.of("imput"))));
        assertTrue(m.contains("node 'conv' (conv2d) reads unknown input 'imput'"), m);
        assertTrue(m.contains("known names: [input, conv]"), m);
    }

    @Test
    void aWrongInputCountNamesTheArityAndTheInputsGiven() {
        String m = failure(withInput()
                .add(new Node("sum", new Add(), List.of("input"))));
        assertTrue(m.contains("node 'sum' (add) takes exactly two inputs, got 1: [input]"), m);
        String m2 = failure(withInput()
                .add(new Node("relu", Activation.relu(), List.of("input", "input"))));
        assertTrue(m2.contains("node 'relu' (relu) takes exactly one input, got 2"), m2);
        String m3 = failure(withInput().add(new Node("cat", new Concat(1), List.of())));
        assertTrue(m3.contains("node 'cat' (concat) takes one or more inputs, got 0"), m3);
    }

    @Test
    void aDuplicateNodeNameIsNamed() {
        String m = failure(withInput()
                .add(new Node("conv", Conv2d.of(3, 8, 3, 1, 1), List.of("input")))
                .add(new Node("conv", Conv2d.of(8, 8, 3, 1, 1), List.of("conv"))));
        assertTrue(m.contains("node name 'conv' is used twice"), m);
    }

    @Test
    void aNodeNamedLikeAModelInputIsRejected() {
        String m = failure(withInput().add(new Node("input", Activation.relu(), List.of("input"))));
        assertTrue(m.contains("node 'input' (relu) has the same name as a model input"), m);
    }

    @Test
    void nodesAddedOutOfOrderAreSortedTopologicallyKeepingTheGivenOrderAmongReadyNodes() {
        Model m = withInput()
                .add(new Node("head", Activation.relu(), List.of("sum")))
                .add(new Node("left", Conv2d.of(3, 8, 1, 1, 0), List.of("input")))
                .add(new Node("sum", new Add(), List.of("left", "right")))
                .add(new Node("right", Conv2d.of(3, 8, 1, 1, 0), List.of("input")))
                .build();
        assertEquals(List.of("left", "right", "sum", "head"), m.nodes().stream().map(Node::name).toList());
        assertEquals(List.of("head"), m.outputs());
        assertEquals(2, m.indexOf("sum"));
    }
}
