package dev.ridgeline.core.io.onnx;

import ai.onnx.proto.OnnxMl.NodeProto;
import dev.ridgeline.core.BadInputException;
import java.util.List;

/** The value of a Constant node, from whichever of its attributes holds it. */
final class Constants {
    private Constants() {
    }

    static Tensor of(NodeProto n, String name) {
        Attributes a = new Attributes(n, name);
        if (a.tensor("value").isPresent()) {
            return Tensor.of(a.tensor("value").get(), name);
        }
        if (a.has("value_float")) {
            return Tensor.ofReals(new long[0], new double[] {a.real("value_float", 0)});
        }
        if (a.has("value_int")) {
            return Tensor.scalar(a.integer("value_int", 0));
        }
        if (a.has("value_floats")) {
            List<Float> f = a.reals("value_floats").orElseThrow();
            return Tensor.ofReals(new long[] {f.size()}, f.stream().mapToDouble(Float::doubleValue).toArray());
        }
        if (a.has("value_ints")) {
            long[] v = a.integers("value_ints").orElseThrow();
            return Tensor.ofInts(new long[] {v.length}, v);
        }
        throw new BadInputException("node '" + name + "' (Constant) holds no numeric value (a sparse or string "
                + "constant); Ridgeline reads numeric constants only");
    }
}
