package dev.ridgeline.store.merge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ridgeline.core.BadInputException;
import dev.ridgeline.store.format.JsonLocations;
import dev.ridgeline.search.pareto.ParetoArchive;
import dev.ridgeline.search.pareto.ParetoPoint;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Merges the outputs of one sweep's shards (or of earlier merges) into the output of the whole: the exact
 * front of the union of their points, the counts of the shards they cover, and, when no point met the
 * budgets, the closest point of all. Merging is associative, commutative and idempotent: the shards an
 * output covers are listed in its summary ({@code shards}), and a shard met twice counts once.
 */
public final class SweepMerge {
    private SweepMerge() {
    }

    /** The merged summary.json and pareto.csv. */
    public record Merged(ObjectNode summary, String paretoCsv) {
    }

    /** One shard's counts. */
    private record Part(String shard, long evaluated, long feasible, double wallSeconds) {
        int index() {
            return shard.equals("all") ? 0 : Integer.parseInt(shard.substring(0, shard.indexOf('/'))) - 1;
        }

        int count() {
            return shard.equals("all") ? 1 : Integer.parseInt(shard.substring(shard.indexOf('/') + 1));
        }
    }

    /** What a shard read besides its job: shards that differ in any of these are not one sweep. */
    private static final List<String> PROVENANCE = List.of("modelSha256", "deviceSha256", "hardware", "precision",
            "convention", "batch", "spaceSize", "space");

    public static boolean isSweepOutput(Path dir) {
        return SweepOutput.looksLikeOne(dir);
    }

    public static Merged merge(List<Path> dirs) {
        List<SweepOutput> outputs = dirs.stream().map(SweepOutput::read).toList();
        SweepOutput first = outputs.get(0);
        Map<String, Part> parts = new TreeMap<>();
        Map<String, SweepOutput> partOwner = new HashMap<>();
        for (SweepOutput o : outputs) {
            String hash = o.summary().path("jobHash").asText();
            if (!hash.equals(first.summary().path("jobHash").asText())) {
                throw new BadInputException(JsonLocations.of(o.dir().resolve(SweepOutput.SUMMARY)).at("jobHash")
                        + ": an output of another job (job"
                        + " hash " + abbreviate(hash) + ", " + first.dir() + " has "
                        + abbreviate(first.summary().path("jobHash").asText()) + "); merge only the shards of one job");
            }
            for (String field : PROVENANCE) {
                if (!o.summary().path(field).equals(first.summary().path(field))) {
                    throw new BadInputException(JsonLocations.of(o.dir().resolve(SweepOutput.SUMMARY)).at(field)
                            + ": field '" + field + "' is "
                            + o.summary().path(field) + " where " + first.dir().resolve(SweepOutput.SUMMARY)
                            + " has " + first.summary().path(field) + "; the shards were made from different files"
                            + " (a model or device edited between shards?) and cannot be merged");
                }
            }
            if (!o.header().equals(first.header())) {
                throw new BadInputException(o.dir().resolve(SweepOutput.PARETO) + ": its columns differ from "
                        + first.dir().resolve(SweepOutput.PARETO) + "'s; were they written by different versions?");
            }
            for (Part p : parts(o)) {
                Part known = parts.putIfAbsent(p.shard(), p);
                if (known != null && (known.evaluated() != p.evaluated() || known.feasible() != p.feasible())) {
                    throw new BadInputException(o.dir().resolve(SweepOutput.SUMMARY) + ": shard " + p.shard()
                            + " has other counts than in " + partOwner.get(p.shard()).dir()
                            + "; two different runs of one shard cannot be merged");
                }
                partOwner.putIfAbsent(p.shard(), o);
            }
        }
        int count = parts.values().iterator().next().count();
        for (Part p : parts.values()) {
            if (p.count() != count) {
                throw new BadInputException(partOwner.get(p.shard()).dir() + ": shard " + p.shard() + " of a split"
                        + " into " + p.count() + ", but " + partOwner.get(parts.keySet().iterator().next()).dir()
                        + " holds a split into " + count + "; shards of different splits overlap");
            }
        }
        List<Part> ordered = parts.values().stream().sorted(Comparator.comparingInt(Part::index)).toList();
        // the lowest shard's output gives the fields every shard shares, so the order of inputs never matters
        SweepOutput base = partOwner.get(ordered.get(0).shard());

        ParetoArchive archive = new ParetoArchive(base.objectives());
        Map<List<Integer>, String> lines = new HashMap<>();
        Map<List<Integer>, JsonNode> rowsByChoices = new HashMap<>();
        for (SweepOutput o : outputs) {
            for (int i = 0; i < o.rows().size(); i++) {
                SweepOutput.Row r = o.rows().get(i);
                archive.offer(r.metrics(), r.choices());
                List<Integer> key = Arrays.stream(r.choices()).boxed().toList();
                lines.putIfAbsent(key, r.line());
                rowsByChoices.putIfAbsent(key, o.summary().get("front").get(i));
            }
        }
        StringBuilder csv = new StringBuilder(base.header()).append('\n');
        for (ParetoPoint p : archive.front()) {
            csv.append(lines.get(Arrays.stream(p.choices()).boxed().toList())).append('\n');
        }

        ObjectNode summary = base.summary().deepCopy();
        long evaluated = ordered.stream().mapToLong(Part::evaluated).sum();
        long feasible = ordered.stream().mapToLong(Part::feasible).sum();
        double wall = ordered.stream().mapToDouble(Part::wallSeconds).sum();
        summary.put("pointsEvaluated", evaluated);
        summary.put("feasiblePoints", feasible);
        summary.put("frontSize", archive.size());
        summary.put("wallSeconds", wall);
        summary.put("pointsPerSecond", wall > 0 ? evaluated / wall : 0);
        summary.put("shard", ordered.size() == count ? "all"
                : String.join(",", ordered.stream().map(Part::shard).toList()));
        if (summary.path("strategy").isTextual()) {
            summary.put("strategy", strategy(summary.path("strategy").asText(), ordered, count,
                    summary.path("spaceSize")));
        }
        summary.put("feasible", feasible > 0);
        summary.remove("closest");
        if (feasible == 0) {
            closest(outputs).ifPresent(c -> summary.set("closest", c.deepCopy()));
        }
        summary.remove("front");
        com.fasterxml.jackson.databind.node.ArrayNode front = summary.putArray("front");
        for (ParetoPoint p : archive.front()) {
            front.add(rowsByChoices.get(Arrays.stream(p.choices()).boxed().toList()).deepCopy());
        }
        if (summary.get("accuracy") instanceof ObjectNode accuracy) {
            // the merged front's rows outside the measured range, as each shard's front row says
            ArrayNode rows = accuracy.putArray("extrapolatedFrontRows");
            for (int i = 0; i < front.size(); i++) {
                if (front.get(i).path("extrapolated").asBoolean(false)) {
                    rows.add(i + 1);
                }
            }
        }
        summary.remove("shards");
        if (ordered.size() > 1) {
            ArrayNode shards = summary.putArray("shards");
            for (Part p : ordered) {
                shards.addObject().put("shard", p.shard()).put("pointsEvaluated", p.evaluated())
                        .put("feasiblePoints", p.feasible()).put("wallSeconds", p.wallSeconds());
            }
        }
        return new Merged(summary, csv.toString());
    }

