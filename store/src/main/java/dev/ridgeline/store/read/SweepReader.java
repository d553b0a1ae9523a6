package dev.ridgeline.store.read;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ridgeline.core.BadInputException;
import dev.ridgeline.core.count.Convention;
import dev.ridgeline.core.io.ModelLoader;
import dev.ridgeline.hardware.device.Devices;
import dev.ridgeline.hardware.device.Precision;
import dev.ridgeline.search.eval.MeasureSetup;
import dev.ridgeline.search.job.Job;
import dev.ridgeline.search.job.JobReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads a sweep folder: summary.json, pareto.csv, points.csv when present, plan.json when present. */
final class SweepReader {
    static final String SUMMARY = "summary.json";
    static final String PARETO = "pareto.csv";
    static final String POINTS = "points.csv";
    static final String PLAN = "plan.json";
    static final String SUMMARY_EXPECTED = "the summary.json that 'ridgeline sweep' writes";

    /** Plan fields that may name the point a plan aims at, as {metric: value}; the first found is used. */
    static final List<String> PLAN_POINT_FIELDS = List.of("chosen", "planned", "target", "pruned", "after");

    private SweepReader() {
    }

    static SweepRun read(Path dir) {
        JsonInput in = JsonInput.read(dir.resolve(SUMMARY), SUMMARY_EXPECTED);
        JsonNode root = in.root();
        List<SweepRun.Objective> objectives = new ArrayList<>();
        int i = 0;
        for (JsonNode o : in.array(root, "", "objectives")) {
            String path = "objectives[" + i++ + "].";
            String goal = in.text(o, path, "goal");
            if (!goal.equals("min") && !goal.equals("max")) {
                throw new BadInputException(in.file() + ": field '" + path + "goal' is '" + goal
                        + "'; expected min or max");
            }
            objectives.add(new SweepRun.Objective(in.text(o, path, "metric"), goal.equals("min")));
        }
        if (objectives.isEmpty()) {
            throw in.missing("objectives", "a non-empty array");
        }
        List<SweepRun.BudgetBound> budgets = new ArrayList<>();
        i = 0;
        for (JsonNode b : in.array(root, "", "budgets")) {
            budgets.add(new SweepRun.BudgetBound(in.text(b, "budgets[" + i++ + "].", "metric"),
                    JsonInput.optionalNumber(b, "max"), JsonInput.optionalNumber(b, "min")));
        }
        Map<String, Double> base = JsonInput.numbers(in.object(root, "", "base"), true);
        String model = in.text(root, "", "model");
        String hardware = JsonInput.optionalText(root, "hardware").orElse("");
        String precision = JsonInput.optionalText(root, "precision").orElse("fp32");
        String convention = JsonInput.optionalText(root, "convention").orElse("macs");
        int batch = root.has("batch") ? (int) in.count(root, "", "batch") : 1;
        String version = JsonInput.optionalText(root.path("tool"), "version").orElse("");

        Path paretoFile = dir.resolve(PARETO);
        if (!Files.isRegularFile(paretoFile)) {
            throw new BadInputException(paretoFile + ": missing; expected the pareto.csv that 'ridgeline sweep'"
                    + " writes beside summary.json");
        }
        MetricTable pareto = MetricTable.read(paretoFile);
        for (SweepRun.Objective o : objectives) {
            if (!pareto.has(o.metric())) {
                throw new BadInputException(paretoFile + ": no column '" + o.metric() + "' for the objective of "
                        + in.file() + "; columns: " + String.join(", ", pareto.header()));
            }
        }
        Path pointsFile = dir.resolve(POINTS);
        Optional<PointCloud> cloud = Optional.empty();
        if (Files.isRegularFile(pointsFile)) {
            List<String> metrics = new ArrayList<>();
            objectives.forEach(o -> metrics.add(o.metric()));
            budgets.forEach(b -> metrics.add(b.metric()));
            cloud = Optional.of(PointCloud.read(pointsFile, metrics));
        }

        Optional<AnalysisRun> baseModel = Optional.empty();
        String note = "";
        try {
            baseModel = Optional.of(baseModel(root, dir, model, hardware, precision, convention, batch, version));
        } catch (RuntimeException e) {
            note = "the base model " + model + " could not be analysed again (" + e.getMessage() + ")";
        }
        return new SweepRun(dir, model, hardware, JsonInput.optionalText(root, "hardwareSource").orElse(""),
                precision, convention, batch, objectives, budgets, base,
                root.path("spaceSize").asText(""), root.path("pointsEvaluated").asLong(),
                root.path("feasiblePoints").asLong(), root.path("frontSize").asLong(pareto.rows().size()),
                JsonInput.optionalNumber(root, "wallSeconds"), JsonInput.optionalText(root, "strategy").orElse(""),
                JsonInput.optionalText(root, "job").orElse(""), JsonInput.optionalText(root, "jobHash").orElse(""),
                JsonInput.optionalText(root, "modelSha256").orElse(""), version, pareto, cloud,
                chosen(dir.resolve(PLAN)).or(() -> closest(root)), baseModel, note);
    }

