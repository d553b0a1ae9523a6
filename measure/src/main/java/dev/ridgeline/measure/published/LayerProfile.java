package dev.ridgeline.measure.published;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ridgeline.core.BadInputException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A per-layer profile of one run of a figure's model, as the mean seconds of each kernel per inference, named by
 * the kernel's first layer. Two formats are read:
 * <ul>
 *   <li>trtexec {@code --exportProfile}: a JSON array whose first element is {@code {"count": N}} and whose others
 *       are {@code {"name", "averageMs", ...}}; a fused layer is named "conv1 + bn1 + relu1" and counts for
 *       {@code conv1};</li>
 *   <li>ONNX Runtime's profiler: a Chrome trace whose events of category {@code Node} named
 *       {@code NODE_kernel_time} carry a duration in microseconds, one per run ({@code model_run} events of
 *       category {@code Session} count the runs).</li>
 * </ul>
 */
public final class LayerProfile {
    private LayerProfile() {
    }

    /** Seconds per inference of each profiled kernel, by its first layer's name, in the profile's order. */
    public static Map<String, Double> read(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new BadInputException(file + ": not a JSON profile: " + e.getMessage());
        }
        if (root == null || !root.isArray() || root.isEmpty()) {
            throw new BadInputException(file + ": a profile is a JSON array (trtexec --exportProfile or ONNX"
                    + " Runtime's profiler output)");
        }
        Map<String, Double> seconds = new LinkedHashMap<>();
        if (root.get(0).has("count")) {
            for (int i = 1; i < root.size(); i++) {
                JsonNode layer = root.get(i);
                if (!layer.has("name") || !layer.has("averageMs")) {
                    throw new BadInputException(file + ": entry " + i + " of the trtexec profile has no name or"
                            + " averageMs");
                }
                String head = layer.get("name").asText().split(" \\+ ")[0].trim();
                seconds.merge(head, layer.get("averageMs").asDouble() / 1e3, Double::sum);
            }
        } else {
            int runs = 0;
            Map<String, Double> micros = new LinkedHashMap<>();
            for (JsonNode e : root) {
                String name = e.path("name").asText();
                if ("Session".equals(e.path("cat").asText()) && "model_run".equals(name)) {
                    runs++;
                } else if ("Node".equals(e.path("cat").asText()) && name.endsWith("_kernel_time")) {
                    micros.merge(name.substring(0, name.length() - "_kernel_time".length()),
                            e.path("dur").asDouble(), Double::sum);
                }
            }
            if (micros.isEmpty()) {
                throw new BadInputException(file + ": neither a trtexec profile (first element {\"count\": N}) nor an"
                        + " ONNX Runtime trace (events of category Node named NODE_kernel_time)");
            }
            int n = Math.max(1, runs);
            micros.forEach((node, us) -> seconds.put(node, us * 1e-6 / n));
        }
        return seconds;
    }
}
