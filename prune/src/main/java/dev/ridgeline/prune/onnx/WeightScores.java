package dev.ridgeline.prune.onnx;

import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import dev.ridgeline.core.BadInputException;
import dev.ridgeline.core.graph.Model;
import dev.ridgeline.core.graph.Node;
import dev.ridgeline.core.op.Conv2d;
import dev.ridgeline.core.op.Linear;
import dev.ridgeline.prune.ChannelScores;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Channel scores from an ONNX model's weights: the L1 norm of each output channel's filter (a conv's
 * Cin/g x Kh x Kw slice, a linear layer's row), normalised per layer (Li et al. 2017, "Pruning Filters for
 * Efficient ConvNets"). Depthwise convs score the channels they pass through, so a group sums them with
 * the convs that write it (DepGraph's aggregation over coupled layers).
 */
public final class WeightScores {
    private WeightScores() {
    }

    /** @param where where the plan asks for importance, for the error when the file has no weights */
    public static ChannelScores fromOnnx(Path file, Model model, String where) {
        return of(OnnxWeights.read(file), model).orElseThrow(() -> new BadInputException(where
                + ": field 'objective': importance needs weights, and " + file + " stores none (an export without "
                + "initializers, or with external data); give 'importance: scores.csv' or export with weights"));
    }

    /** The scores, or empty when the file stores no weights. */
    public static Optional<ChannelScores> tryOnnx(Path file, Model model) {
        return of(OnnxWeights.read(file), model);
    }

    static Optional<ChannelScores> of(OnnxWeights w, Model model) {
        if (!w.hasWeights()) {
            return Optional.empty();
        }
        Map<String, double[]> scores = new LinkedHashMap<>();
        for (Node n : model.nodes()) {
            NodeProto p = w.byIrName.get(n.name());
            if (p == null || p.getInputCount() < 2) {
                continue;
            }
            Optional<TensorProto> t = w.initializer(p.getInput(1));
            if (t.isEmpty()) {
                continue;
            }
            if (n.op() instanceof Conv2d c && p.getOpType().equals("Conv")) {
                scores.put(n.name(), ChannelScores.normalised(rowL1(OnnxWeights.floats(t.get()), c.outChannels())));
            } else if (n.op() instanceof Linear l && (p.getOpType().equals("Gemm") || p.getOpType().equals("MatMul"))) {
                boolean transB = p.getOpType().equals("Gemm") && p.getAttributeList().stream()
                        .anyMatch(a -> a.getName().equals("transB") && a.getI() != 0);
                float[] v = OnnxWeights.floats(t.get());
                scores.put(n.name(), ChannelScores.normalised(transB ? rowL1(v, l.outFeatures())
                        : columnL1(v, l.inFeatures(), l.outFeatures())));
            }
        }
        return Optional.of(new ChannelScores(scores, "weights: L1 norm per output channel, normalised per layer"));
    }

    /** L1 norms of the {@code rows} contiguous rows of a row-major tensor. */
    static double[] rowL1(float[] v, int rows) {
        int per = v.length / rows;
        double[] out = new double[rows];
        for (int r = 0; r < rows; r++) {
            double s = 0;
            for (int i = r * per; i < (r + 1) * per; i++) {
                s += Math.abs(v[i]);
            }
            out[r] = s;
        }
        return out;
    }

    private static double[] columnL1(float[] v, int rows, int cols) {
        double[] out = new double[cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out[c] += Math.abs(v[r * cols + c]);
            }
        }
        return out;
    }
}
