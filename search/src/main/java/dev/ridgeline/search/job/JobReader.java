package dev.ridgeline.search.job;

import com.google.common.hash.Hashing;
import dev.ridgeline.core.BadInputException;
import dev.ridgeline.core.count.Convention;
import dev.ridgeline.core.count.CostReport;
import dev.ridgeline.core.count.Counter;
import dev.ridgeline.core.graph.Model;
import dev.ridgeline.core.graph.ModelInput;
import dev.ridgeline.core.graph.Shape;
import dev.ridgeline.core.graph.SizeLimits;
import dev.ridgeline.core.io.ModelLoader;
import dev.ridgeline.core.io.yaml.YamlMap;
import dev.ridgeline.core.io.yaml.YamlNode;
import dev.ridgeline.core.shape.ShapeInference;
import dev.ridgeline.hardware.device.DeviceProfile;
import dev.ridgeline.hardware.device.Devices;
import dev.ridgeline.hardware.device.Fusion;
import dev.ridgeline.hardware.device.Precision;
import dev.ridgeline.hardware.roofline.Roofline;
import dev.ridgeline.search.eval.Goal;
import dev.ridgeline.search.eval.MeasureSetup;
import dev.ridgeline.search.eval.Metric;
import dev.ridgeline.search.eval.Objective;
import dev.ridgeline.search.space.SpaceSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a job file (see docs/job-format.md). Paths in it are relative to the job file's folder; budgets
 * may be relative to the base model ("50%"); every mistake names file:line:column and what to change.
 */
public final class JobReader {
    /** The fields a job file may have. */
    public static final Set<String> FIELDS = Set.of("name", "description", "model", "input", "batch", "convention",
            "hardware", "precision", "fusion", "space", "budgets", "objectives", "strategy");

    private JobReader() {
    }

    public static Job read(Path file) {
        return read(file, Optional.empty());
    }

    /**
     * @param fusion the fusion mode to time with, overriding the job's {@code fusion} field and the device's
     *               default (empty: the job's, else the device's)
     */
    public static Job read(Path file, Optional<Fusion> fusion) {
        byte[] bytes = YamlNode.readText(file).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return read(file.toString(), bytes, file.toAbsolutePath().getParent(), fusion);
    }

    /**
     * Reads a job from its bytes, as a batch does for the jobs it expands: {@code source} names it in
     * messages, and relative model and device paths are taken from {@code dir}.
     */
    public static Job read(String source, byte[] bytes, Path dir) {
        return read(source, bytes, dir, Optional.empty());
    }

    private static Job read(String source, byte[] bytes, Path dir, Optional<Fusion> fusion) {
        YamlNode root = YamlNode.parse(source, new java.io.StringReader(new String(bytes,
                java.nio.charset.StandardCharsets.UTF_8)));
        String sha = Hashing.sha256().hashBytes(bytes).toString();
        String what = "a job file";
        YamlMap top = root.asMap(what).allowOnly(what, FIELDS);

        YamlNode modelNode = top.require("model", what + " (a zoo name or a model file)");
        String modelSpec = modelNode.text("field 'model'");
        // an ONNX file is read at the job's input shape, which its dynamic dimensions need
        Optional<Shape> sample = top.get("input").map(JobReader::sample);
        Model model = located(modelNode, () -> ModelLoader.load(relative(dir, modelSpec), sample));
        model = top.get("input").map(n -> withInput(n)).orElse(m -> m).apply(model);
        int batch = top.intInOr("batch", what, 1, 1, SizeLimits.MAX_BATCH);
        Convention convention = top.get("convention").map(n -> Convention.byId(n.text("field 'convention'"))
                .orElseThrow(() -> n.error("unknown convention '%s'; conventions: %s", n.text(""),
                        Convention.knownIds()))).orElse(Convention.MACS);
        DeviceProfile device = top.get("hardware").map(n -> located(n, () -> Devices.resolve(
                relative(dir, n.text("field 'hardware'"))))).orElse(null);
        Precision precision = top.get("precision").map(n -> Precision.byId(n.text("field 'precision'"))
                .orElseThrow(() -> n.error("unknown precision '%s'; precisions: %s", n.text(""), Precision.knownIds())))
                .orElse(Precision.FP32);
        if (device != null) {
            DeviceProfile d = device;
            located(top.get("precision").orElse(top.require("hardware", what)), () -> d.require(precision));
        }
        Optional<Fusion> jobFusion = top.get("fusion").map(n -> Fusion.byId(n.text("field 'fusion'"))
                .orElseThrow(() -> n.error("unknown fusion '%s'; fusion modes: %s", n.text(""), Fusion.knownIds())));
        MeasureSetup setup = new MeasureSetup(convention, batch, precision, device,
                fusion.isPresent() ? fusion : jobFusion);

        SpaceSpec space = SpaceReader.read(top.require("space", what + " (the knobs to sweep)"));
        double[] base;
        try {
            base = baseMetrics(model, setup);
        } catch (ArithmeticException e) {
            YamlNode at = top.get("batch").or(() -> top.get("input")).orElse(modelNode);
            throw at.error("the model's counts at batch %d and input %s do not fit in 64 bits (%s); give a smaller "
                    + "batch or input", batch, model.inputs().get(0).shape(), e.getMessage());
        }
        List<Budget> budgets = new ArrayList<>();
        top.get("budgets").ifPresent(b -> budgets.addAll(budgets(b, base, device != null)));
        List<Objective> objectives = top.get("objectives").map(o -> objectives(o, device != null))
                .orElseGet(() -> defaultObjectives(top, device != null));
        StrategySpec strategy = top.get("strategy").map(StrategyReader::read)
                .orElse(new StrategySpec.Exhaustive(StrategySpec.DEFAULT_EXHAUSTIVE_LIMIT));
        return new Job(source, sha, modelSpec, located(modelNode, () -> ModelLoader.sha256(relative(dir, modelSpec))), model, setup, space, budgets, objectives, strategy, base);
    }

