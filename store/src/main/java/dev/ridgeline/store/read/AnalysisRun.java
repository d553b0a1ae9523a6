package dev.ridgeline.store.read;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What {@code analyze --format json} wrote, as the report reads it: the question (model, input, batch,
 * convention, precision), the totals, every layer with its roofline time when the model was timed, the
 * device's roofs, and live activation bytes at each step of the execution order when the model could be
 * loaded again (empty otherwise, with {@code memoryNote} saying why).
 *
 * @param totals    the JSON's {@code totals}, in its order
 * @param liveBytes live activation bytes while each layer runs, in execution order; empty when unknown
 */
public record AnalysisRun(Path source, String model, String input, int batch, String convention, int elementBytes,
                          String precision, Map<String, Long> totals, List<LayerRow> layers, Optional<Roofs> roofs,
                          long[] liveBytes, String memoryNote, String modelSource, String modelSha256,
                          String toolVersion) implements Run {
    public AnalysisRun {
        totals = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(totals));
        layers = List.copyOf(layers);
        liveBytes = liveBytes.clone();
    }

    @Override
    public long[] liveBytes() {
        return liveBytes.clone();
    }

    @Override
    public String title() {
        return model + roofs.map(r -> " on " + r.deviceId()).orElse("") + " (" + precision + ", batch " + batch + ")";
    }

    /** The device id, or "" for an analysis without one. */
    public String device() {
        return roofs.map(Roofs::deviceId).orElse("");
    }

    /**
     * Reads an analysis from its JSON tree.
     *
     * @param liveBytes live bytes per step when known, else an empty array
     */
    static AnalysisRun from(JsonInput in, long[] liveBytes, String memoryNote) {
        JsonNode root = in.root();
        String model = in.text(root, "", "model");
        JsonNode inputNode = root.get("input");
        String input = inputNode == null || !inputNode.isArray() ? "" : streamInts(inputNode);
        int batch = (int) in.count(root, "", "batch");
        String convention = JsonInput.optionalText(root, "convention").orElse("macs");
        int elementBytes = root.has("elementBytes") ? (int) in.count(root, "", "elementBytes") : 4;
        JsonNode totalsNode = in.object(root, "", "totals");
        Map<String, Long> totals = new LinkedHashMap<>();
        totalsNode.fields().forEachRemaining(e -> {
            if (e.getValue().isIntegralNumber()) {
                totals.put(e.getKey(), e.getValue().asLong());
            }
        });
        for (String required : List.of("params", "macs")) {
            if (!totals.containsKey(required)) {
                throw in.missing("totals." + required, "a whole number");
            }
        }
        JsonNode latency = root.get("latency");
        Map<String, JsonNode> timings = new HashMap<>();
        if (latency != null && latency.isObject()) {
            for (JsonNode t : in.array(latency, "latency.", "layers")) {
                timings.put(t.path("name").asText(), t);
            }
        }
        List<LayerRow> layers = new java.util.ArrayList<>();
        int i = 0;
        for (JsonNode layer : in.array(root, "", "layers")) {
            String path = "layers[" + i++ + "].";
            String name = in.text(layer, path, "name");
            JsonNode t = timings.get(name);
            layers.add(new LayerRow(name, in.text(layer, path, "op"), stage(layer, name),
                    layer.path("params").asLong(), layer.path("macs").asLong(), layer.path("flops").asLong(),
                    layer.path("readBytes").asLong(), layer.path("writeBytes").asLong(),
                    t == null ? -1 : t.path("ops").asLong(), t == null ? -1 : t.path("bytes").asLong(),
                    t == null ? Double.NaN : JsonInput.optionalNumber(t, "seconds"),
                    t == null ? Double.NaN : JsonInput.optionalNumber(t, "arithmeticIntensity"),
                    t == null ? "" : t.path("bound").asText("")));
        }
        Optional<Roofs> roofs = latency == null || !latency.isObject() ? Optional.empty()
                : Optional.of(DeviceRoofs.of(in, latency));
        String precision = roofs.map(Roofs::precision).orElse(precisionOf(elementBytes));
        JsonNode provenance = root.path("provenance");
        return new AnalysisRun(in.file(), model, input, batch, convention, elementBytes, precision, totals, layers,
                roofs, liveBytes, memoryNote, JsonInput.optionalText(provenance, "modelSource").orElse(model),
                JsonInput.optionalText(provenance, "modelSha256").orElse(""),
                JsonInput.optionalText(provenance, "version").orElse(""));
    }

    /** A layer's stage: its first label, else its name up to the first dot. */
    private static String stage(JsonNode layer, String name) {
        JsonNode labels = layer.get("labels");
        if (labels != null && labels.isArray() && !labels.isEmpty()) {
            return labels.get(0).asText();
        }
        int dot = name.indexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static String streamInts(JsonNode array) {
        List<String> dims = new java.util.ArrayList<>();
        array.forEach(d -> dims.add(d.asText()));
        return dims.stream().collect(Collectors.joining("x"));
    }

    /** Without a device the JSON states only the element size; fp32 unless it says otherwise. */
    private static String precisionOf(int elementBytes) {
        return switch (elementBytes) {
            case 8 -> "fp64";
            case 2 -> "fp16";
            case 1 -> "int8";
            default -> "fp32";
        };
    }
}
