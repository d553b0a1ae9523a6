package dev.ridgeline.store.plan;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ridgeline.store.format.Json;
import dev.ridgeline.search.eval.Metric;
import dev.ridgeline.search.job.Budget;
import dev.ridgeline.prune.plan.PlanFile;
import dev.ridgeline.prune.PlanChanges;
import dev.ridgeline.prune.PrunePlan;
import dev.ridgeline.prune.AccuracyFloor;
import dev.ridgeline.search.accuracy.AccuracyPredictor;
import java.io.Writer;

/**
 * Writes a pruning plan's {@code plan.json} (fields in docs/plan-format.md): whether it meets the budgets,
 * which stage of channels-first it needed and why, every channel group's base and new width (and, with
 * channel scores, the channel indices it keeps), every kernel and separable change, the metrics before and
 * after, each step's, the baselines and the provenance.
 */
public final class PlanJson {
    private PlanJson() {
    }

    public static void write(PrunePlan plan, String toolVersion, Writer out) {
        Json.writeDocument(tree(plan, toolVersion), out);
    }

    public static ObjectNode tree(PrunePlan plan, String toolVersion) {
        PlanFile request = plan.request();
        PlanChanges changes = PlanChanges.of(plan);
        ObjectNode root = Json.object();
        root.put("feasible", plan.feasible());
        root.put("stage", String.join("+", plan.stage().stream().sorted().map(PlanFile.Change::id).toList()));
        root.put("why", plan.attempts().stream().map(PrunePlan.StageAttempt::note).reduce((a, b) -> a + "; then " + b)
                .orElse(""));
        ArrayNode budgets = root.putArray("budgets");
        for (Budget b : request.budgets()) {
            ObjectNode o = budgets.addObject().put("metric", b.metric().id());
            if (!Double.isNaN(b.max())) {
                value(o, "max", b.metric(), b.max());
            }
            if (!Double.isNaN(b.min())) {
                value(o, "min", b.metric(), b.min());
            }
        }
        ObjectNode objective = root.putObject("objective");
        objective.put("name", request.objective().id());
        objective.put("base", plan.baseScore());
        objective.put("kept", plan.score());
        objective.put("keptShare", plan.baseScore() == 0 ? Double.NaN : plan.score() / plan.baseScore());
        if (!plan.feasible()) {
            ObjectNode best = root.putObject("bestReachable");
            best.put("note", AccuracyFloor.missesOnlyFloors(request.budgets(), plan.metrics())
                    ? "no plan meets the budgets; these are the figures of the most accurate plan within the other budgets"
                    : "no plan meets the budgets; these are the figures of the plan that cuts the most");
            metrics(best.putObject("metrics"), plan.metrics());
            ArrayNode misses = best.putArray("misses");
            for (Budget b : request.budgets()) {
                if (!b.allows(plan.metrics())) {
                    ObjectNode m = misses.addObject().put("metric", b.metric().id());
                    value(m, "value", b.metric(), plan.metrics()[b.metric().ordinal()]);
                    boolean under = !Double.isNaN(b.min()) && plan.metrics()[b.metric().ordinal()] < b.min();
                    value(m, under ? "min" : "max", b.metric(), under ? b.min() : b.max());
                    m.put("excess", b.excess(plan.metrics()));
                }
            }
        }
        plan.accuracy().ifPresent(p -> accuracy(root.putObject("accuracy"), plan, p));
        // the base model is the space's point of widest choices, so with measured designs its accuracy is predicted
        double[] before = request.baseMetrics();
        plan.accuracy().ifPresent(p -> before[Metric.ACCURACY.ordinal()] = p.predict(plan.baseChoices()));
        metrics(root.putObject("before"), before);
        metrics(root.putObject("after"), plan.metrics());
        ArrayNode stages = root.putArray("stages");
        for (PrunePlan.StageAttempt a : plan.attempts()) {
            ObjectNode s = stages.addObject();
            ArrayNode kinds = s.putArray("changes");
            a.changes().stream().sorted().forEach(c -> kinds.add(c.id()));
            s.put("knobs", a.knobs());
            s.put("spaceSize", new java.math.BigInteger(a.spaceSize()));
            s.put("feasible", a.feasible());
            s.put("note", a.note());
            metrics(s.putObject("reachable"), a.reachable());
        }
        // the knobs of the stage that decided, as measured designs for objective: accuracy name them
        ObjectNode space = root.putObject("space");
        ObjectNode chosen = root.putObject("chosen");
        java.util.List<dev.ridgeline.search.space.Knob> knobs = plan.space().space().knobs();
        for (int k = 0; k < knobs.size(); k++) {
            ArrayNode labels = space.putArray(knobs.get(k).name());
            knobs.get(k).labels().forEach(labels::add);
            chosen.put(knobs.get(k).name(), knobs.get(k).labels().get(plan.chosen()[k]));
        }
        ArrayNode groups = root.putArray("groups");
        for (PlanChanges.GroupChange g : changes.groups()) {
            ObjectNode o = groups.addObject();
            o.put("group", g.id());
            ArrayNode layers = o.putArray("layers");
            g.layers().forEach(layers::add);
            o.put("baseWidth", g.baseWidth());
            o.put("width", g.width());
            o.put("adjustable", g.adjustable());
            if (g.kept() != null) {
                ArrayNode kept = o.putArray("keptChannels");
                for (int i : g.kept()) {
                    kept.add(i);
                }
            }
        }
        ArrayNode kernels = root.putArray("kernels");
        changes.kernels().forEach(k -> kernels.addObject().put("layer", k.layer()).put("from", k.from()).put("to",
                k.to()));
        ArrayNode separable = root.putArray("separable");
        changes.separable().forEach(s -> separable.addObject().put("layer", s).put("from", "standard").put("to",
                "separable"));
        ArrayNode steps = root.putArray("steps");
        for (PrunePlan.Step s : plan.steps()) {
            ObjectNode o = steps.addObject().put("change", s.change().id());
            metrics(o.putObject("metrics"), s.metrics());
        }
        ArrayNode baselines = root.putArray("baselines");
        for (PrunePlan.Baseline b : plan.baselines()) {
            ObjectNode o = baselines.addObject();
            o.put("name", b.name());
            o.put("feasible", b.feasible());
            o.put("setting", b.setting());
            if (b.feasible()) {
                o.put("objective", b.score());
                metrics(o.putObject("metrics"), b.metrics());
            } else {
                o.putNull("objective");
            }
        }
        ObjectNode p = root.putObject("provenance");
        p.put("plan", request.source());
        p.put("planSha256", request.sha256());
        p.put("model", request.modelSpec());
        p.put("modelSha256", request.modelSha256());
        p.put("hardware", request.setup().device() == null ? null : request.setup().device().id());
        p.put("hardwareSource", request.setup().device() == null ? null : request.setup().device().source());
        p.put("precision", request.setup().precision().id());
        p.put("convention", request.setup().convention().id());
        p.put("batch", request.setup().batch());
        p.put("divisor", request.divisor());
        p.put("minKeep", request.minKeep());
        p.put("levels", request.levels());
        p.put("per", request.perStage() ? "stage" : "group");
        p.put("scores", plan.scores().map(s -> s.source()).orElse(null));
        p.put("solver", plan.solver());
        p.put("wallSeconds", plan.wallSeconds());
        p.putObject("tool").put("name", "ridgeline").put("version", toolVersion);
        return root;
    }

    /** How the plan's accuracy was predicted and how far to trust it (docs/accuracy.md). */
    private static void accuracy(ObjectNode node, PrunePlan plan, AccuracyPredictor p) {
        node.put("predictor", p.describe());
        plan.request().accuracy().ifPresent(a -> node.put("measured", a.file()).put("measuredSha256", a.sha256()));
        node.put("designs", p.designs());
        node.put("leaveOneOutRmse", p.looRmse());
        node.put("leaveOneOutMaxAbs", p.looMaxAbs());
        node.put("base", p.predict(plan.baseChoices()));
        node.put("chosen", p.predict(plan.chosen()));
        node.put("extrapolated", p.extrapolated(plan.chosen()));
    }


    private static void metrics(ObjectNode node, double[] metrics) {
        for (Metric m : Metric.values()) {
            value(node, m.id(), m, metrics[m.ordinal()]);
        }
    }

    private static void value(ObjectNode node, String field, Metric metric, double v) {
        if (Double.isNaN(v)) {
            node.putNull(field);
        } else if (metric != Metric.LATENCY_SECONDS && v == Math.rint(v) && Math.abs(v) < 0x1p63) {
            node.put(field, (long) v);
        } else {
            node.put(field, v);
        }
    }
}
