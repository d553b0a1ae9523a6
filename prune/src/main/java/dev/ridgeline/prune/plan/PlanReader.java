package dev.ridgeline.prune.plan;

import com.google.common.hash.Hashing;
import dev.ridgeline.core.BadInputException;
import dev.ridgeline.core.count.Convention;
import dev.ridgeline.core.graph.Model;
import dev.ridgeline.core.graph.Shape;
import dev.ridgeline.core.io.ModelLoader;
import dev.ridgeline.core.io.yaml.YamlMap;
import dev.ridgeline.core.io.yaml.YamlNode;
import dev.ridgeline.hardware.device.DeviceProfile;
import dev.ridgeline.hardware.device.Devices;
import dev.ridgeline.hardware.device.Precision;
import dev.ridgeline.search.eval.MeasureSetup;
import dev.ridgeline.search.eval.Metric;
import dev.ridgeline.search.job.Budget;
import dev.ridgeline.search.job.JobReader;
import dev.ridgeline.prune.plan.PlanFile.Change;
import dev.ridgeline.prune.plan.PlanFile.PruneObjective;
import dev.ridgeline.search.space.Stages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a plan file (docs/plan-format.md): the model, device and budgets as a job file writes them, plus
 * what the pruning planner may change. Every mistake names file:line:column, the field and what is allowed.
 */
public final class PlanReader {
    private static final Set<String> TOP = Set.of("name", "description", "model", "input", "batch", "convention",
            "hardware", "precision", "budgets", "divisor", "minKeep", "levels", "per", "frozen", "allow",
            "objective", "importance", "accuracy");

    private PlanReader() {
    }

    public static PlanFile read(Path file) {
        byte[] bytes = YamlNode.readText(file).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return read(file.toString(), bytes, file.toAbsolutePath().getParent());
    }

