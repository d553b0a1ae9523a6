package dev.ridgeline.core.count;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ridgeline.core.graph.Model;
import dev.ridgeline.core.graph.Node;
import dev.ridgeline.core.graph.Shape;
import dev.ridgeline.core.op.Activation;
import dev.ridgeline.core.op.ActivationKind;
import dev.ridgeline.core.op.Elementwise;
import dev.ridgeline.core.op.GroupNorm;
import dev.ridgeline.core.op.Pad;
import dev.ridgeline.core.op.Reduce;
import dev.ridgeline.core.op.Tile;
import dev.ridgeline.core.op.Upsample;
import dev.ridgeline.core.shape.ShapeInference;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The counting rules of the ops only ONNX files bring (docs/conventions.md, "Ops read from ONNX files"), on an
 * input of 1 x 8 x 4 x 4 (128 elements), worked by hand.
 */
class ImportedOpsCountingTest {
    static Model imported() {
        return Model.builder("imported").input("x", Shape.of(1, 8, 4, 4))
                .add(new Node("inorm", new GroupNorm(8, 8, true), List.of("x")))
                .add(new Node("gnorm", new GroupNorm(8, 2, true), List.of("inorm")))
                .add(new Node("elu", new Activation(ActivationKind.ELU, false), List.of("gnorm")))
                .add(new Node("erf", new Activation(ActivationKind.ERF, false), List.of("elu")))
                .add(new Node("prelu", Elementwise.withConstant(Elementwise.Function.PRELU, List.of(8, 1, 1)),
                        List.of("erf")))
                .add(new Node("sum", new Reduce(Reduce.Function.SUM, List.of(2, 3), true), List.of("prelu")))
                .add(new Node("tile", new Tile(List.of(1, 1, 2, 2)), List.of("sum")))
                .add(new Node("cubic", Upsample.scale(Upsample.Mode.BICUBIC, 2), List.of("prelu")))
                .add(new Node("token", new Pad(List.of(0, 1, 0, 0, 0, 0, 0, 0), "constant", 16), List.of("x")))
                .build();
    }

    private static long flops(Convention c, String layer) {
        CostReport r = Counter.count(ShapeInference.infer(imported(), 1), c, 4);
        LayerCost l = r.layers().stream().filter(x -> x.node().name().equals(layer)).findFirst().orElseThrow();
        return l.countedByConvention() ? l.cost().flops() : Convention.NOT_COUNTED;
    }

    @Test
    void normalizationsCountAsEachToolsNormHandler() {
        assertEquals(5 * 128, flops(Convention.FVCORE, "inorm"));
        assertEquals(5 * 128, flops(Convention.FVCORE, "gnorm"));
        assertEquals(2 * 128, flops(Convention.PTFLOPS, "gnorm"));
        assertEquals(4 * 128, flops(Convention.THOP, "inorm"));
        assertEquals(Convention.NOT_COUNTED, flops(Convention.THOP, "gnorm"));
        assertEquals(16, flops(Convention.TORCHINFO, "gnorm"), "16 parameters x batch 1");
        assertEquals(Convention.NOT_COUNTED, flops(Convention.MACS, "inorm"));
        assertEquals(Convention.NOT_COUNTED, flops(Convention.ONNX_TOOL, "inorm"));
    }

    @Test
    void activationsAndPreluCountOnlyWherePtflopsHasAHook() {
        assertEquals(128, flops(Convention.PTFLOPS, "elu"));
        assertEquals(128, flops(Convention.PTFLOPS, "prelu"));
        assertEquals(Convention.NOT_COUNTED, flops(Convention.PTFLOPS, "erf"));
        assertEquals(Convention.NOT_COUNTED, flops(Convention.ONNX_TOOL, "elu"));
        assertEquals(Convention.NOT_COUNTED, flops(Convention.FVCORE, "prelu"));
    }

    @Test
    void reductionsAreCountedByNoToolTilesAndPadsAreCopies() {
        for (Convention c : Convention.values()) {
            assertEquals(Convention.NOT_COUNTED, flops(c, "sum"), c.id());
            assertEquals(0, flops(c, "tile"), c.id());
            assertEquals(0, flops(c, "token"), c.id());
        }
        assertEquals(8 * 8 * 8, flops(Convention.PTFLOPS, "cubic"), "ptflops counts one sample's outputs");
        assertEquals(Convention.NOT_COUNTED, flops(Convention.FVCORE, "cubic"));
    }

    @Test
    void parametersAreTheAffineChannelsTheSlopeAndALearnedBorder() {
        CostReport r = Counter.count(ShapeInference.infer(imported(), 1), Convention.MACS, 4);
        assertEquals(16 + 16 + 8 + 16, r.totals().params());
        assertEquals(0, r.totals().macs());
        assertEquals(Shape.of(1, 8, 2, 2), r.layers().get(6).outputShape());
        assertEquals(Shape.of(1, 9, 4, 4), r.layers().get(8).outputShape());
    }
}
