package dev.ridgeline.core.count;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.core.graph.Model;
import dev.ridgeline.core.graph.Node;
import dev.ridgeline.core.graph.Shape;
import dev.ridgeline.core.op.Activation;
import dev.ridgeline.core.op.ActivationKind;
import dev.ridgeline.core.op.Add;
import dev.ridgeline.core.op.BatchNorm;
import dev.ridgeline.core.op.Conv2d;
import dev.ridgeline.core.op.Flatten;
import dev.ridgeline.core.op.GlobalAvgPool;
import dev.ridgeline.core.op.Linear;
import dev.ridgeline.core.op.Pool2d;
import dev.ridgeline.core.op.Window;
import dev.ridgeline.core.shape.ShapeInference;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each convention's headline total on two small networks, against arithmetic done here by hand from the
 * rules in reference/counting-conventions.md.
 */
class ConventionTest {

    private static CostReport count(Model model, Convention convention) {
        return Counter.count(ShapeInference.infer(model, 1), convention, 4);
    }

    /**
     * input 1x3x28x28; conv 5x5 3->16 pad 2 + bias (out 12,544, MACs 940,800, params 1,216); BN(16) affine;
     * ReLU; max pool 2/2 (in 12,544, out 3,136); flatten; linear 3,136->10 + bias (MACs 31,360, params 31,370).
     */
    static Model cnn() {
        return Model.builder("cnn").input("input", Shape.of(1, 3, 28, 28))
                .add(new Node("conv", new Conv2d(3, 16, Window.square(5, 1, 2), 1, true), List.of("input")))
                .add(new Node("bn", new BatchNorm(16, true), List.of("conv")))
                .add(new Node("relu", Activation.relu(), List.of("bn")))
                .add(new Node("pool", Pool2d.max(2, 2, 0), List.of("relu")))
                .add(new Node("flatten", new Flatten(1), List.of("pool")))
                .add(new Node("fc", new Linear(3_136, 10, true), List.of("flatten")))
                .build();
    }

    /**
     * input 1x8x16x16; depthwise 3x3 + bias (out 2,048, MACs 18,432, params 80); BN(8) affine; ReLU6;
     * pointwise 8->16 + bias (out 4,096, MACs 32,768, params 144); a 1x1 8->16 shortcut without bias from the
     * input (MACs 32,768, params 128); add; global average pool (in 4,096, out 16); flatten;
     * linear 16->4 + bias (MACs 64, params 68).
     */
    static Model depthwiseBlock() {
        return Model.builder("dw-block").input("input", Shape.of(1, 8, 16, 16))
                .add(new Node("dw", new Conv2d(8, 8, Window.square(3, 1, 1), 8, true), List.of("input")))
                .add(new Node("bn", new BatchNorm(8, true), List.of("dw")))
                .add(new Node("act", new Activation(ActivationKind.RELU6, false), List.of("bn")))
                .add(new Node("pw", new Conv2d(8, 16, Window.square(1, 1, 0), 1, true), List.of("act")))
                .add(new Node("shortcut", Conv2d.of(8, 16, 1, 1, 0), List.of("input")))
                .add(new Node("add", new Add(), List.of("pw", "shortcut")))
                .add(new Node("gap", new GlobalAvgPool(), List.of("add")))
                .add(new Node("flatten", new Flatten(1), List.of("gap")))
                .add(new Node("fc", new Linear(16, 4, true), List.of("flatten")))
                .build();
    }

    private static final long CNN_MACS = 940_800 + 31_360;
    private static final long BLOCK_MACS = 18_432 + 32_768 + 32_768 + 64;

    private static void assertTotal(Model model, Convention convention, long expectedFlops,
                                    Map<String, Integer> expectedNotCounted) {
        CostReport r = count(model, convention);
        assertEquals(expectedFlops, r.totals().flops(), convention.id() + " flops of " + model.name());
        assertEquals(expectedNotCounted, r.notCounted(), convention.id() + " not counted in " + model.name());
        assertEquals(convention, r.convention());
    }

