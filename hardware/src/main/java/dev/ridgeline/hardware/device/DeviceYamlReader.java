package dev.ridgeline.hardware.device;

import dev.ridgeline.core.io.yaml.Suggest;
import dev.ridgeline.core.io.yaml.YamlMap;
import dev.ridgeline.core.io.yaml.YamlNode;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a device profile:
 * <pre>
 * id: h100-sxm
 * name: NVIDIA H100 SXM5 80GB
 * class: gpu                                  # gpu, cpu, npu or soc
 * source: NVIDIA H100 Tensor Core GPU datasheet
 * status: datasheet                           # default status of the figures: datasheet, derived, unverified
 * memory:
 *   bandwidthBytesPerSecond: 3.35e12          # required
 *   capacityBytes: 80.0e9                     # 0 or absent: host memory, no fit check
 *   onChipBufferBytes: 50.0e6
 * efficiency: {compute: 0.7, memory: 0.9}     # the defaults; computeByKind: {depthwise: 0.3} per kernel kind
 * layerOverheadSeconds: 3.0e-6                # default 0
 * fusion: engine                              # none (default) or engine: how its runtime groups layers
 * calibration: {...}                          # written by ridgeline hardware calibrate (read by validate)
 * runtime: tensorrt                           # the default runtime (the first of runtimes when absent)
 * runtimes:                                   # the chip under each runtime: --hardware ID:RUNTIME picks one
 *   tensorrt: {name: ..., source: ..., efficiency: {compute: 0.8, memory: 0.9, computeByKind: {...}},
 *              kernelOverheadSeconds: 8.0e-6, inferenceOverheadSeconds: 1.0e-4,
 *              tiles: {pixels: 64, channels: 64, concurrent: 40},
 *              weightCache: {bytes: 8.0e6, streamBytesPerSecond: 0.5e9}}   # chips that keep weights on chip
 * precisions:                                 # absent precisions are unsupported
 *   fp16: {matrixOpsPerSecond: 989.0e12, vectorOpsPerSecond: 133.8e12, use: matrix, status: datasheet, note: ...}
 * </pre>
 * Every mistake is reported with file:line:column and what is allowed.
 */
public final class DeviceYamlReader {
    static final double DEFAULT_COMPUTE_EFFICIENCY = 0.7;
    static final double DEFAULT_MEMORY_EFFICIENCY = 0.9;

    private static final Set<String> TOP = Set.of("id", "name", "class", "source", "status", "memory", "efficiency",
            "layerOverheadSeconds", "fusion", "precisions", "notes", "calibration", "runtime", "runtimes");
    private static final Set<String> RUNTIME = Set.of("name", "source", "efficiency", "kernelOverheadSeconds",
            "inferenceOverheadSeconds", "tiles", "weightCache", "precisionFactor", "note");
    private static final Set<String> MEMORY = Set.of("bandwidthBytesPerSecond", "bandwidthStatus", "capacityBytes",
            "onChipBufferBytes", "note");
    private static final Set<String> PEAK = Set.of("matrixOpsPerSecond", "vectorOpsPerSecond", "use", "status", "note");

    private DeviceYamlReader() {
    }

    public static DeviceProfile read(Path file) {
        String stem = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        return read(YamlNode.parse(file), stem);
    }

    public static DeviceProfile read(String source, Reader reader) {
        String stem = Path.of(source).getFileName().toString().replaceFirst("\\.ya?ml$", "");
        return read(YamlNode.parse(source, reader), stem);
    }