    /**
     * Reads a plan from its bytes, as a batch does for the plans it lists: {@code source} names it in
     * messages, and relative model and device paths are taken from {@code dir}.
     */
    public static PlanFile read(String source, byte[] bytes, Path dir) {
        YamlNode root = YamlNode.parse(source, new java.io.StringReader(new String(bytes,
                java.nio.charset.StandardCharsets.UTF_8)));
        String sha = Hashing.sha256().hashBytes(bytes).toString();
        String what = "a plan file";
        YamlMap top = root.asMap(what).allowOnly(what, TOP);
        Map<String, String> where = new HashMap<>();

        YamlNode modelNode = top.require("model", what + " (a zoo name or a model file)");
        String modelSpec = modelNode.text("field 'model'");
        Optional<Shape> sample = top.get("input").map(JobReader::sample);
        String modelPath = JobReader.relative(dir, modelSpec);
        Model model = JobReader.located(modelNode, () -> ModelLoader.load(modelPath, sample));
        model = top.get("input").map(JobReader::withInput).orElse(m -> m).apply(model);
        int batch = top.positiveIntOr("batch", what, 1);
        Convention convention = top.get("convention").map(n -> Convention.byId(n.text("field 'convention'"))
                .orElseThrow(() -> n.error("unknown convention '%s'; conventions: %s", n.text(""),
                        Convention.knownIds()))).orElse(Convention.MACS);
        DeviceProfile device = top.get("hardware").map(n -> JobReader.located(n, () -> Devices.resolve(
                JobReader.relative(dir, n.text("field 'hardware'"))))).orElse(null);
        Precision precision = top.get("precision").map(n -> Precision.byId(n.text("field 'precision'"))
                .orElseThrow(() -> n.error("unknown precision '%s'; precisions: %s", n.text(""), Precision.knownIds())))
                .orElse(Precision.FP32);
        if (device != null) {
            DeviceProfile d = device;
            JobReader.located(top.get("precision").orElse(top.require("hardware", what)), () -> d.require(precision));
        }
        MeasureSetup setup = new MeasureSetup(convention, batch, precision, device);
        double[] base = JobReader.baseMetrics(model, setup);

        YamlNode budgetNode = top.require("budgets", what + " (what the pruned model must meet, e.g. "
                + "budgets: {latencySeconds: 60%})");
        Optional<dev.ridgeline.search.accuracy.AccuracySource> accuracy = top.get("accuracy")
                .map(a -> JobReader.accuracy(a, dir));
        checkBounds(budgetNode);
        List<Budget> budgets = JobReader.budgets(budgetNode, base, device != null, accuracy.isPresent());
        if (budgets.isEmpty()) {
            throw budgetNode.error("field 'budgets' is empty: give at least one, e.g. {latencySeconds: 60%%}");
        }
        boolean accuracyBudget = budgets.stream().anyMatch(b -> b.metric() == Metric.ACCURACY);

        int divisor = top.positiveIntOr("divisor", what, 8);
        int levels = top.positiveIntOr("levels", what, 8);
        if (levels < 2) {
            throw top.require("levels", what).error("field 'levels' must be at least 2 (the base width and one "
                    + "smaller), got %d", levels);
        }
        double minKeep = top.doubleOr("minKeep", what, 0.25);
        if (!(minKeep > 0 && minKeep <= 1)) {
            throw top.require("minKeep", what).error("field 'minKeep' must lie in (0, 1] (the least share of a "
                    + "channel group's width that may remain), got %s", minKeep);
        }
        boolean perStage = top.get("per").map(n -> switch (n.text("field 'per'")) {
            case "group" -> false;
            case "stage" -> true;
            default -> throw n.error("field 'per' must be group (a width per channel group) or stage (one per "
                    + "stage), got '%s'", n.text(""));
        }).orElse(false);

        List<String> frozen = new ArrayList<>();
        Model loaded = model;
        Optional<YamlNode> frozenNode = top.get("frozen");
        if (frozenNode.isPresent()) {
            for (YamlNode item : frozenNode.get().asListOrSingle()) {
                String glob = item.text("an entry of 'frozen'");
                if (!matchesAny(loaded, glob)) {
                    throw item.error("field 'frozen': '%s' names no stage or layer of %s; its stages: %s", glob,
                            loaded.name(), stages(loaded));
                }
                frozen.add(glob);
            }
        }

        Set<Change> allow = EnumSet.allOf(Change.class);
        Optional<YamlNode> allowNode = top.get("allow");
        if (allowNode.isPresent()) {
            allow = EnumSet.noneOf(Change.class);
            for (YamlNode item : allowNode.get().asListOrSingle()) {
                String id = item.text("an entry of 'allow'");
                allow.add(java.util.Arrays.stream(Change.values()).filter(c -> c.id().equals(id)).findFirst()
                        .orElseThrow(() -> item.error("field 'allow': unknown change '%s'; changes: channels, "
                                + "kernels, separable", id)));
            }
            if (allow.isEmpty()) {
                throw allowNode.get().error("field 'allow' is empty: give channels, kernels and/or separable");
            }
        }

        PruneObjective objective = top.get("objective").map(n -> java.util.Arrays.stream(PruneObjective.values())
                .filter(o -> o.id().equals(n.text("field 'objective'").toLowerCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> n.error("field 'objective': unknown objective '%s'; objectives: macs, params, "
                        + "importance, accuracy", n.text("")))).orElse(PruneObjective.MACS);
        top.get("objective").ifPresent(n -> where.put("objective", n.location()));
        String importance = null;
        Optional<YamlNode> importanceNode = top.get("importance");
        if (importanceNode.isPresent()) {
            String csv = importanceNode.get().text("field 'importance'");
            Path p = Path.of(JobReader.relative(dir, csv));
            if (!Files.isRegularFile(p)) {
                throw importanceNode.get().error("field 'importance': no file '%s' (a CSV of layer,channel,score "
                        + "rows, relative to the plan file)", csv);
            }
            if (objective != PruneObjective.IMPORTANCE) {
                throw importanceNode.get().error("field 'importance' gives channel scores, which only "
                        + "'objective: importance' uses");
            }
            importance = p.toString();
            where.put("importance", importanceNode.get().location());
        }
        if (objective == PruneObjective.ACCURACY && accuracy.isEmpty()) {
            throw top.require("objective", what).error("field 'objective': accuracy is predicted from measured "
                    + "designs: add 'accuracy: {measured: FILE.csv}' (columns as plan.json names the knobs; see "
                    + "docs/accuracy.md)");
        }
        if (accuracy.isPresent() && objective != PruneObjective.ACCURACY && !accuracyBudget) {
            throw top.require("accuracy", what).error("field 'accuracy' gives measured designs, which only "
                    + "'objective: accuracy' or a budget on accuracy ({min: N}) uses");
        }
        boolean onnx = modelSpec.toLowerCase(Locale.ROOT).endsWith(".onnx");
        if (objective == PruneObjective.IMPORTANCE && importance == null && !onnx) {
            YamlNode n = top.require("objective", what);
            throw n.error("field 'objective': importance needs weights, and %s has none (a zoo or YAML model); "
                    + "give an ONNX model with weights, or 'importance: scores.csv' with your own channel scores",
                    modelSpec);
        }
        where.put("model", modelNode.location());
        String modelSha = JobReader.located(modelNode, () -> ModelLoader.sha256(modelPath));
        return new PlanFile(source, sha, modelSpec, modelSha, onnx ? modelPath : null, model, setup, budgets,
                base, divisor, minKeep, levels, perStage, frozen, allow, objective, importance, where, accuracy);
    }

    /**
     * A plan only cuts, so every budget is a ceiling ({@code max}) but accuracy's, which is higher-is-better
     * and so a floor ({@code min}). Each wrong bound is named at its own key.
     */
    private static void checkBounds(YamlNode budgetNode) {
        YamlMap map = budgetNode.asMap("budgets");
        for (String field : map.fields()) {
            Optional<Metric> metric = Metric.byId(field);
            if (metric.isEmpty()) {
                continue; // JobReader names an unknown metric with the known ones
            }
            YamlNode v = map.require(field, "budgets");
            boolean floor = metric.get() == Metric.ACCURACY;
            String wrong = floor ? "max" : "min";
            YamlNode at = !v.isMap() ? (floor ? v : null) : v.asMap("the budget on " + field).has(wrong)
                    ? v.asMap("the budget on " + field).key(wrong) : null;
            if (at == null) {
                continue;
            }
            if (floor) {
                throw at.error("field 'budgets.accuracy%s': accuracy is higher-is-better, so a plan's budget on it "
                        + "is a floor; allowed: min (absolute, e.g. accuracy: {min: 65})", v.isMap() ? ".max" : "");
            }
            throw at.error("field 'budgets.%s.min': a plan only cuts, so the budget on %s is a ceiling; allowed: max "
                    + "(absolute or a percentage of the base model, e.g. %s: {max: 60%%}); only accuracy takes a min",
                    field, field, field);
        }
    }

    /** Whether a glob (* for any run of characters) names a stage or a layer of the model. */
    public static boolean matchesAny(Model model, String glob) {
        Pattern p = Stages.glob(glob);
        return model.nodes().stream().anyMatch(n -> p.matcher(n.name()).matches() || p.matcher(Stages.of(n)).matches());
    }

    private static String stages(Model model) {
        List<String> s = model.nodes().stream().map(Stages::of).distinct().toList();
        return s.size() <= 12 ? String.join(", ", s) : String.join(", ", s.subList(0, 12)) + ", ... (" + s.size()
                + " in all)";
    }
}