    @Test
    void seedCountsMultiplicationsAndAdditionsOfConvAndLinearOnly() {
        long cnn = 2 * 940_800 /* conv, bias supplies the last addition */ + 2 * 31_360 /* fc with bias */;
        assertTotal(cnn(), Convention.SEED, cnn, Map.of("batchnorm", 1, "relu", 1, "maxpool", 1));
        long block = 2 * 18_432 /* dw + bias */ + 2 * 32_768 /* pw + bias */
                + (2 * 32_768 - 4_096) /* shortcut without bias: one addition fewer per output */
                + 2 * 64 /* fc + bias */;
        assertEquals(163_968, block);
        assertTotal(depthwiseBlock(), Convention.SEED, block,
                Map.of("batchnorm", 1, "relu6", 1, "add", 1, "global_avgpool", 1));
    }

    @Test
    void macsCountsMultiplyAccumulatesOfConvAndLinearOnly() {
        assertTotal(cnn(), Convention.MACS, 972_160, Map.of("batchnorm", 1, "relu", 1, "maxpool", 1));
        assertTotal(depthwiseBlock(), Convention.MACS, 84_032,
                Map.of("batchnorm", 1, "relu6", 1, "add", 1, "global_avgpool", 1));
    }

    @Test
    void fvcoreCountsBatchNormAndAdaptivePoolButSkipsReluAddAndMaxPool() {
        long cnn = 940_800 /* conv, bias ignored */ + 12_544 * 2 /* affine BN: 2 per element */ + 31_360 /* fc */;
        assertTotal(cnn(), Convention.FVCORE, cnn, Map.of("relu", 1, "maxpool", 1));
        long block = 18_432 + 2_048 * 2 /* BN */ + 32_768 + 32_768 + 4_096 /* global pool: 1 per input */ + 64;
        assertEquals(92_224, block);
        assertTotal(depthwiseBlock(), Convention.FVCORE, block, Map.of("relu6", 1, "add", 1));
    }

    @Test
    void ptflopsAddsConvBiasBatchNormReluPoolingAndLinearBiasPerOutput() {
        long cnn = 940_800 + 12_544 /* conv bias: N*Ho*Wo*Cout */
                + 12_544 * 2 /* affine BN */
                + 12_544 /* relu: 1 per element */
                + 12_544 /* max pool: 1 per input element */
                + 31_360 + 10 /* fc + bias per output element */;
        assertEquals(1_034_890, cnn);
        assertTotal(cnn(), Convention.PTFLOPS, cnn, Map.of());
        long block = 18_432 + 2_048 /* dw + bias */ + 2_048 * 2 /* BN */ + 2_048 /* relu6 */
                + 32_768 + 4_096 /* pw + bias */ + 32_768 /* shortcut */
                + 4_096 /* global pool: 1 per input element */ + 64 + 4 /* fc + bias */;
        assertEquals(100_420, block);
        assertTotal(depthwiseBlock(), Convention.PTFLOPS, block, Map.of("add", 1));
    }

    @Test
    void thopCountsBatchNormFourPerAffineElementAndAveragePoolsPerOutput() {
        long cnn = 940_800 + 2 * 12_544 * 2 /* BN: 2 per element, x2 affine */ + 31_360;
        assertEquals(1_022_336, cnn);
        assertTotal(cnn(), Convention.THOP, cnn, Map.of("relu", 1, "maxpool", 1));
        long gap = (16 * 16 + 1) * 16L; /* adaptive pool: (kernel area + 1) per output element */
        long block = 18_432 + 2 * 2_048 * 2 + 32_768 + 32_768 + gap + 64;
        assertEquals(96_336, block);
        assertTotal(depthwiseBlock(), Convention.THOP, block, Map.of("relu6", 1, "add", 1));
    }

    @Test
    void torchinfoMultAddsAreParamsTimesOutputPositionsOrBatch() {
        long cnn = 1_216L * 28 * 28 /* conv params x N*Ho*Wo */ + 32 /* BN 2C x N */ + 31_370 /* fc params x N */;
        assertEquals(984_746, cnn);
        assertTotal(cnn(), Convention.TORCHINFO, cnn, Map.of("relu", 1, "maxpool", 1));
        long block = 80L * 256 /* dw */ + 16 /* BN */ + 144L * 256 /* pw */ + 128L * 256 /* shortcut */ + 68 /* fc */;
        assertEquals(90_196, block);
        assertTotal(depthwiseBlock(), Convention.TORCHINFO, block,
                Map.of("relu6", 1, "add", 1, "global_avgpool", 1));
    }

