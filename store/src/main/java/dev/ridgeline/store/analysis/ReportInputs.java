package dev.ridgeline.store.analysis;

import dev.ridgeline.core.count.CostReport;
import dev.ridgeline.core.count.LayerCost;
import dev.ridgeline.core.graph.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The model inputs of a report in a stable order: in the order the layers first read them, then any
 * input no layer reads by name. The first one is the input that reports show as "input".
 */
public final class ReportInputs {
    private ReportInputs() {
    }

    public static Map<String, Shape> ordered(CostReport report) {
        Map<String, Shape> shapes = report.inputShapes();
        Map<String, Shape> ordered = new LinkedHashMap<>();
        for (LayerCost layer : report.layers()) {
            for (String in : layer.node().inputs()) {
                if (shapes.containsKey(in)) {
                    ordered.putIfAbsent(in, shapes.get(in));
                }
            }
        }
        for (String name : new TreeSet<>(shapes.keySet())) {
            ordered.putIfAbsent(name, shapes.get(name));
        }
        return ordered;
    }

    /** The first input's shape. */
    public static Shape primary(CostReport report) {
        return ordered(report).values().iterator().next();
    }

    /** One sample's dimensions: the shape without its batch. */
    public static List<Integer> sampleDims(Shape shape) {
        int[] dims = shape.toArray();
        return Arrays.stream(dims, 1, dims.length).boxed().toList();
    }

    /** One sample's shape as users write it: "3x224x224". */
    public static String sampleText(Shape shape) {
        List<String> parts = new ArrayList<>();
        for (int d : sampleDims(shape)) {
            parts.add(Integer.toString(d));
        }
        return String.join("x", parts);
    }
}
