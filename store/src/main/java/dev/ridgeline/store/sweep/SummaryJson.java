package dev.ridgeline.store.sweep;

import dev.ridgeline.store.format.Json;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ridgeline.search.eval.Metric;
import dev.ridgeline.search.eval.MeasureSetup;
import dev.ridgeline.search.eval.Objective;
import dev.ridgeline.search.job.Budget;
import dev.ridgeline.search.job.Job;
import dev.ridgeline.search.pareto.ParetoPoint;
import dev.ridgeline.search.run.SweepResult;
import dev.ridgeline.search.space.DesignSpace;
import dev.ridgeline.search.space.Coupling;
import dev.ridgeline.search.space.Knob;
import dev.ridgeline.search.strategy.Shard;
import java.io.Writer;
import java.util.List;

/**
 * Writes a sweep's {@code summary.json}: the contract fields first, in this order,
 * <pre>
 * spaceSize (the exact number of points, a JSON integer of any size), pointsEvaluated, feasiblePoints,
 * frontSize, wallSeconds, pointsPerSecond, objectives: [{metric, goal}],
 * budgets: [{metric, max?, min?}] (an absent bound is left out), jobHash (SHA-256 of the job file),
 * </pre>
 * then these additions:
 * <pre>
 * space: {knob name: [choice labels]} (tied choices merged: "0.75|1.0"),
 * spaceSizeAsWritten: the points the job wrote, before tied choices were merged,
 * merged: {knob name: [[the written choices merged into one], ...]} for the knobs where choices tied,
 * moves: {width knob name: [{layers, channels}]}: the channel groups each width knob moves, the layers of
 *        each and its base channels, in the order of the knob's channels column,
 * shard: "2/4" or "all", strategy: what ran with which settings,
 * job: the job file, model: as the job names it, modelSha256: the SHA-256 of the model file read,
 * hardware: device id or null, hardwareSource: where the device's figures come from, precision, convention, batch,
 * tool: {name, version}, feasible: whether any point met the budgets,
 * closest: only when none did and a point was evaluated:
 *          {note, metrics: {metric: value}, choices: {knob: label}, misses: [{metric, value, max?, min?, excess}]},
 * base: the base model's metrics {metric: value},
 * front: [{choices: [index of each knob's label], metrics: {metric: value}}]: the front of pareto.csv, in
 *        its order, with every digit, for tools that read it back (ridgeline merge)
 * </pre>
 * Counts are JSON integers, seconds decimals, an unmeasured metric (latency without a device) null.
 * {@code excess} is how far the value lies outside the budget relative to the bound (0.15: 15% over).
 */
public final class SummaryJson {
    /** The note of {@code closest}. */
    public static final String NO_POINT_MET_THE_BUDGETS = "no point met the budgets; this is the closest point "
            + "(the smallest total excess over the budgets, each relative to its bound)";

    private SummaryJson() {
    }

    /** @param toolVersion the version of Ridgeline that ran the sweep */
    public static void write(SweepResult result, String toolVersion, Writer out) {
        write(tree(result, toolVersion), out);
    }

    /** Writes a summary tree (a sweep's, or a merge of several) as summary.json holds it. */
    public static void write(ObjectNode summary, Writer out) {
        Json.writeDocument(summary, out);
    }

