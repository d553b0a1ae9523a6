package dev.ridgeline.batch;

import dev.ridgeline.store.batch.BatchJob;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.core.BadInputException;
import dev.ridgeline.search.job.Job;
import dev.ridgeline.search.job.JobReader;
import dev.ridgeline.search.eval.Metric;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Expanding batch files into jobs: matrices, exclusions, listed jobs, skips and mistakes. */
class BatchReaderTest {
    private static final String BASE = """
            base:
              model: resnet18
              hardware: t4
              precision: fp16
              space: {width: {stages: "*", multipliers: [0.5, 1.0], per: all}}
            """;

    private static Batch read(Path dir, String text) throws Exception {
        Path file = dir.resolve("batch.yaml");
        Files.writeString(file, text);
        return BatchReader.read(file);
    }

    @Test
    void aMatrixExpandsIntoEveryCombinationLastFieldFastest(@TempDir Path dir) throws Exception {
        Batch b = read(dir, BASE + """
                matrix:
                  model: [resnet18, mobilenet_v2]
                  precision: [fp16, int8]
                  budgets.latencySeconds.max: [0.001, 0.002]
                """);
        assertEquals(8, b.jobs().size());
        List<String> prefixes = b.jobs().stream().map(j -> j.id().substring(0, j.id().lastIndexOf('-'))).toList();
        assertEquals(List.of("resnet18-fp16-0.001", "resnet18-fp16-0.002", "resnet18-int8-0.001",
                "resnet18-int8-0.002", "mobilenet_v2-fp16-0.001", "mobilenet_v2-fp16-0.002",
                "mobilenet_v2-int8-0.001", "mobilenet_v2-int8-0.002"), prefixes);
        BatchJob last = b.jobs().get(7);
        assertEquals(7, last.order());
        assertEquals("mobilenet_v2", last.model());
        assertEquals("int8", last.precision());
        assertEquals("0.002", last.varied().get("budgets.latencySeconds.max"));
        // the resolved job is a real job: the dotted path made a budget
        Job job = JobReader.read("x.yaml", last.jobYaml().getBytes(StandardCharsets.UTF_8), last.baseDir());
        assertEquals(Metric.LATENCY_SECONDS, job.budgets().get(0).metric());
        assertEquals(0.002, job.budgets().get(0).max());
        assertEquals("mobilenet_v2", job.modelSpec());
        assertTrue(last.id().endsWith("-" + last.hash().substring(0, 8)), last.id());
    }

    @Test
    void excludedCombinationsAreDroppedAndListedJobsFollowTheMatrix(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("other.yaml"), """
                model: vgg16
                space: {width: {stages: "*", multipliers: [0.5, 1.0], per: all}}
                """);
        Batch b = read(dir, BASE + """
                matrix:
                  model: [resnet18, mobilenet_v2]
                  precision: [fp16, int8]
                exclude:
                  - {model: mobilenet_v2, precision: int8}
                jobs:
                  - other.yaml
                  - {name: other-fp16, job: other.yaml, set: {precision: fp16}}
                """);
        assertEquals(5, b.jobs().size());
        assertTrue(b.jobs().stream().noneMatch(j -> j.model().equals("mobilenet_v2") && j.precision().equals("int8")));
        assertTrue(b.jobs().get(3).id().startsWith("other-"), b.jobs().get(3).id());
        assertTrue(b.jobs().get(4).id().startsWith("other-fp16-"), b.jobs().get(4).id());
        assertEquals("fp16", b.jobs().get(4).precision());
        assertTrue(b.jobs().get(3).origin().contains("batch.yaml:"), b.jobs().get(3).origin());
    }

    @Test
    void aDeviceLackingThePrecisionIsSkippedWithTheReason(@TempDir Path dir) throws Exception {
        Batch b = read(dir, BASE + """
                matrix:
                  hardware: [t4, jetson-nano]
                  precision: [fp16, int8]
                """);
        List<BatchJob> skipped = b.jobs().stream().filter(j -> j.skipReason().isPresent()).toList();
        assertEquals(1, skipped.size());
        assertEquals("jetson-nano", skipped.get(0).hardware());
        assertTrue(skipped.get(0).skipReason().get().contains("has no int8 figures; it supports fp64, fp32, fp16"),
                skipped.get(0).skipReason().get());
    }

    @Test
    void theSameBatchGivesTheSameIdsAndAnotherValueAnotherHash(@TempDir Path dir) throws Exception {
        String text = BASE + "matrix: {precision: [fp16, int8]}\n";
        Batch a = read(dir, text);
        Batch b = read(dir, text);
        assertEquals(a.jobs(), b.jobs());
        Batch c = read(dir, text.replace("multipliers: [0.5, 1.0]", "multipliers: [0.25, 1.0]"));
        assertNotEquals(a.jobs().get(0).hash(), c.jobs().get(0).hash());
    }

    @Test
    void relativeModelPathsOfABaseJobFileAreRebasedOntoTheBatchFolder(@TempDir Path dir) throws Exception {
        Path jobs = Files.createDirectories(dir.resolve("jobs"));
        Files.copy(Path.of("configs/zoo/resnet18.yaml"), jobs.resolve("net.yaml"));
        Files.writeString(jobs.resolve("base.yaml"), """
                model: net.yaml
                space: {width: {stages: "*", multipliers: [0.5, 1.0], per: all}}
                """);
        Batch b = read(dir, "base: jobs/base.yaml\nmatrix: {batch: [1, 2]}\n");
        assertEquals("jobs/net.yaml", b.jobs().get(0).model());
        Job job = JobReader.read("x", b.jobs().get(1).jobYaml().getBytes(StandardCharsets.UTF_8),
                b.jobs().get(1).baseDir());
        assertEquals(2, job.setup().batch());
    }

    @Test
    void mistakesInTheBatchFileNameTheLineAndWhatIsAllowed(@TempDir Path dir) {
        assertError(dir, BASE + "matrix: {modle: [resnet18]}\n", "batch.yaml:6:10", "'modle' is not a job field");
        assertError(dir, BASE + "matrix: {precision: []}\n", "batch.yaml:6:21", "has no value");
        assertError(dir, BASE + "matrix: {precision: [fp16, fp16]}\n", "batch.yaml:6:28", "lists fp16 twice");
        assertError(dir, BASE + "matrix: {precision: [fp16]}\nexclude: [{precision: fp61}]\n", "batch.yaml:7",
                "fp61 is not among the matrix's values of precision: fp16");
        assertError(dir, BASE + "matrix: {precision: [fp16]}\nexclude: [{batch: 2}]\n", "batch.yaml:7",
                "which the matrix does not vary");
        assertError(dir, "matrix: {precision: [fp16]}\n", "batch.yaml:1:1", "give the job it varies as 'base'");
        assertError(dir, BASE + "matrics: {precision: [fp16]}\n", "batch.yaml:6:1", "unknown field 'matrics'");
        assertError(dir, "jobs: [missing.yaml]\n", "batch.yaml:1:8", "no such job or plan file");
        assertError(dir, BASE + "matrix: {precision: [fp16]}\nexclude: [{precision: fp16}]\n", "batch.yaml:1:1",
                "exclude entries remove every combination");
    }

    private static void assertError(Path dir, String text, String where, String what) {
        BadInputException e = assertThrows(BadInputException.class, () -> read(dir, text));
        assertTrue(e.getMessage().startsWith(dir.resolve("batch.yaml") + where.substring("batch.yaml".length()))
                && e.getMessage().contains(what), e.getMessage());
    }
}