    /**
     * The base model as the sweep measured it: through its job file when it is still there and unchanged,
     * else from the model, device, precision, convention and batch the summary names.
     */
    private static AnalysisRun baseModel(JsonNode root, Path dir, String model, String hardware, String precision,
                                         String convention, int batch, String version) {
        Path summaryFile = dir.resolve(SUMMARY);
        Optional<String> jobPath = JsonInput.optionalText(root, "job");
        String jobHash = JsonInput.optionalText(root, "jobHash").orElse("");
        if (jobPath.isPresent() && Files.isRegularFile(Path.of(jobPath.get()))) {
            Job job = JobReader.read(Path.of(jobPath.get()));
            if (job.sha256().equals(jobHash)) {
                return ModelRerun.analyze(job.model(), job.modelSpec(), job.modelSha256(), job.setup(), version,
                        summaryFile);
            }
        }
        MeasureSetup setup = new MeasureSetup(
                Convention.byId(convention).orElseThrow(() -> new BadInputException("unknown convention " + convention)),
                batch, Precision.byId(precision).orElseThrow(() -> new BadInputException("unknown precision "
                        + precision)), hardware.isEmpty() ? null : Devices.resolve(hardware));
        return ModelRerun.analyze(ModelLoader.load(model), model, ModelLoader.sha256(model), setup, version,
                summaryFile);
    }

    /** When no point met the budgets, summary.json's {@code closest} point. */
    private static Optional<SweepRun.ChosenPoint> closest(JsonNode root) {
        JsonNode metrics = root.path("closest").path("metrics");
        if (!metrics.isObject()) {
            return Optional.empty();
        }
        return Optional.of(new SweepRun.ChosenPoint("closest to the budgets (none met them)",
                JsonInput.numbers(metrics, false)));
    }

    /** The point a plan.json names, read tolerantly: the first of {@link #PLAN_POINT_FIELDS} holding metrics. */
    private static Optional<SweepRun.ChosenPoint> chosen(Path planFile) {
        if (!Files.isRegularFile(planFile)) {
            return Optional.empty();
        }
        JsonInput plan = JsonInput.read(planFile, "the plan.json that 'ridgeline prune' writes");
        for (String field : PLAN_POINT_FIELDS) {
            JsonNode node = plan.root().get(field);
            if (node != null && node.has("metrics")) {
                node = node.get("metrics");
            }
            if (node != null && node.isObject()) {
                Map<String, Double> metrics = JsonInput.numbers(node, false);
                if (!metrics.isEmpty()) {
                    return Optional.of(new SweepRun.ChosenPoint("plan (" + field + ")", metrics));
                }
            }
        }
        return Optional.empty();
    }
}
