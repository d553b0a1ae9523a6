package dev.ridgeline.store.read;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads a plan.json tolerantly: fields by name; {@code before}, {@code after} and {@code steps} are needed. */
final class PlanReader {
    static final String PLAN = "plan.json";
    static final String PLAN_EXPECTED = "the plan.json that 'ridgeline prune' writes (with before, after and steps)";

    private PlanReader() {
    }

    static boolean looksLikeAPlan(JsonNode root) {
        return root.has("steps") && root.has("before") && root.has("after");
    }

    static PlanRun read(Path source, JsonInput in) {
        JsonNode root = in.root();
        JsonNode provenance = root.path("provenance");
        List<SweepRun.BudgetBound> budgets = new ArrayList<>();
        int i = 0;
        for (JsonNode b : root.path("budgets")) {
            budgets.add(new SweepRun.BudgetBound(in.text(b, "budgets[" + i++ + "].", "metric"),
                    JsonInput.optionalNumber(b, "max"), JsonInput.optionalNumber(b, "min")));
        }
        List<PlanRun.Step> steps = new ArrayList<>();
        i = 0;
        for (JsonNode s : in.array(root, "", "steps")) {
            String path = "steps[" + i++ + "].";
            steps.add(new PlanRun.Step(in.text(s, path, "change"), metrics(in.object(s, path, "metrics"))));
        }
        List<PlanRun.Group> groups = new ArrayList<>();
        i = 0;
        for (JsonNode g : root.path("groups")) {
            String path = "groups[" + i++ + "].";
            groups.add(new PlanRun.Group(groupLabel(in, g, path), in.count(g, path, "baseWidth"),
                    in.count(g, path, "width")));
        }
        String model = JsonInput.optionalText(provenance, "model").orElse("the model");
        return new PlanRun(source, model, JsonInput.optionalText(provenance, "hardware").orElse(""),
                JsonInput.optionalText(provenance, "hardwareSource").orElse(""),
                JsonInput.optionalText(provenance, "precision").orElse("fp32"),
                JsonInput.optionalText(provenance, "convention").orElse("macs"), provenance.path("batch").asInt(1),
                root.path("feasible").asBoolean(true), JsonInput.optionalText(root, "stage").orElse(""),
                JsonInput.optionalText(root, "why").orElse(""), budgets,
                JsonInput.optionalText(root.path("objective"), "name").orElse(""),
                metrics(in.object(root, "", "before")), metrics(in.object(root, "", "after")), steps, groups,
                JsonInput.optionalText(provenance, "plan").orElse(""),
                JsonInput.optionalText(provenance, "planSha256").orElse(""),
                JsonInput.optionalText(provenance, "modelSha256").orElse(""),
                JsonInput.optionalText(provenance.path("tool"), "version").orElse(""));
    }

    private static Map<String, Double> metrics(JsonNode node) {
        return JsonInput.numbers(node, true);
    }

    /**
     * A channel group's label: its name when plan.json gives one, else (ridgeline prune numbers its groups)
     * its first layer and how many more it moves, "conv1 +2".
     */
    private static String groupLabel(JsonInput in, JsonNode g, String path) {
        JsonNode group = g.get("group");
        if (group != null && group.isTextual()) {
            return group.asText();
        }
        JsonNode layers = in.array(g, path, "layers");
        if (layers.isEmpty()) {
            return "group " + (group == null ? "?" : group.asText());
        }
        return layers.get(0).asText() + (layers.size() > 1 ? " +" + (layers.size() - 1) : "");
    }
}
