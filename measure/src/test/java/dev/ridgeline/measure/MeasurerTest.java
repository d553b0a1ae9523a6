package dev.ridgeline.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.core.BadInputException;
import dev.ridgeline.core.graph.Model;
import dev.ridgeline.core.graph.Node;
import dev.ridgeline.core.graph.Shape;
import dev.ridgeline.core.op.Activation;
import dev.ridgeline.core.op.ConvTranspose2d;
import dev.ridgeline.core.op.Elementwise;
import dev.ridgeline.core.op.Pad;
import dev.ridgeline.core.op.Padding;
import dev.ridgeline.core.op.ReduceMean;
import dev.ridgeline.core.op.Reshape;
import dev.ridgeline.core.op.Slice;
import dev.ridgeline.core.op.Squeeze;
import dev.ridgeline.core.op.Unsqueeze;
import dev.ridgeline.core.op.Upsample;
import dev.ridgeline.core.op.Window;
import dev.ridgeline.core.op.ActivationKind;
import dev.ridgeline.core.op.ChannelShuffle;
import dev.ridgeline.core.op.Concat;
import dev.ridgeline.core.op.LayerNorm;
import dev.ridgeline.core.op.Scale;
import dev.ridgeline.core.op.Split;
import dev.ridgeline.core.op.StochasticDepth;
import dev.ridgeline.core.op.Transpose;
import dev.ridgeline.core.op.BatchNorm;
import dev.ridgeline.core.op.Conv2d;
import dev.ridgeline.core.op.Flatten;
import dev.ridgeline.core.op.GlobalAvgPool;
import dev.ridgeline.core.op.Linear;
import dev.ridgeline.hardware.device.Precision;
import dev.ridgeline.measure.runtime.NodeTime;
import dev.ridgeline.measure.runtime.RunOptions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A tiny net run in ONNX Runtime: timings, spread, environment and a profile named by Ridgeline's layers. */
class MeasurerTest {
    static Model tiny() {
        return Model.builder("tiny").input("input", Shape.of(1, 3, 32, 32))
                .add(new Node("conv1", Conv2d.of(3, 16, 3, 1, 1), List.of("input")))
                .add(new Node("bn1", new BatchNorm(16, true), List.of("conv1")))
                .add(new Node("relu1", Activation.relu(), List.of("bn1")))
                .add(new Node("conv2", Conv2d.of(16, 32, 3, 2, 1), List.of("relu1")))
                .add(new Node("relu2", Activation.relu(), List.of("conv2")))
                .add(new Node("pool", new GlobalAvgPool(), List.of("relu2")))
                .add(new Node("flatten", new Flatten(1), List.of("pool")))
                .add(new Node("fc", new dev.ridgeline.core.op.Linear(32, 10, true), List.of("flatten")))
                .build();
    }

    @Test
    void aTinyNetRunsWithItsSpreadEnvironmentAndAProfileNamedByItsLayers() {
        RunOptions options = new RunOptions(1, 2, 7, "all", true);
        Measurement m = Measurer.measure("tiny", tiny(), 2, options);
        assertEquals(7, m.spread().runs());
        assertTrue(m.spread().medianSeconds() > 0 && m.spread().minSeconds() <= m.spread().medianSeconds()
                && m.spread().medianSeconds() <= m.spread().maxSeconds());
        assertEquals(1, m.environment().threads());
        assertFalse(m.environment().runtimeVersion().isBlank());
        assertEquals("all", m.environment().optLevel());
        assertFalse(m.environment().cpuModel().isBlank());
        Set<String> kernels = m.profile().stream().map(NodeTime::kernel).collect(Collectors.toSet());
        assertTrue(kernels.containsAll(Set.of("conv1", "conv2", "fc")), "profiled kernels: " + m.profile());
        Set<String> layers = m.profile().stream().map(NodeTime::layer).collect(Collectors.toSet());
        assertTrue(Set.of("conv1", "bn1", "relu1").stream().anyMatch(layers::contains), "" + m.profile());
        assertTrue(m.profile().stream().filter(t -> t.layer().isEmpty()).allMatch(t -> t.opType().startsWith("Reorder")),
                "only ORT's layout conversions name no layer: " + m.profile());
        Map<String, Double> byLayer = m.secondsByLayer();
        assertTrue(byLayer.values().stream().allMatch(s -> s > 0));
    }