    /** The summary as a JSON tree, fields in the documented order. */
    public static ObjectNode tree(SweepResult result, String toolVersion) {
        Job job = result.job();
        DesignSpace space = result.space().space();
        ObjectNode root = Json.object();
        root.put("spaceSize", result.spaceSize());
        root.put("pointsEvaluated", result.evaluated());
        root.put("feasiblePoints", result.feasible());
        root.put("frontSize", result.front().size());
        root.put("wallSeconds", result.wallSeconds());
        root.put("pointsPerSecond", result.pointsPerSecond());
        ArrayNode objectives = root.putArray("objectives");
        for (Objective o : job.objectives()) {
            objectives.addObject().put("metric", o.metric().id()).put("goal", o.goal().id());
        }
        ArrayNode budgets = root.putArray("budgets");
        for (Budget b : job.budgets()) {
            budget(budgets.addObject(), b);
        }
        root.put("jobHash", job.sha256());

        ObjectNode knobs = root.putObject("space");
        for (Knob k : space.knobs()) {
            ArrayNode labels = knobs.putArray(k.name());
            k.labels().forEach(labels::add);
        }
        root.put("spaceSizeAsWritten", space.sizeAsWritten());
        ObjectNode merged = root.putObject("merged");
        for (Knob k : space.knobs()) {
            if (!k.merged().isEmpty()) {
                ArrayNode ties = merged.putArray(k.name());
                k.merged().forEach(tie -> tie.forEach(ties.addArray()::add));
            }
        }
        ObjectNode moves = root.putObject("moves");
        for (Knob k : space.knobs()) {
            List<Coupling.MovedGroup> groups = Coupling.of(result.space(), k);
            if (!groups.isEmpty()) {
                ArrayNode list = moves.putArray(k.name());
                for (Coupling.MovedGroup g : groups) {
                    ObjectNode group = list.addObject();
                    g.layers().forEach(group.putArray("layers")::add);
                    group.put("channels", g.baseChannels());
                }
            }
        }
        root.put("shard", shard(result.shard()));
        root.put("strategy", result.strategy());
        if (!result.statistics().isEmpty()) {
            root.set("strategyStatistics", Json.tree(result.statistics()));
        }
        root.put("job", job.source());
        root.put("model", job.modelSpec());
        root.put("modelSha256", job.modelSha256());
        MeasureSetup setup = job.setup();
        root.put("hardware", setup.device() == null ? null : setup.device().id());
        root.put("hardwareSource", setup.device() == null ? null : setup.device().source());
        root.put("precision", setup.precision().id());
        root.put("convention", setup.convention().id());
        root.put("batch", setup.batch());
        root.putObject("tool").put("name", "ridgeline").put("version", toolVersion);
        root.put("feasible", result.feasible() > 0);
        if (result.feasible() == 0) {
            result.closest().ifPresent(p -> closest(root.putObject("closest"), p, job, space));
        }
        metrics(root.putObject("base"), result.baseMetrics());
        ArrayNode front = root.putArray("front");
        for (ParetoPoint p : result.front()) {
            ObjectNode row = front.addObject();
            ArrayNode choices = row.putArray("choices");
            for (int c : p.choices()) {
                choices.add(c);
            }
            metrics(row.putObject("metrics"), p.metrics());
        }
        return root;
    }

    /** "all" for the whole space, else the user's 1-based "i/N". */
    static String shard(Shard shard) {
        return shard.count() == 1 ? "all" : shard.toString();
    }

    private static void closest(ObjectNode node, ParetoPoint point, Job job, DesignSpace space) {
        node.put("note", NO_POINT_MET_THE_BUDGETS);
        metrics(node.putObject("metrics"), point.metrics());
        ObjectNode choices = node.putObject("choices");
        int[] c = point.choices();
        for (int k = 0; k < c.length; k++) {
            choices.put(space.knobs().get(k).name(), SweepCells.label(space, k, c[k]));
        }
        ArrayNode misses = node.putArray("misses");
        double[] metrics = point.metrics();
        for (Budget b : job.budgets()) {
            if (!b.allows(metrics)) {
                ObjectNode miss = misses.addObject();
                miss.put("metric", b.metric().id());
                value(miss, "value", b.metric(), metrics[b.metric().ordinal()]);
                bounds(miss, b);
                miss.put("excess", b.excess(metrics));
            }
        }
    }

    private static void budget(ObjectNode node, Budget b) {
        node.put("metric", b.metric().id());
        bounds(node, b);
    }

    private static void bounds(ObjectNode node, Budget b) {
        if (!Double.isNaN(b.max())) {
            value(node, "max", b.metric(), b.max());
        }
        if (!Double.isNaN(b.min())) {
            value(node, "min", b.metric(), b.min());
        }
    }

    private static void metrics(ObjectNode node, double[] metrics) {
        for (Metric m : Metric.values()) {
            value(node, m.id(), m, metrics[m.ordinal()]);
        }
    }

    /** A metric's value: null for NaN, an integer for a whole count, else a decimal. */
    private static void value(ObjectNode node, String field, Metric metric, double v) {
        if (Double.isNaN(v)) {
            node.putNull(field);
        } else if (SweepCells.isCount(metric) && SweepCells.isWhole(v)) {
            node.put(field, (long) v);
        } else {
            node.put(field, v);
        }
    }
}