    private static List<Part> parts(SweepOutput o) {
        JsonNode shards = o.summary().get("shards");
        List<Part> out = new ArrayList<>();
        if (shards != null && shards.isArray()) {
            for (JsonNode s : shards) {
                out.add(part(o, s));
            }
        } else {
            out.add(part(o, o.summary()));
        }
        return out;
    }

    private static Part part(SweepOutput o, JsonNode node) {
        String shard = node.path("shard").asText();
        if (!shard.equals("all") && !shard.matches("\\d+/\\d+")) {
            throw new BadInputException(o.dir().resolve(SweepOutput.SUMMARY) + ": shard '" + shard
                    + "' is neither \"all\" nor i/N");
        }
        return new Part(shard, node.path("pointsEvaluated").asLong(), node.path("feasiblePoints").asLong(),
                node.path("wallSeconds").asDouble());
    }

    /**
     * The strategy line of the merge: an exhaustive sweep's "shard i/N, indices [a, b) of S" (or an earlier partial
     * merge's "shards i/N,j/N of S indices") becomes the whole one-process run's "shard 1/1, indices [0, S) of S"
     * when every shard is there, else lists the shards.
     */
    static String strategy(String base, List<Part> ordered, int count, JsonNode spaceSize) {
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("shard \\d+/\\d+, indices \\[\\d+, \\d+\\) of (\\d+)|shards [\\d/,]+ of (\\d+) indices")
                .matcher(base);
        if (!m.find()) {
            return base;
        }
        String size = m.group(1) != null ? m.group(1) : m.group(2);
        String whole = ordered.size() == count ? "shard 1/1, indices [0, " + size + ") of " + size
                : "shards " + String.join(",", ordered.stream().map(Part::shard).toList()) + " of " + size
                        + " indices";
        return base.substring(0, m.start()) + whole + base.substring(m.end());
    }

    /** The closest point of all outputs: the smallest summed excess, ties to the smallest choices. */
    private static java.util.Optional<JsonNode> closest(List<SweepOutput> outputs) {
        JsonNode best = null;
        double bestExcess = Double.POSITIVE_INFINITY;
        int[] bestChoices = null;
        for (SweepOutput o : outputs) {
            JsonNode c = o.summary().get("closest");
            if (c == null || c.isNull()) {
                continue;
            }
            double excess = 0;
            for (JsonNode miss : c.path("misses")) {
                excess += miss.path("excess").asDouble();
            }
            JsonNode space = o.summary().get("space");
            List<String> knobs = new ArrayList<>();
            space.fieldNames().forEachRemaining(knobs::add);
            int[] choices = new int[knobs.size()];
            for (int k = 0; k < choices.length; k++) {
                choices[k] = SweepOutput.choice(space.get(knobs.get(k)), c.path("choices").path(knobs.get(k)).asText(),
                        o.dir().resolve(SweepOutput.SUMMARY) + " (closest)", knobs.get(k));
            }
            if (excess < bestExcess || (excess == bestExcess && Arrays.compare(choices, bestChoices) < 0)) {
                best = c;
                bestExcess = excess;
                bestChoices = choices;
            }
        }
        return java.util.Optional.ofNullable(best);
    }

    private static String abbreviate(String hash) {
        return hash.length() > 12 ? hash.substring(0, 12) + "…" : hash;
    }
}
