package dev.ridgeline.prune.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

/** Small ONNX graphs with known random weights, and the expected results of slicing them, for tests. */
final class OnnxGraphs {
    final Map<String, float[]> weights = new HashMap<>();
    final Map<String, long[]> dims = new HashMap<>();
    private final Random random;

    OnnxGraphs(long seed) {
        random = new Random(seed);
    }

    /** An initializer of random values, stored as float_data. */
    TensorProto init(String name, long... shape) {
        int n = (int) Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (random.nextGaussian() * (1 + (i % 5)));
        }
        weights.put(name, v);
        dims.put(name, shape);
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT_VALUE);
        Arrays.stream(shape).forEach(t::addDims);
        for (float f : v) {
            t.addFloatData(f);
        }
        return t.build();
    }

    static NodeProto node(String op, String name, List<String> in, String out, AttributeProto... attrs) {
        NodeProto.Builder b = NodeProto.newBuilder().setOpType(op).setName(name).addAllInput(in).addOutput(out);
        Arrays.stream(attrs).forEach(b::addAttribute);
        return b.build();
    }

    static AttributeProto ints(String name, long... v) {
        AttributeProto.Builder a = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
        Arrays.stream(v).forEach(a::addInts);
        return a.build();
    }

    static AttributeProto integer(String name, long v) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(v).build();
    }

    static ValueInfoProto value(String name, long... shape) {
        TensorShapeProto.Builder s = TensorShapeProto.newBuilder();
        Arrays.stream(shape).forEach(d -> s.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(d)));
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
                TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT_VALUE).setShape(s))).build();
    }

    static Path write(Path file, GraphProto g) throws IOException {
        ModelProto m = ModelProto.newBuilder().setIrVersion(8).setGraph(g)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(13)).build();
        Files.write(file, m.toByteArray());
        return file;
    }

    /** The L1 norm of each index of one axis of a weight (its other axes summed), normalised to sum 1. */
    double[] normalisedL1(String name, int axis) {
        float[] v = weights.get(name);
        long[] d = dims.get(name);
        double[] out = new double[(int) d[axis]];
        int[] idx = new int[d.length];
        for (int flat = 0; flat < v.length; flat++) {
            unflatten(flat, d, idx);
            out[idx[axis]] += Math.abs(v[flat]);
        }
        double sum = Arrays.stream(out).sum();
        return Arrays.stream(out).map(x -> x / sum).toArray();
    }

    private static void unflatten(int flat, long[] d, int[] idx) {
        int rest = flat;
        for (int a = d.length - 1; a >= 0; a--) {
            idx[a] = (int) (rest % d[a]);
            rest /= d[a];
        }
    }

    /** The width highest of the summed scores, ascending. */
    static int[] top(int width, double[]... layers) {
        double[] s = new double[layers[0].length];
        for (double[] l : layers) {
            for (int i = 0; i < s.length; i++) {
                s[i] += l[i];
            }
        }
        return IntStream.range(0, s.length).boxed().sorted((a, b) -> Double.compare(s[b], s[a])).limit(width)
                .mapToInt(Integer::intValue).sorted().toArray();
    }

    /** The original weight cut to the kept indices along the given axes (null: the whole axis). */
    float[] expected(String name, int[]... keepPerAxis) {
        long[] d = dims.get(name);
        float[] v = weights.get(name);
        List<Float> out = new ArrayList<>();
        int[] idx = new int[d.length];
        for (int flat = 0; flat < v.length; flat++) {
            unflatten(flat, d, idx);
            boolean keep = true;
            for (int a = 0; a < keepPerAxis.length; a++) {
                int i = idx[a];
                keep &= keepPerAxis[a] == null || Arrays.stream(keepPerAxis[a]).anyMatch(k -> k == i);
            }
            if (keep) {
                out.add(v[flat]);
            }
        }
        float[] r = new float[out.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = out.get(i);
        }
        return r;
    }
}
