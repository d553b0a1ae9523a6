package dev.ridgeline.batch;

import dev.ridgeline.store.batch.BatchJob;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.hash.Hashing;
import dev.ridgeline.core.BadInputException;
import dev.ridgeline.core.io.yaml.YamlMap;
import dev.ridgeline.core.io.yaml.YamlNode;
import dev.ridgeline.search.job.JobReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a batch file (see docs/batch-format.md) and expands it into jobs: the {@code matrix} over the
 * {@code base} job (every combination of its values, less those matching an {@code exclude} entry),
 * then the listed {@code jobs}. Mistakes in the batch file itself are bad input naming file:line:column;
 * mistakes inside a job (an unknown device, a missing model file) surface when that job runs, so the
 * others still can.
 */
public final class BatchReader {
    private static final Set<String> TOP = Set.of("name", "description", "base", "matrix", "exclude", "jobs");
    private static final Set<String> ENTRY = Set.of("name", "job", "plan", "set");
    /** More jobs than this is a typo in a matrix, not a batch anyone runs. */
    public static final int MAX_JOBS = 100_000;

    private BatchReader() {
    }

    public static Batch read(Path file) {
        String text = YamlNode.readText(file);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        String source = file.toString();
        YamlNode root = YamlNode.parse(source, new StringReader(text));
        JsonNode tree = JobTrees.parse(source, text);
        Path dir = file.toAbsolutePath().normalize().getParent();
        String what = "a batch file";
        YamlMap top = root.asMap(what).allowOnly(what, TOP);
        if (!top.has("matrix") && !top.has("jobs") && !top.has("base")) {
            throw root.error("a batch file needs 'base' with a 'matrix', or a list of 'jobs'");
        }

        List<Expanded> expanded = new ArrayList<>();
        if (top.get("base").isPresent()) {
            YamlNode baseNode = top.require("base", what);
            ObjectNode base = JobTrees.jobTree(baseNode, tree.get("base"), dir);
            if (top.get("matrix").isPresent()) {
                Matrix matrix = Matrix.read(top.require("matrix", what), tree.get("matrix"));
                List<Map<String, JsonNode>> excluded = top.get("exclude")
                        .map(n -> matrix.readExclude(n, tree.get("exclude"))).orElse(List.of());
                for (Map<String, JsonNode> combination : matrix.combinations(MAX_JOBS)) {
                    if (excluded.stream().noneMatch(x -> Matrix.matches(x, combination))) {
                        ObjectNode job = base.deepCopy();
                        combination.forEach((field, value) -> JobTrees.set(job, field, value));
                        Map<String, String> varied = Matrix.texts(combination);
                        expanded.add(new Expanded(BatchJob.Kind.SWEEP, job, matrix.slug(combination), top.key("matrix").location()
                                + " (matrix: " + String.join(", ", varied.entrySet().stream()
                                .map(e -> e.getKey() + "=" + e.getValue()).toList()) + ")", varied));
                    }
                }
            } else {
                expanded.add(new Expanded(BatchJob.Kind.SWEEP, base, "base", baseNode.location() + " (base)", Map.of()));
            }
        } else if (top.get("matrix").isPresent()) {
            throw top.key("matrix").error("a matrix varies a job: give the job it varies as 'base'");
        }
        top.get("jobs").ifPresent(list -> {
            List<YamlNode> items = list.asList("field 'jobs'");
            for (int i = 0; i < items.size(); i++) {
                expanded.add(entry(items.get(i), tree.get("jobs").get(i), i, dir));
            }
        });
        if (expanded.isEmpty()) {
            throw root.error("the batch has no job: its exclude entries remove every combination of the matrix");
        }
        if (expanded.size() > MAX_JOBS) {
            throw root.error("the batch expands into %,d jobs; at most %,d are allowed", expanded.size(), MAX_JOBS);
        }

        List<BatchJob> jobs = new ArrayList<>();
        Map<String, String> ids = new LinkedHashMap<>();
        for (int i = 0; i < expanded.size(); i++) {
            Expanded e = expanded.get(i);
            String yaml = JobTrees.write(e.job());
            String hash = Hashing.sha256().hashString(yaml, StandardCharsets.UTF_8).toString();
            String id = JobTrees.slug(e.slug()) + "-" + hash.substring(0, 8);
            String previous = ids.putIfAbsent(id, e.origin());
            if (previous != null) {
                throw new BadInputException(e.origin() + ": the same job as " + previous
                        + " (identical after expansion); remove one of them");
            }
            jobs.add(new BatchJob(i, e.kind(), id, hash, yaml, dir, e.origin(), e.varied(), JobTrees.text(e.job(), "model"),
                    JobTrees.text(e.job(), "hardware"), JobTrees.text(e.job(), "precision"),
                    Skips.reason(e.job(), dir)));
        }
        String sha = Hashing.sha256().hashBytes(bytes).toString();
        return new Batch(source, sha, jobs);
    }

    /** A listed job: a job file, or {job: FILE or a map, name?, set?: {field: value}}, or the same with plan:. */
    private static Expanded entry(YamlNode node, JsonNode tree, int index, Path dir) {
        String what = "entry " + (index + 1) + " of 'jobs'";
        if (node.isScalar()) {
            ObjectNode job = JobTrees.jobTree(node, tree, dir);
            return new Expanded(BatchJob.Kind.SWEEP, job, JobTrees.stem(node.text(what)), node.location() + " (jobs)",
                    Map.of());
        }
        YamlMap map = node.asMap(what + " (a job file, or a map with 'job' or 'plan' and optionally 'name' and 'set')")
                .allowOnly(what, ENTRY);
        if (map.has("job") == map.has("plan")) {
            throw node.error("%s needs either 'job' (a sweep: a job file or an inline job) or 'plan' (a pruning"
                    + " plan: a plan file or an inline plan)", what);
        }
        BatchJob.Kind kind = map.has("plan") ? BatchJob.Kind.PLAN : BatchJob.Kind.SWEEP;
        String entryField = kind == BatchJob.Kind.PLAN ? "plan" : "job";
        YamlNode jobNode = map.require(entryField, what);
        ObjectNode job = JobTrees.jobTree(jobNode, tree.get(entryField), dir);
        Map<String, String> varied = new LinkedHashMap<>();
        map.get("set").ifPresent(set -> {
            YamlMap fields = set.asMap(what + "'s 'set'");
            for (String field : fields.fields()) {
                Matrix.checkField(fields.key(field), field);
                JsonNode value = tree.get("set").get(field);
                JobTrees.set(job, field, value);
                varied.put(field, JobTrees.display(value));
            }
        });
        String name = map.text("name", what).orElseGet(() -> jobNode.isScalar()
                ? JobTrees.stem(jobNode.text(what)) : "job" + (index + 1));
        return new Expanded(kind, job, name, node.location() + " (jobs)", varied);
    }

    private record Expanded(BatchJob.Kind kind, ObjectNode job, String slug, String origin,
                            Map<String, String> varied) {
    }

    /** The job fields a matrix, an exclude entry or a 'set' may name (a dotted path reaches inside one). */
    static Set<String> fields() {
        return JobReader.FIELDS;
    }
}