    static DeviceProfile read(YamlNode root, String defaultId) {
        String what = "a device profile";
        YamlMap top = root.asMap(what).allowOnly(what, TOP);
        String id = top.text("id", what).orElse(defaultId);
        String name = top.text("name", what).orElse(id);
        DeviceClass deviceClass = enumField(top, "class", what, DeviceClass.class, DeviceClass.GPU);
        FigureStatus status = enumField(top, "status", what, FigureStatus.class, FigureStatus.DATASHEET);
        String source = top.require("source", what + " (where its figures come from)").text("field 'source'");

        YamlMap memory = top.require("memory", what).asMap("memory").allowOnly("memory", MEMORY);
        double bandwidth = positive(memory.require("bandwidthBytesPerSecond", "memory"), "memory",
                "bandwidthBytesPerSecond");
        FigureStatus bandwidthStatus = enumField(memory, "bandwidthStatus", "memory", FigureStatus.class, status);
        double capacity = nonNegative(memory, "capacityBytes", "memory");
        double onChip = nonNegative(memory, "onChipBufferBytes", "memory");

        double computeEfficiency = DEFAULT_COMPUTE_EFFICIENCY;
        Map<KernelClass, Double> byKind = new EnumMap<>(KernelClass.class);
        double memoryEfficiency = DEFAULT_MEMORY_EFFICIENCY;
        if (top.has("efficiency")) {
            YamlMap eff = top.require("efficiency", what).asMap("efficiency")
                    .allowOnly("efficiency", Set.of("compute", "memory", "computeByKind"));
            computeEfficiency = fraction(eff, "compute", DEFAULT_COMPUTE_EFFICIENCY);
            memoryEfficiency = fraction(eff, "memory", DEFAULT_MEMORY_EFFICIENCY);
            if (eff.has("computeByKind")) {
                YamlMap kinds = eff.require("computeByKind", "efficiency").asMap("computeByKind");
                for (String k : kinds.fields()) {
                    KernelClass kind = KernelClass.byId(k).orElseThrow(() -> kinds.key(k).error(
                            "unknown kernel kind '%s' in efficiency.computeByKind; kinds: %s", k,
                            KernelClass.knownIds()));
                    byKind.put(kind, fraction(kinds, k, DEFAULT_COMPUTE_EFFICIENCY));
                }
            }
        }
        double overhead = top.get("layerOverheadSeconds").map(v -> {
            double o = v.asDouble("field 'layerOverheadSeconds'");
            if (o < 0) {
                throw v.error("field 'layerOverheadSeconds' must not be negative, got %s", o);
            }
            return o;
        }).orElse(0.0);

        Fusion fusion = enumField(top, "fusion", what, Fusion.class, Fusion.NONE);

        YamlMap precisions = top.require("precisions", what + " (the peak of at least one precision)")
                .asMap("precisions");
        Map<Precision, PrecisionPeak> peaks = new EnumMap<>(Precision.class);
        for (String p : precisions.fields()) {
            Precision precision = Precision.byId(p).orElseThrow(() -> precisions.key(p).error(
                    "unknown precision '%s'%s; precisions: %s", p, hint(p), Precision.knownIds()));
            peaks.put(precision, readPeak(precisions.require(p, "precisions"), p, status));
        }
        if (peaks.isEmpty()) {
            throw precisions.node().error("precisions is empty: give the peak of at least one of %s",
                    Precision.knownIds());
        }
        List<RuntimeProfile> runtimes = new ArrayList<>();
        if (top.has("runtimes")) {
            YamlMap rs = top.require("runtimes", what).asMap("runtimes");
            for (String r : rs.fields()) {
                runtimes.add(readRuntime(rs.require(r, "runtimes"), r, computeEfficiency, memoryEfficiency, byKind,
                        overhead));
            }
        }
        String defaultRuntime = top.text("runtime", what).orElse(runtimes.isEmpty() ? "" : runtimes.get(0).id());
        if (!defaultRuntime.isEmpty() && runtimes.stream().noneMatch(r -> r.id().equals(defaultRuntime))) {
            throw top.require("runtime", what).error("runtime '%s' is not one of the runtimes this file describes (%s)",
                    defaultRuntime, runtimes.isEmpty() ? "none: add a runtimes: section"
                            : String.join(", ", runtimes.stream().map(RuntimeProfile::id).toList()));
        }
        runtimes.sort((a, b) -> Boolean.compare(!a.id().equals(defaultRuntime), !b.id().equals(defaultRuntime)));
        DeviceProfile profile;
        try {
            profile = new DeviceProfile(id, name, deviceClass, peaks, bandwidth, bandwidthStatus, capacity, onChip,
                    computeEfficiency, memoryEfficiency, overhead, source, fusion, byKind, null, runtimes);
        } catch (IllegalArgumentException e) {
            throw root.error("%s", e.getMessage());
        }
        return defaultRuntime.isEmpty() ? profile : profile.withRuntime(defaultRuntime);
    }

