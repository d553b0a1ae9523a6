package dev.ridgeline.core.io.onnx;

import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import dev.ridgeline.core.BadInputException;
import dev.ridgeline.core.graph.Shape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The shapes of an ONNX graph's inputs. A dynamic batch (a named or missing dimension) reads as 1; the
 * first input's other dimensions come from the sample shape when one is given, and must all be known
 * when none is; every other input must be static but for its batch.
 *
 * @param batch  the batch the graph is read at
 * @param shapes each input's shape, batch first, in the file's order
 */
record Inputs(int batch, Map<String, Shape> shapes) {
    static Inputs resolve(String source, List<ValueInfoProto> inputs, Optional<Shape> sample) {
        Map<String, Shape> shapes = new LinkedHashMap<>();
        List<Long> first = dims(inputs.get(0));
        int batch = first != null && !first.isEmpty() && first.get(0) != null ? Math.toIntExact(first.get(0)) : 1;
        for (int k = 0; k < inputs.size(); k++) {
            ValueInfoProto in = inputs.get(k);
            List<Long> dims = dims(in);
            if (k == 0 && sample.isPresent()) {
                shapes.put(in.getName(), withSample(source, in, dims, sample.get(), batch));
                continue;
            }
            BadInputException.check(dims != null, "%s: input '%s' declares no shape; pass one sample's shape with "
                    + "--input, channels first, such as --input 3x224x224 (in a job file: input: 3x224x224)", source,
                    in.getName());
            boolean dynamic = dims.subList(Math.min(1, dims.size()), dims.size()).contains(null);
            if (dynamic) {
                String hint = k == 0 ? "pass one sample's shape with --input CxHxW, such as --input 3x224x224 "
                        + "(in a job file: input: 3x224x224)"
                        : "only the first input takes a sample shape (--input); export the others with fixed sizes";
                throw new BadInputException(String.format("%s: input '%s' has dynamic dimensions (%s); %s", source,
                        in.getName(), describe(in), hint));
            }
            int[] d = new int[dims.size()];
            for (int i = 0; i < d.length; i++) {
                d[i] = i == 0 && dims.get(0) == null ? batch : Math.toIntExact(dims.get(i));
            }
            BadInputException.check(d.length >= 1, "%s: input '%s' is a scalar; Ridgeline needs a batch first",
                    source, in.getName());
            shapes.put(in.getName(), Shape.of(d));
        }
        return new Inputs(batch, shapes);
    }

    private static Shape withSample(String source, ValueInfoProto in, List<Long> dims, Shape sample, int batch) {
        if (dims != null) {
            BadInputException.check(dims.size() == sample.rank() + 1, "%s: --input %s has %d dimensions, but input "
                    + "'%s' takes samples of %d (%s)", source, sample, sample.rank(), in.getName(), dims.size() - 1,
                    describe(in));
            BadInputException.check(dims.size() < 2 || dims.get(1) == null || dims.get(1) == sample.dim(0),
                    "%s: --input %s has %d channels, but input '%s' has %d (%s)", source, sample, sample.dim(0),
                    in.getName(), dims.size() < 2 ? 0 : dims.get(1), describe(in));
        }
        int[] d = new int[sample.rank() + 1];
        d[0] = batch;
        for (int i = 0; i < sample.rank(); i++) {
            d[i + 1] = sample.dim(i);
        }
        return Shape.of(d);
    }

    /** The declared dimensions, null where dynamic; null when no shape is declared at all. */
    private static List<Long> dims(ValueInfoProto in) {
        if (!in.getType().hasTensorType() || !in.getType().getTensorType().hasShape()) {
            return null;
        }
        List<Long> out = new ArrayList<>();
        for (TensorShapeProto.Dimension d : in.getType().getTensorType().getShape().getDimList()) {
            out.add(d.hasDimValue() && d.getDimValue() > 0 ? d.getDimValue() : null);
        }
        return out;
    }

    /** "batch x 3 x height x width", dynamic dimensions by their names ("?" when unnamed). */
    private static String describe(ValueInfoProto in) {
        if (!in.getType().getTensorType().hasShape()) {
            return "no shape";
        }
        List<String> parts = new ArrayList<>();
        for (TensorShapeProto.Dimension d : in.getType().getTensorType().getShape().getDimList()) {
            parts.add(d.hasDimValue() && d.getDimValue() > 0 ? Long.toString(d.getDimValue())
                    : d.hasDimParam() && !d.getDimParam().isEmpty() ? d.getDimParam() : "?");
        }
        return String.join(" x ", parts);
    }
}