    @Test
    void pytorchCountsTwoFlopsPerMacOfConvAndLinear() {
        assertTotal(cnn(), Convention.PYTORCH, 2 * 940_800 + 2 * 31_360,
                Map.of("batchnorm", 1, "relu", 1, "maxpool", 1));
        assertTotal(depthwiseBlock(), Convention.PYTORCH, 2 * BLOCK_MACS,
                Map.of("batchnorm", 1, "relu6", 1, "add", 1, "global_avgpool", 1));
    }

    @Test
    void onnxToolCountsEveryExportedNodeByItsCostTable() {
        long cnn = 940_800 + 12_544 /* conv + bias per output */
                + 31 * 12_544 /* BatchNormalization: add, sqrt, div, add, mul per element */
                + 12_544 /* Relu: one compare per element */
                + 3_136 * 4 /* MaxPool: kernel area per output element */
                + 31_360 + 10 /* Gemm + bias per output */;
        assertEquals(1_398_666, cnn);
        assertTotal(cnn(), Convention.ONNX_TOOL, cnn, Map.of());
        long block = 18_432 + 2_048 /* depthwise + bias */ + 31 * 2_048 /* BN */ + 2 * 2_048 /* Clip: two compares */
                + 32_768 + 4_096 /* pointwise + bias */ + 32_768 /* shortcut */ + 4_096 /* Add */
                + 4_096 + 4 * 16 /* GlobalAveragePool: every input, a division per output */ + 64 + 4 /* Gemm */;
        assertEquals(166_020, block);
        assertTotal(depthwiseBlock(), Convention.ONNX_TOOL, block, Map.of());
    }

    @Test
    void everyConventionIsCoveredByATestAbove() {
        // a new constant needs hand-computed totals in this class
        assertEquals(EnumSet.of(Convention.SEED, Convention.MACS, Convention.FVCORE, Convention.PTFLOPS,
                Convention.THOP, Convention.TORCHINFO, Convention.PYTORCH, Convention.ONNX_TOOL),
                EnumSet.allOf(Convention.class));
    }

    @Test
    void macsParamsAndBytesAreTheSameUnderEveryConvention() {
        for (Model model : List.of(cnn(), depthwiseBlock())) {
            Map<Convention, CostReport> reports = new EnumMap<>(Convention.class);
            for (Convention c : Convention.values()) {
                reports.put(c, count(model, c));
            }
            long macs = reports.get(Convention.MACS).totals().macs();
            assertEquals(model.name().equals("cnn") ? CNN_MACS : BLOCK_MACS, macs);
            for (Convention c : Convention.values()) {
                Cost t = reports.get(c).totals();
                assertEquals(macs, t.macs(), c.id());
                assertEquals(reports.get(Convention.MACS).totals().params(), t.params(), c.id());
                assertEquals(reports.get(Convention.MACS).totals().memoryTrafficBytes(), t.memoryTrafficBytes(), c.id());
                assertEquals(reports.get(Convention.MACS).peakActivationBytes(), reports.get(c).peakActivationBytes());
            }
        }
        assertEquals(1_216 + 32 + 31_370, count(cnn(), Convention.SEED).totals().params());
        assertEquals(80 + 16 + 144 + 128 + 68, count(depthwiseBlock(), Convention.SEED).totals().params());
    }

    @Test
    void ignoredLayersReadZeroFlopsAndAreFlaggedPerLayer() {
        CostReport r = count(cnn(), Convention.FVCORE);
        for (LayerCost layer : r.layers()) {
            String name = layer.node().name();
            boolean ignored = name.equals("relu") || name.equals("pool");
            assertEquals(!ignored, layer.countedByConvention(), name);
            if (ignored) {
                assertEquals(0, layer.cost().flops(), name);
            }
        }
        // views do no arithmetic under any convention: counted, at zero
        LayerCost flatten = r.layers().get(4);
        assertEquals("flatten", flatten.node().name());
        assertEquals(0, flatten.cost().flops());
        assertTrue(flatten.countedByConvention());
    }

    @Test
    void conventionsAreFoundByTheirIdsIgnoringCase() {
        assertEquals(Convention.FVCORE, Convention.byId("FVCore").orElseThrow());
        assertEquals(Convention.ONNX_TOOL, Convention.byId("onnx-tool").orElseThrow());
        assertTrue(Convention.byId("flops").isEmpty());
        assertEquals("seed, macs, fvcore, ptflops, thop, torchinfo, pytorch, onnx-tool", Convention.knownIds());
    }
}