    /** The base model's metrics, for budgets written relative to it. */
    public static double[] baseMetrics(Model model, MeasureSetup setup) {
        CostReport r = Counter.count(ShapeInference.infer(model, setup.batch()), setup.convention(),
                setup.precision().bytes());
        double[] m = new double[Metric.COUNT];
        m[Metric.PARAMS.ordinal()] = r.totals().params();
        m[Metric.MACS.ordinal()] = r.totals().macs();
        m[Metric.FLOPS.ordinal()] = r.totals().flops();
        m[Metric.WEIGHT_BYTES.ordinal()] = r.weightBytes();
        m[Metric.PEAK_ACTIVATION_BYTES.ordinal()] = r.peakActivationBytes();
        m[Metric.LATENCY_SECONDS.ordinal()] = setup.device() == null ? Double.NaN
                : Roofline.time(r, setup.device(), setup.rooflineOptions()).totalSeconds();
        return m;
    }

    public static List<Budget> budgets(YamlNode node, double[] base, boolean timed) {
        YamlMap map = node.asMap("budgets");
        List<Budget> out = new ArrayList<>();
        for (String field : map.fields()) {
            Metric metric = metric(map.key(field), field, timed);
            YamlNode v = map.require(field, "budgets");
            double max = Double.NaN;
            double min = Double.NaN;
            String what = "the budget on " + field;
            if (v.isMap()) {
                YamlMap b = v.asMap(what).allowOnly(what, Set.of("max", "min"));
                if (b.size() == 0) {
                    throw v.error("%s needs max, min or both", what);
                }
                max = b.get("max").map(n -> bound(n, base[metric.ordinal()], what)).orElse(Double.NaN);
                min = b.get("min").map(n -> bound(n, base[metric.ordinal()], what)).orElse(Double.NaN);
                if (max < min) {
                    throw v.error("%s has max %s below min %s: nothing could meet it", what, max, min);
                }
            } else {
                max = bound(v, base[metric.ordinal()], what);
            }
            out.add(new Budget(metric, max, min));
        }
        return out;
    }

    /** A number, or a percentage of the base model's value ("50%"); never negative, as no metric is. */
    private static double bound(YamlNode n, double base, String what) {
        String text = n.text(what).trim();
        double value;
        if (text.endsWith("%")) {
            try {
                value = base * Double.parseDouble(text.substring(0, text.length() - 1).trim()) / 100.0;
            } catch (NumberFormatException e) {
                throw n.error("%s must be a number or a percentage of the base model such as 50%%, got '%s'", what,
                        text);
            }
        } else {
            value = n.asDouble(what);
        }
        if (value < 0) {
            throw n.error("%s must not be negative (no metric is), got %s", what, text);
        }
        return value;
    }