    /** One runtime; a field it leaves out takes the device's top-level figure (efficiency, overhead per kernel). */
    private static RuntimeProfile readRuntime(YamlNode node, String id, double compute, double memory,
                                              Map<KernelClass, Double> byKind, double overhead) {
        String what = "runtime " + id;
        YamlMap r = node.asMap(what).allowOnly(what, RUNTIME);
        double c = compute;
        double m = memory;
        Map<KernelClass, Double> kinds = new EnumMap<>(KernelClass.class);
        kinds.putAll(byKind);
        if (r.has("efficiency")) {
            YamlMap eff = r.require("efficiency", what).asMap("efficiency")
                    .allowOnly("efficiency", Set.of("compute", "memory", "computeByKind"));
            c = fraction(eff, "compute", compute);
            m = fraction(eff, "memory", memory);
            if (eff.has("computeByKind")) {
                YamlMap ks = eff.require("computeByKind", "efficiency").asMap("computeByKind");
                for (String k : ks.fields()) {
                    KernelClass kind = KernelClass.byId(k).orElseThrow(() -> ks.key(k).error(
                            "unknown kernel kind '%s' in efficiency.computeByKind; kinds: %s", k,
                            KernelClass.knownIds()));
                    kinds.put(kind, fraction(ks, k, c));
                }
            }
        }
        double kernel = r.has("kernelOverheadSeconds") ? nonNegative(r, "kernelOverheadSeconds", what) : overhead;
        double inference = nonNegative(r, "inferenceOverheadSeconds", what);
        Occupancy occupancy = Occupancy.NONE;
        if (r.has("tiles")) {
            YamlMap t = r.require("tiles", what).asMap(what + " tiles")
                    .allowOnly(what + " tiles", Set.of("pixels", "channels", "concurrent"));
            occupancy = new Occupancy(t.require("pixels", "tiles").asPositiveInt("field 'pixels' of tiles"),
                    t.require("channels", "tiles").asPositiveInt("field 'channels' of tiles"),
                    t.require("concurrent", "tiles").asPositiveInt("field 'concurrent' of tiles"));
        }
        double cache = 0;
        double stream = 0;
        if (r.has("weightCache")) {
            YamlMap w = r.require("weightCache", what).asMap(what + " weightCache")
                    .allowOnly(what + " weightCache", Set.of("bytes", "streamBytesPerSecond"));
            cache = positive(w.require("bytes", "weightCache"), "weightCache", "bytes");
            stream = positive(w.require("streamBytesPerSecond", "weightCache"), "weightCache", "streamBytesPerSecond");
        }
        Map<Precision, Double> factors = new EnumMap<>(Precision.class);
        if (r.has("precisionFactor")) {
            YamlMap pf = r.require("precisionFactor", what).asMap(what + " precisionFactor");
            for (String p : pf.fields()) {
                Precision precision = Precision.byId(p).orElseThrow(() -> pf.key(p).error(
                        "unknown precision '%s' in precisionFactor; precisions: %s", p, Precision.knownIds()));
                double f = pf.require(p, "precisionFactor").asDouble(YamlMap.label("precisionFactor", p));
                if (!(f > 0 && f <= 1)) {
                    throw pf.require(p, "precisionFactor").error("field '%s' of precisionFactor must be in (0, 1],"
                            + " got %s", p, pf.require(p, "precisionFactor").text(p));
                }
                factors.put(precision, f);
            }
        }
        try {
            return new RuntimeProfile(id, r.text("name", what).orElse(id), c, m, kinds, kernel, inference, occupancy,
                    cache, stream, r.text("source", what).orElse(""), factors);
        } catch (IllegalArgumentException e) {
            throw node.error("%s", e.getMessage());
        }
    }

    private static PrecisionPeak readPeak(YamlNode node, String precision, FigureStatus defaultStatus) {
        String what = "precision " + precision;
        YamlMap f = node.asMap(what).allowOnly(what, PEAK);
        double matrix = f.has("matrixOpsPerSecond") ? positive(f.require("matrixOpsPerSecond", what), what,
                "matrixOpsPerSecond") : Double.NaN;
        double vector = f.has("vectorOpsPerSecond") ? positive(f.require("vectorOpsPerSecond", what), what,
                "vectorOpsPerSecond") : Double.NaN;
        if (Double.isNaN(matrix) && Double.isNaN(vector)) {
            throw f.node().error("%s needs matrixOpsPerSecond or vectorOpsPerSecond (leave the precision out if the "
                    + "device does not support it)", what);
        }
        Engine engine = enumField(f, "use", what, Engine.class, Double.isNaN(matrix) ? Engine.VECTOR : Engine.MATRIX);
        if (Double.isNaN(engine == Engine.MATRIX ? matrix : vector)) {
            throw f.require("use", what).error("%s uses the %s engine but gives no %sOpsPerSecond", what,
                    engine.name().toLowerCase(Locale.ROOT), engine.name().toLowerCase(Locale.ROOT));
        }
        FigureStatus status = enumField(f, "status", what, FigureStatus.class, defaultStatus);
        return new PrecisionPeak(matrix, vector, engine, status, f.text("note", what).orElse(""));
    }

    private static double positive(YamlNode v, String what, String field) {
        double d = v.asDouble(YamlMap.label(what, field));
        if (!(d > 0) || Double.isInfinite(d)) {
            throw v.error("field '%s' of %s must be a number above 0, got %s", field, what, v.text(field));
        }
        return d;
    }

    private static double nonNegative(YamlMap f, String field, String what) {
        return f.get(field).map(v -> {
            double d = v.asDouble(YamlMap.label(what, field));
            if (d < 0 || Double.isInfinite(d)) {
                throw v.error("field '%s' of %s must not be negative, got %s", field, what, v.text(field));
            }
            return d;
        }).orElse(0.0);
    }

    private static double fraction(YamlMap f, String field, double fallback) {
        return f.get(field).map(v -> {
            double d = v.asDouble(YamlMap.label("efficiency", field));
            if (!(d > 0 && d <= 1)) {
                throw v.error("field '%s' of efficiency must be in (0, 1], got %s", field, v.text(field));
            }
            return d;
        }).orElse(fallback);
    }

    private static <E extends Enum<E>> E enumField(YamlMap f, String field, String what, Class<E> type, E fallback) {
        return f.get(field).map(v -> {
            String text = v.text(YamlMap.label(what, field));
            try {
                return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                String allowed = Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT))
                        .collect(Collectors.joining(", "));
                throw v.error("field '%s' of %s must be one of %s, got '%s'", field, what, allowed, text);
            }
        }).orElse(fallback);
    }

    private static String hint(String name) {
        return Suggest.hint(name, Arrays.stream(Precision.values()).map(Precision::id).toList());
    }
}
