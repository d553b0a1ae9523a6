package dev.ridgeline.core.io.onnx;

import static dev.ridgeline.core.io.onnx.OnnxGraphs.attr;
import static dev.ridgeline.core.io.onnx.OnnxGraphs.count;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ridgeline.core.count.CostReport;
import dev.ridgeline.core.graph.Model;
import dev.ridgeline.core.graph.Node;
import dev.ridgeline.core.graph.Shape;
import dev.ridgeline.core.op.Pad;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Graph patterns other converters than torch.onnx write, in small graphs shaped like the models they came from:
 * Barracuda's BlazeFace (a channel pad as a Concat with ConstantOfShape zeros) and tf2onnx's M-LSD (a Split of
 * a constant, a Reshape target chosen by Equal and Where). Each reads exactly: the same layers, params and MACs
 * as worked out by hand below.
 */
class ConverterPatternsTest {
    /**
     * A BlazeFace block as Barracuda exports it: the skip path gains 4 zero channels by a Concat with
     * ConstantOfShape, whose shape is computed from the input's (Shape, Slice, Concat).
     */
    static OnnxGraphs blazeBlock() {
        return OnnxGraphs.graph().input("x", 1, 3, 128, 128)
                .weight("w0", 24, 3, 5, 5).weight("b0", 24)
                .op("Conv", "conv0", List.of("x", "w0", "b0"), attr("strides", 2, 2), attr("pads", 1, 1, 2, 2))
                .op("Relu", "relu0", List.of("conv0"))
                .weight("wd", 24, 1, 3, 3).weight("bd", 24)
                .op("Conv", "dw", List.of("relu0", "wd", "bd"), attr("group", 24), attr("pads", 1, 1, 1, 1))
                .weight("wp", 28, 24, 1, 1).weight("bp", 28)
                .op("Conv", "pw", List.of("dw", "wp", "bp"))
                .node("Shape", "shape", List.of("relu0"), List.of("s"))
                .int64s("s0", 0).int64s("s1", 1).int64s("s2", 2).int64s("s4", 4).int64s("extra", 4)
                .node("Slice", "n", List.of("s", "s0", "s1"), List.of("n"))
                .node("Slice", "hw", List.of("s", "s2", "s4"), List.of("hw"))
                .node("Concat", "pad_shape", List.of("n", "extra", "hw"), List.of("pad_shape"), attr("axis", 0))
                .node("ConstantOfShape", "zeros", List.of("pad_shape"), List.of("zeros"))
                .op("Concat", "skip", List.of("relu0", "zeros"), attr("axis", 1))
                .op("Add", "add", List.of("pw", "skip"))
                .op("Relu", "relu1", List.of("add")).output("relu1");
    }

    @Test
    void barracudasChannelPadIsAPadNotAConcatOfParameters() {
        Model m = blazeBlock().read();
        assertEquals(List.of("conv0", "relu0", "dw", "pw", "skip", "add", "relu1"),
                m.nodes().stream().map(Node::name).toList());
        assertEquals(new Pad(List.of(0, 0, 0, 0, 0, 4, 0, 0), "constant"), m.node("skip").orElseThrow().op());
        CostReport r = count(m, 1);
        long positions = 64 * 64;
        assertEquals(24 * 3 * 25 + 24 + 24 * 9 + 24 + 28 * 24 + 28, r.totals().params(), "conv weights and biases only");
        assertEquals(positions * (24 * 75 + 24 * 9 + 28 * 24), r.totals().macs());
        assertEquals(Shape.of(1, 28, 64, 64), r.layers().get(6).outputShape());
        assertEquals(Shape.of(2, 28, 64, 64), count(m, 2).layers().get(6).outputShape(), "the pad follows the batch");
    }

    /**
     * M-LSD's tail as tf2onnx writes it: a Reshape whose 0 (copy) is resolved by Where(Equal(t, 0), Shape, t),
     * and Resize sizes assembled from a Split of one constant.
     */
    static OnnxGraphs mlsdTail() {
        return OnnxGraphs.graph().input("x", 1, 3, 64, 64)
                .weight("w1", 16, 3, 3, 3).weight("b1", 16)
                .op("Conv", "conv1", List.of("x", "w1", "b1"), attr("strides", 2, 2), attr("pads", 1, 1, 1, 1))
                .int64s("t", 0, 16, -1).int64s("zero", 0)
                .node("Equal", "is_copy", List.of("t", "zero"), List.of("mask"))
                .node("Shape", "shape", List.of("conv1"), List.of("s"))
                .int64s("from", 0).int64s("to", 3)
                .node("Slice", "s3", List.of("s", "from", "to"), List.of("s3"))
                .node("Where", "target", List.of("mask", "s3", "t"), List.of("target"))
                .op("Reshape", "rows", List.of("conv1", "target"))
                .int64s("back", 1, 16, 32, 32)
                .op("Reshape", "map", List.of("rows", "back"))
                .int64s("all_sizes", 1, 16, 64, 64).int64s("halves", 2, 2)
                .node("Split", "split", List.of("all_sizes", "halves"), List.of("nc", "hw"), attr("axis", 0))
                .node("Concat", "sizes", List.of("nc", "hw"), List.of("sizes"), attr("axis", 0))
                .op("Resize", "up", List.of("map", "", "", "sizes"), attr("mode", "nearest"))
                .weight("w2", 2, 16, 1, 1).weight("b2", 2)
                .op("Conv", "head", List.of("up", "w2", "b2")).output("head");
    }

    @Test
    void tf2onnxsSplitOfAConstantAndEqualInAShapeSubgraphFold() {
        Model m = mlsdTail().read();
        assertEquals(List.of("conv1", "rows", "map", "up", "head"), m.nodes().stream().map(Node::name).toList());
        CostReport r = count(m, 1);
        assertEquals(16 * 27 + 16 + 2 * 16 + 2, r.totals().params());
        assertEquals(32 * 32 * 16 * 27 + 64 * 64 * 2 * 16, r.totals().macs());
        assertEquals(Shape.of(1, 16, 1024), r.layers().get(1).outputShape());
        assertEquals(Shape.of(1, 2, 64, 64), r.layers().get(4).outputShape());
    }
}
