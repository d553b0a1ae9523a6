package dev.ridgeline.prune.onnx;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import dev.ridgeline.core.BadInputException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The weights of an ONNX graph as the pruner needs them: each node by the name Ridgeline's reader gives
 * it (its own name, else its first output), and float tensors stored as initializers, reached directly or
 * through Identity nodes.
 */
final class OnnxWeights {
    final ModelProto proto;
    final Map<String, TensorProto> initializers = new HashMap<>();
    final Map<String, String> alias = new HashMap<>();
    final Map<String, NodeProto> byIrName = new HashMap<>();

    private OnnxWeights(ModelProto proto) {
        this.proto = proto;
        GraphProto g = proto.getGraph();
        g.getInitializerList().forEach(t -> initializers.put(t.getName(), t));
        for (int i = 0; i < g.getNodeCount(); i++) {
            NodeProto n = g.getNode(i);
            String name = !n.getName().isEmpty() ? n.getName() : n.getOutputCount() > 0 ? n.getOutput(0)
                    : n.getOpType() + "_" + i;
            byIrName.putIfAbsent(name, n);
            if (n.getOpType().equals("Identity") && n.getInputCount() == 1) {
                alias.put(n.getOutput(0), n.getInput(0));
            }
        }
    }

    static OnnxWeights read(Path file) {
        try {
            return new OnnxWeights(ModelProto.parseFrom(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read the ONNX file: " + e.getMessage());
        }
    }

    /** The initializer a node input names, through Identity aliases. */
    Optional<TensorProto> initializer(String input) {
        return Optional.ofNullable(initializers.get(initializerName(input)));
    }

    /** The name of the initializer a node input resolves to (after aliases). */
    String initializerName(String input) {
        String name = input;
        for (int hops = 0; hops < 8 && !initializers.containsKey(name) && alias.containsKey(name); hops++) {
            name = alias.get(name);
        }
        return name;
    }

    /** Whether the file stores any weight values (not only shapes, or external data). */
    boolean hasWeights() {
        return initializers.values().stream().anyMatch(t -> t.getDataType() == TensorProto.DataType.FLOAT_VALUE
                && (t.getFloatDataCount() > 0 || !t.getRawData().isEmpty()));
    }

    /** A float tensor's values in row-major order. */
    static float[] floats(TensorProto t) {
        if (t.getDataType() != TensorProto.DataType.FLOAT_VALUE) {
            throw new BadInputException("initializer '" + t.getName() + "' holds "
                    + TensorProto.DataType.forNumber(t.getDataType()) + "; pruning reads float32 weights");
        }
        long n = 1;
        for (long d : t.getDimsList()) {
            if (d < 0 || n * (double) d > Integer.MAX_VALUE) {
                throw new BadInputException("initializer '" + t.getName() + "' has dims " + t.getDimsList()
                        + "; pruning reads tensors of 0 to " + Integer.MAX_VALUE + " values");
            }
            n *= d;
        }
        float[] v = new float[(int) n];
        if (t.getFloatDataCount() > 0) {
            checkCount(t, t.getFloatDataCount() == n, "float_data holds " + t.getFloatDataCount() + " values", n);
            for (int i = 0; i < v.length; i++) {
                v[i] = t.getFloatData(i);
            }
        } else if (!t.getRawData().isEmpty()) {
            checkCount(t, t.getRawData().size() == n * 4, "raw_data holds " + t.getRawData().size() + " bytes", n);
            ByteBuffer b = t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
            b.asFloatBuffer().get(v);
        } else {
            throw new BadInputException("initializer '" + t.getName() + "' has no values (external data is not read)");
        }
        return v;
    }

    private static void checkCount(TensorProto t, boolean ok, String found, long values) {
        if (!ok) {
            throw new BadInputException("initializer '" + t.getName() + "': " + found + ", and its dims "
                    + t.getDimsList() + " need " + values + " float32 values");
        }
    }

    /** A float tensor with these dims and values, raw little-endian as exporters write them. */
    static TensorProto tensor(TensorProto like, List<Long> dims, float[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(values);
        return like.toBuilder().clearDims().addAllDims(dims).clearFloatData()
                .setRawData(shade.com.google.protobuf.ByteString.copyFrom(b.array())).build();
    }
}
