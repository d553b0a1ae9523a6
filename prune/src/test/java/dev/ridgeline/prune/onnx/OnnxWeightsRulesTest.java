package dev.ridgeline.prune.onnx;

import static dev.ridgeline.prune.onnx.OnnxGraphs.node;
import static dev.ridgeline.prune.onnx.OnnxGraphs.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import dev.ridgeline.core.BadInputException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the pruner finds weights in an ONNX graph: nodes by the name Ridgeline's reader gives them (their own,
 * else their first output), initializers directly or through Identity nodes, and float tensors whose dims it
 * can hold.
 */
class OnnxWeightsRulesTest {
    @TempDir
    Path dir;

    private static TensorProto floats(String name, long... dims) {
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT_VALUE);
        long n = 1;
        for (long d : dims) {
            t.addDims(d);
            n *= d;
        }
        for (int i = 0; i < n; i++) {
            t.addFloatData(i);
        }
        return t.build();
    }

    @Test
    void nodesAreNamedByTheirNameElseTheirFirstOutputElseTheirTypeAndIndex() throws Exception {
        GraphProto g = GraphProto.newBuilder().setName("names")
                .addInput(value("x", 1, 2)).addOutput(value("y", 1, 2))
                .addInitializer(floats("w", 2, 2))
                .addNode(node("Identity", "w_alias", List.of("w"), "w1"))
                .addNode(NodeProto.newBuilder().setOpType("Identity").addInput("w1").addOutput("w2").build())
                .addNode(node("Gemm", "fc", List.of("x", "w2"), "y"))
                .addNode(NodeProto.newBuilder().setOpType("Sum").addInput("x").addInput("x").addOutput("s").build())
                .addNode(NodeProto.newBuilder().setOpType("NoOp").build())
                .build();
        OnnxWeights w = OnnxWeights.read(OnnxGraphs.write(dir.resolve("names.onnx"), g));
        assertEquals("w_alias", w.byIrName.get("w_alias").getName());
        assertEquals("Identity", w.byIrName.get("w2").getOpType());
        assertEquals("Sum", w.byIrName.get("s").getOpType());
        assertEquals("NoOp", w.byIrName.get("NoOp_4").getOpType());
        assertEquals(5, w.byIrName.size());
        // the Gemm's weight is reached through two Identity nodes; a two-input node is no alias
        assertEquals("w", w.initializerName("w2"));
        assertSame(w.initializers.get("w"), w.initializer("w2").orElseThrow());
        assertEquals("x", w.initializerName("x"));
        assertEquals(Optional.empty(), w.initializer("s"));
        assertFalse(w.alias.containsKey("s"));
        assertTrue(w.hasWeights());
    }

    @Test
    void onlyFloatValuesCountAsWeights() throws Exception {
        TensorProto shapes = TensorProto.newBuilder().setName("w").setDataType(TensorProto.DataType.FLOAT_VALUE)
                .addDims(2).addDims(2).build();
        TensorProto ints = TensorProto.newBuilder().setName("shape").setDataType(TensorProto.DataType.INT64_VALUE)
                .addDims(2).addInt64Data(1).addInt64Data(2).build();
        GraphProto g = GraphProto.newBuilder().setName("bare").addInput(value("x", 1, 2)).addOutput(value("y", 1, 2))
                .addInitializer(shapes).addInitializer(ints)
                .addNode(node("Gemm", "fc", List.of("x", "w"), "y")).build();
        assertFalse(OnnxWeights.read(OnnxGraphs.write(dir.resolve("bare.onnx"), g)).hasWeights());
        TensorProto raw = OnnxWeights.tensor(shapes, List.of(2L, 2L), new float[] {1, 2, 3, 4});
        GraphProto withRaw = g.toBuilder().setInitializer(0, raw).build();
        assertTrue(OnnxWeights.read(OnnxGraphs.write(dir.resolve("raw.onnx"), withRaw)).hasWeights());
    }

    @Test
    void dimsOutsideWhatAnArrayHoldsAreNamed() {
        TensorProto negative = floats("w", 2).toBuilder().clearDims().addDims(-1).addDims(3).build();
        assertEquals("initializer 'w' has dims [-1, 3]; pruning reads tensors of 0 to 2147483647 values",
                assertThrows(BadInputException.class, () -> OnnxWeights.floats(negative)).getMessage());
        TensorProto huge = floats("w", 1).toBuilder().clearDims().addDims(1L << 16).addDims(1L << 16).build();
        assertEquals("initializer 'w' has dims [65536, 65536]; pruning reads tensors of 0 to 2147483647 values",
                assertThrows(BadInputException.class, () -> OnnxWeights.floats(huge)).getMessage());
        // a dim of 0 is a tensor of no values, which is read as such, not refused for its dims
        TensorProto empty = TensorProto.newBuilder().setName("w").setDataType(TensorProto.DataType.FLOAT_VALUE)
                .addDims(0).addDims(3).build();
        assertEquals("initializer 'w' has no values (external data is not read)",
                assertThrows(BadInputException.class, () -> OnnxWeights.floats(empty)).getMessage());
    }
}