    private static List<Objective> objectives(YamlNode node, boolean timed) {
        List<YamlNode> items = node.asList("objectives");
        if (items.size() < 2 || items.size() > 4) {
            throw node.error("objectives: give 2 to 4 objectives, got %d", items.size());
        }
        List<Objective> out = new ArrayList<>();
        EnumSet<Metric> seen = EnumSet.noneOf(Metric.class);
        for (YamlNode item : items) {
            YamlMap o = item.asMap("an objective").allowOnly("an objective", Set.of("metric", "goal"));
            YamlNode m = o.require("metric", "an objective");
            Metric metric = metric(m, m.text("field 'metric'"), timed);
            if (!seen.add(metric)) {
                throw m.error("objective %s appears twice", metric.id());
            }
            YamlNode g = o.require("goal", "an objective (min or max)");
            Goal goal = switch (g.text("field 'goal'").toLowerCase(Locale.ROOT)) {
                case "min" -> Goal.MIN;
                case "max" -> Goal.MAX;
                default -> throw g.error("field 'goal' must be min or max, got '%s'", g.text(""));
            };
            out.add(new Objective(metric, goal));
        }
        return out;
    }

    /**
     * Without objectives: minimize latency and maximize MACs, capacity's proxy (the seeds: depth and
     * width carry capacity); without hardware, params take latency's place.
     */
    private static List<Objective> defaultObjectives(YamlMap top, boolean timed) {
        return List.of(new Objective(timed ? Metric.LATENCY_SECONDS : Metric.PARAMS, Goal.MIN),
                new Objective(Metric.MACS, Goal.MAX));
    }

    private static Metric metric(YamlNode at, String id, boolean timed) {
        Metric metric = Metric.byId(id).orElseThrow(() -> at.error("unknown metric '%s'%s; metrics: %s", id,
                dev.ridgeline.core.io.yaml.Suggest.hint(id, java.util.Arrays.stream(Metric.values()).map(Metric::id)
                        .toList()), Metric.knownIds()));
        if (metric == Metric.LATENCY_SECONDS && !timed) {
            throw at.error("latencySeconds needs a device: add 'hardware: NAME' (see ridgeline hardware list) and "
                    + "'precision'");
        }
        return metric;
    }

    /** One sample's shape as the job writes it, "3x224x224": channels first, no batch. */
    public static Shape sample(YamlNode n) {
        String text = n.text("field 'input'");
        String[] parts = text.split("x");
        int[] dims = new int[parts.length];
        try {
            for (int i = 0; i < parts.length; i++) {
                dims[i] = Integer.parseInt(parts[i].trim());
            }
            return Shape.of(dims);
        } catch (IllegalArgumentException e) {
            throw n.error("field 'input' must be one sample's shape such as 3x224x224, got '%s'", text);
        }
    }

    public static java.util.function.UnaryOperator<Model> withInput(YamlNode n) {
        return model -> {
            ModelInput in = model.inputs().get(0);
            String text = n.text("field 'input'");
            String[] parts = text.split("x");
            int[] dims = new int[parts.length + 1];
            dims[0] = 1;
            try {
                for (int i = 0; i < parts.length; i++) {
                    dims[i + 1] = Integer.parseInt(parts[i].trim());
                }
            } catch (NumberFormatException e) {
                throw n.error("field 'input' must be one sample's shape such as 3x224x224, got '%s'", text);
            }
            if (dims.length != in.shape().rank() || dims[1] != in.shape().channels()) {
                throw n.error("field 'input' %s does not fit model '%s', whose input is %s", text, model.name(),
                        in.shape());
            }
            Model.Builder b = Model.builder(model.name()).description(model.description())
                    .storedParams(model.storedParams())
                    .input(in.name(), Shape.of(dims));
            model.nodes().forEach(b::add);
            model.outputs().forEach(b::output);
            model.precisions().forEach(b::precision);
            return located(n, b::build);
        };
    }

    /** A path relative to the job file's folder when such a file exists, else the text as written. */
    public static String relative(Path dir, String spec) {
        Path candidate = dir.resolve(spec);
        return Files.exists(candidate) ? candidate.toString() : spec;
    }

    /** Runs a step whose bad-input errors lack a location, prefixing the job file's. */
    public static <T> T located(YamlNode at, java.util.function.Supplier<T> step) {
        try {
            return step.get();
        } catch (BadInputException e) {
            if (e.getMessage().startsWith(at.source())) {
                throw e;
            }
            throw at.error("%s", e.getMessage());
        }
    }
}