    /** Every op the writer writes as something other than one ONNX node of the same op, in one small net. */
    static Model newerOps() {
        List<Integer> halves = List.of(8, 8);
        return Model.builder("newer_ops").input("input", Shape.of(1, 3, 16, 16))
                .add(new Node("stem", Conv2d.of(3, 16, 3, 1, 1), List.of("input")))
                .add(new Node("norm", new LayerNorm(16, LayerNorm.Axis.CHANNELS, true), List.of("stem")))
                .add(new Node("silu", new Activation(ActivationKind.SILU, false), List.of("norm")))
                .add(new Node("split.0", new Split(1, halves, 0), List.of("silu")))
                .add(new Node("split.1", new Split(1, halves, 1), List.of("silu")))
                .add(new Node("permute", new Transpose(List.of(0, 2, 3, 1)), List.of("split.1")))
                .add(new Node("ln", new LayerNorm(8, LayerNorm.Axis.LAST, true), List.of("permute")))
                .add(new Node("mlp", new Linear(8, 8, true), List.of("ln")))
                .add(new Node("gelu", new Activation(ActivationKind.GELU, false), List.of("mlp")))
                .add(new Node("back", new Transpose(List.of(0, 3, 1, 2)), List.of("gelu")))
                .add(new Node("layer_scale", new Scale(8), List.of("back")))
                .add(new Node("sd", new StochasticDepth(0.1, StochasticDepth.Mode.ROW), List.of("layer_scale")))
                .add(new Node("cat", new Concat(1), List.of("split.0", "sd")))
                .add(new Node("shuffle", new ChannelShuffle(2), List.of("cat")))
                .build();
    }

    @Test
    void theNewerOpsRunInOnnxRuntimeAndTheirInnerNodesAreNamedByTheirLayer() {
        Measurement m = Measurer.measure("newer_ops", newerOps(), 1, new RunOptions(1, 1, 3, "all", true));
        assertEquals(3, m.spread().runs());
        Set<String> layers = m.profile().stream().map(NodeTime::layer).collect(Collectors.toSet());
        assertTrue(layers.containsAll(Set.of("stem", "mlp")), "" + m.profile());
        assertTrue(m.profile().stream().allMatch(t -> t.layer().isEmpty() || newerOps().node(t.layer()).isPresent()),
                "" + m.profile());
    }

    /** The layout, resize and element-wise ops, written with their shapes and axes as INT64 inputs. */
    static Model layoutOps() {
        Window twoByTwo = new Window(2, 2, 2, 2, 1, 1, Padding.of(0, 0, 0, 0));
        return Model.builder("layout_ops").input("input", Shape.of(1, 8, 8, 8))
                .add(new Node("up", new ConvTranspose2d(8, 4, twoByTwo, 0, 0, 1, true), List.of("input")))
                .add(new Node("near", Upsample.scale(Upsample.Mode.NEAREST, 2), List.of("input")))
                .add(new Node("bilinear", new Upsample(Upsample.Mode.BILINEAR, 0, 0, 16, 16), List.of("input")))
                .add(new Node("sub", Elementwise.of(Elementwise.Function.SUB), List.of("near", "bilinear")))
                .add(new Node("div", Elementwise.withConstant(Elementwise.Function.DIV, List.of()), List.of("sub")))
                .add(new Node("crop", Slice.of(1, 0, 4), List.of("div")))
                .add(new Node("sum", new dev.ridgeline.core.op.Add(), List.of("up", "crop")))
                .add(new Node("pad", new Pad(List.of(0, 0, 1, 1, 0, 0, 1, 1), "reflect"), List.of("sum")))
                .add(new Node("mean", new ReduceMean(List.of(2, 3), false), List.of("pad")))
                .add(new Node("unsqueeze", new Unsqueeze(List.of(2)), List.of("mean")))
                .add(new Node("squeeze", new Squeeze(List.of(2)), List.of("unsqueeze")))
                .add(new Node("square", new Reshape(List.of(0, 2, 2)), List.of("squeeze")))
                .build();
    }

    @Test
    void theLayoutOpsRunInOnnxRuntime() {
        Measurement m = Measurer.measure("layout_ops", layoutOps(), 2, new RunOptions(1, 1, 3, "all", false));
        assertEquals(3, m.spread().runs());
        assertTrue(m.spread().medianSeconds() > 0);
    }

    @Test
    void onlyFp32CanBeMeasured() {
        Measurer.requireMeasurable(Precision.FP32);
        BadInputException e = assertThrows(BadInputException.class, () -> Measurer.requireMeasurable(Precision.FP16));
        assertTrue(e.getMessage().contains("--precision fp32"), e.getMessage());
    }

    @Test
    void aModelOrtCannotLoadIsBadInputSayingWhatToDo() {
        byte[] garbage = "not an onnx model".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        BadInputException e = assertThrows(BadInputException.class, () -> Measurer.measureFile("broken.onnx", garbage,
                tiny(), 1, RunOptions.defaults(1)));
        assertTrue(e.getMessage().startsWith("broken.onnx: ONNX Runtime cannot load it"), e.getMessage());
        assertTrue(e.getMessage().contains("give a valid ONNX model"), e.getMessage());
    }
}
