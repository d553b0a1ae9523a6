package dev.ridgeline.measure.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads ONNX Runtime's profile (a Chrome trace: events of category "Node" named NODE_kernel_time with a
 * duration in microseconds) into mean kernel times per run, each named by the Ridgeline layer it runs.
 */
final class ProfileReader {
    private static final String SUFFIX = "_kernel_time";

    private ProfileReader() {
    }

    static List<NodeTime> read(Path trace, int runs, Set<String> layers) throws IOException {
        JsonNode events = new ObjectMapper().readTree(trace.toFile());
        Map<String, double[]> micros = new LinkedHashMap<>();
        Map<String, String> types = new LinkedHashMap<>();
        for (JsonNode e : events) {
            String name = e.path("name").asText();
            if (!"Node".equals(e.path("cat").asText()) || !name.endsWith(SUFFIX)) {
                continue;
            }
            String node = name.substring(0, name.length() - SUFFIX.length());
            micros.computeIfAbsent(node, n -> new double[1])[0] += e.path("dur").asDouble();
            types.putIfAbsent(node, e.path("args").path("op_name").asText());
        }
        List<String> byLength = new ArrayList<>(layers);
        byLength.sort(Comparator.comparingInt(String::length).reversed());
        List<NodeTime> out = new ArrayList<>();
        micros.forEach((node, total) -> out.add(new NodeTime(node, types.get(node), layerOf(node, layers, byLength),
                "", total[0] * 1e-6 / runs)));
        return out;
    }

    /** The layer of the same name, else the longest layer name the node's name starts with. */
    static String layerOf(String node, Set<String> layers, List<String> longestFirst) {
        if (layers.contains(node)) {
            return node;
        }
        for (String layer : longestFirst) {
            if (node.startsWith(layer)) {
                return layer;
            }
        }
        return "";
    }
}
