package dev.ridgeline.store.plan;

import dev.ridgeline.core.BadInputException;
import dev.ridgeline.core.io.yaml.ModelYamlWriter;
import dev.ridgeline.prune.PlanChanges;
import dev.ridgeline.prune.PrunePlan;
import dev.ridgeline.prune.onnx.OnnxPruner;
import dev.ridgeline.prune.plan.PlanFile;
import dev.ridgeline.store.folder.Staging;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A plan's result folder: plan.md, pruned.yaml, for ONNX input with weights pruned.onnx, and plan.json. */
public final class PlanWriter {
    public static final String JSON = "plan.json";
    public static final String MARKDOWN = "plan.md";
    public static final String ONNX = "pruned.onnx";
    public static final String YAML = "pruned.yaml";
    /** With {@code --closest} when no plan meets the budgets: the nearest miss, named as no solution. */
    public static final String CLOSEST_ONNX = "closest.onnx";
    public static final String CLOSEST_YAML = "closest.yaml";
    /** The files a plan's result replaces: a plan with no pruned.onnx leaves none of an earlier plan's. */
    public static final Set<String> FILES = Set.of(JSON, MARKDOWN, ONNX, YAML, CLOSEST_ONNX, CLOSEST_YAML);

    private PlanWriter() {
    }

    /** What was written, and why a file was not. */
    public record Written(List<Path> files, List<String> notes) {
    }

    /**
     * Writes a plan's files into a staged folder. A plan that meets its budgets gets pruned.yaml (and
     * pruned.onnx); one that does not gets no model, unless {@code closest} asks for the nearest miss as
     * closest.yaml (and closest.onnx), headed as no solution.
     */
    public static Written write(PlanFile request, PrunePlan plan, String planName, String toolVersion,
                                Staging into, boolean closest) {
        List<Path> written = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        written.add(into.write(MARKDOWN, w -> PlanMarkdown.write(plan, w)));
        if (!plan.feasible() && !closest) {
            notes.add("no pruned model: no plan meets the budgets (plan.md says by how much and what stops it);"
                    + " --closest writes the closest plan's model as " + CLOSEST_YAML);
            written.add(into.write(JSON, w -> PlanJson.write(plan, toolVersion, w)));
            return new Written(written, notes);
        }
        String yamlName = plan.feasible() ? YAML : CLOSEST_YAML;
        String onnxName = plan.feasible() ? ONNX : CLOSEST_ONNX;
        String yaml = null;
        try {
            yaml = ModelYamlWriter.toYaml(PlanChanges.prunedModel(plan), List.of(
                    (plan.feasible() ? "pruned by ridgeline prune " : "NOT A SOLUTION: the closest plan to budgets no"
                            + " plan meets, written by ridgeline prune --closest ") + planName
                            + " (plan.json has the plan and its figures)",
                    "from " + request.modelSpec() + " (SHA-256 " + request.modelSha256() + ")"));
        } catch (BadInputException e) {
            notes.add("no " + yamlName + ": " + e.getMessage());
        }
        if (yaml != null) {
            written.add(into.writeBytes(yamlName, yaml.getBytes(StandardCharsets.UTF_8)));
        }
        if (request.modelFile() != null) {
            Optional<String> refused = OnnxPruner.refusal(plan);
            if (refused.isEmpty()) {
                written.add(into.writeBytes(onnxName, OnnxPruner.prune(Path.of(request.modelFile()), plan)));
            } else {
                notes.add("no pruned .onnx: " + refused.get());
            }
        }
        written.add(into.write(JSON, w -> PlanJson.write(plan, toolVersion, w)));
        return new Written(written, notes);
    }
}
