package dev.ridgeline.core.io.onnx;

import dev.ridgeline.core.BadInputException;
import dev.ridgeline.core.op.Uncounted;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Ops that could not be counted: kept when allowed and their output shape is known, listed either way. */
final class Uncounting {
    private final Map<String, List<String>> nodesByType = new LinkedHashMap<>();
    private final Map<String, String> reasonByType = new HashMap<>();

    Value keep(NodeContext c, Unsupported u, long[] declaredShape) {
        nodesByType.computeIfAbsent(c.type(), k -> new ArrayList<>()).add(c.name());
        reasonByType.putIfAbsent(c.type(), u.getMessage());
        List<Value> computed = c.inputs().stream().filter(v -> v != null && !v.isConstant()).toList();
        long params = c.constants().stream().filter(t -> t.learned() && t.isReal()).mapToLong(Tensor::numel)
                .filter(e -> e > 1).sum();
        List<Integer> sample = null;
        if (OpMapper.SHAPE_PRESERVING.contains(c.type())) {
            sample = List.of();
        } else if (declaredShape != null && declaredShape.length >= 2) {
            sample = java.util.Arrays.stream(declaredShape, 1, declaredShape.length).mapToInt(Math::toIntExact)
                    .boxed().toList();
        }
        if (computed.isEmpty() || sample == null) {
            throw new BadInputException(c.what() + " cannot be counted (" + u.getMessage() + "), and its output "
                    + "shape cannot be inferred, so it cannot be skipped either; " + summary()
                    + ". Replace the op before export, or run ONNX shape inference on the file so that its "
                    + "output shapes are recorded, then pass --allow-uncounted");
        }
        return c.emit(new Uncounted(c.type(), sample, params), computed.toArray(Value[]::new));
    }

    void check(String source, boolean allowed) {
        if (!nodesByType.isEmpty() && !allowed) {
            throw new BadInputException(source + ": " + summary() + ". Pass --allow-uncounted to count the rest "
                    + "of the network and list these ops as uncounted (JSON: \"uncounted\")");
        }
    }

    private String summary() {
        return "Ridgeline cannot count " + nodesByType.entrySet().stream().map(e -> e.getKey() + " ("
                + e.getValue().size() + (e.getValue().size() == 1 ? " node" : " nodes") + ", e.g. '"
                + e.getValue().get(0) + "': " + reasonByType.get(e.getKey()) + ")")
                .collect(Collectors.joining(", "));
    }
}
