package dev.ridgeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ridgeline sweep} end to end: the files it writes, shards, budgets nothing meets, bad jobs. */
class SweepCommandTest {
    static final String RESNET18 = "configs/jobs/resnet18_t4.yaml";

    @Test
    void writesTheSummaryTheFrontAndEveryPoint(@TempDir Path dir) throws Exception {
        Run run = Run.of("sweep", RESNET18, "--out", dir.toString(), "--all-points");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("sweeping resnet18 on t4 (fp16, batch 8): a space of 15,552 points"),
                run.out());
        assertTrue(run.out().contains("Pareto front (latencySeconds min, macs max, peakActivationBytes min):"),
                run.out());
        JsonNode summary = summary(dir);
        assertEquals(15_552, summary.get("spaceSize").longValue());
        assertEquals(15_552, summary.get("pointsEvaluated").longValue());
        assertTrue(summary.get("feasible").booleanValue());
        List<String> points = Files.readAllLines(dir.resolve("points.csv"));
        assertEquals(15_552 + 1, points.size());
        assertTrue(points.get(0).startsWith("index,params,macs,flops,latencySeconds,peakActivationBytes,"
                + "weightBytes,"), points.get(0));
        assertTrue(points.get(0).endsWith(",feasible"), points.get(0));
        List<String> pareto = Files.readAllLines(dir.resolve("pareto.csv"));
        assertEquals(summary.get("frontSize").intValue() + 1, pareto.size());
        assertEquals(points.get(0).substring("index,".length(), points.get(0).length() - ",feasible".length()),
                pareto.get(0));
        assertEquals(summary.get("feasiblePoints").longValue(),
                points.stream().skip(1).filter(l -> l.endsWith(",true")).count());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("manifest.json", "pareto.csv", "points.csv", "summary.json"),
                    files.map(p -> p.getFileName().toString()).sorted().toList(), "no temp file left");
        }
    }

    @Test
    void theWrittenFilesAreNamedAsTheUserGaveTheFolder(@TempDir Path dir) {
        // a relative folder two levels below one that exists: creating it must not make the printed path absolute
        String out = Path.of("").toAbsolutePath().relativize(dir.resolve("new/run")).toString();
        assertFalse(Path.of(out).isAbsolute(), out);
        Run run = Run.of("sweep", RESNET18, "--out", out, "--all-points");
        assertEquals(0, run.exitCode(), run.err());
        String sep = java.io.File.separator;
        assertTrue(run.out().endsWith("wrote " + out + sep + "points.csv, " + out + sep + "pareto.csv, " + out + sep
                + "summary.json\n"), run.out());
    }

    @Test
    void withoutAllPointsThereIsNoPointsCsvAndAnEarlierOneIsRemoved(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("a/b");
        Files.createDirectories(out);
        Files.writeString(out.resolve("points.csv"), "stale\n");
        Run run = Run.of("sweep", RESNET18, "--out", out.toString(), "--threads", "2");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(Files.exists(out.resolve("summary.json")) && Files.exists(out.resolve("pareto.csv")));
        assertFalse(Files.exists(out.resolve("points.csv")));
        assertTrue(run.err().contains("removed"), run.err());
    }

    @Test
    void theOutputFolderIsCreated(@TempDir Path dir) {
        Path out = dir.resolve("new/nested");
        Run run = Run.of("sweep", RESNET18, "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(Files.exists(out.resolve("summary.json")));
    }

    @Test
    void theSecondOfTwoShardsEvaluatesTheSecondHalf(@TempDir Path dir) throws Exception {
        Run run = Run.of("sweep", RESNET18, "--out", dir.toString(), "--all-points", "--shard", "2/2");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode summary = summary(dir);
        long size = summary.get("spaceSize").longValue();
        assertEquals(size - size / 2, summary.get("pointsEvaluated").longValue());
        assertEquals("2/2", summary.get("shard").asText());
        List<String> rows = Files.readAllLines(dir.resolve("points.csv"));
        assertEquals(Long.toString(size / 2), rows.get(1).substring(0, rows.get(1).indexOf(',')));
        String last = rows.get(rows.size() - 1);
        assertEquals(Long.toString(size - 1), last.substring(0, last.indexOf(',')));
        assertTrue(run.out().contains("shard 2/2 takes 7,776 of them"), run.out());
    }

    @Test
    void aBudgetNothingMeetsIsNotAnErrorAndTheClosestPointIsNamed(@TempDir Path dir) throws Exception {
        Path job = dir.resolve("tight.yaml");
        Files.writeString(job, """
                model: resnet18
                hardware: t4
                precision: fp16
                space:
                  width: {stages: ["layer*"], multipliers: [0.5, 1.0]}
                budgets: {params: {max: 1000}, latencySeconds: {max: 1.0e-6}}
                """);
        Path out = dir.resolve("out");
        Run run = Run.of("sweep", job.toString(), "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("No point met the budgets (params <= 1 k, latencySeconds <= 1.00 us)"),
                run.out());
        assertTrue(run.out().contains("Closest point") && run.out().contains("width:layer1="), run.out());
        JsonNode summary = summary(out);
        assertFalse(summary.get("feasible").booleanValue());
        assertEquals(0, summary.get("frontSize").intValue());
        assertTrue(summary.get("closest").get("note").asText().startsWith("no point met the budgets"));
        assertEquals("0.5", summary.get("closest").get("choices").get("width:layer4").asText(),
                "the thinnest point is the closest");
        assertEquals(1, Files.readAllLines(out.resolve("pareto.csv")).size(), "only the header");
    }

    @Test
    void anUnknownMetricInTheBudgetsIsBadInputWithTheLine(@TempDir Path dir) throws Exception {
        Path job = dir.resolve("bad.yaml");
        Files.writeString(job, """
                model: resnet18
                space:
                  kernel: {stages: [layer4], choices: [3, 5]}
                budgets: {parms: {max: 1.0e6}}
                """);
        Run run = Run.of("sweep", job.toString(), "--out", dir.resolve("out").toString()).assertCleanBadInput();
        assertTrue(run.err().contains("bad.yaml:4:"), run.err());
        assertTrue(run.err().contains("unknown metric 'parms'"), run.err());
        assertFalse(Files.exists(dir.resolve("out")), "nothing written for a bad job");
    }

    @Test
    void aGlobThatMatchesNothingIsBadInputWithTheLine(@TempDir Path dir) throws Exception {
        Path job = dir.resolve("glob.yaml");
        Files.writeString(job, """
                model: resnet18
                space:
                  kernel: {layers: "*.nothing_here", choices: [3, 5]}
                """);
        Run run = Run.of("sweep", job.toString(), "--out", dir.resolve("out").toString()).assertCleanBadInput();
        assertTrue(run.err().contains("glob.yaml:3:"), run.err());
        assertTrue(run.err().contains("*.nothing_here"), run.err());
    }

    @Test
    void commandLineMistakesAreBadInput(@TempDir Path dir) throws Exception {
        String out = dir.resolve("out").toString();
        assertTrue(Run.of("sweep", RESNET18, "--out", out, "--shard", "3/2").assertCleanBadInput().err()
                .contains("--shard 3/2"));
        assertTrue(Run.of("sweep", RESNET18, "--out", out, "--threads", "0").assertCleanBadInput().err()
                .contains("--threads"));
        assertTrue(Run.of("sweep", RESNET18).assertCleanBadInput().err().contains("--out"));
        assertTrue(Run.of("sweep", dir.resolve("none.yaml").toString(), "--out", out).assertCleanBadInput().err()
                .contains("none.yaml: no such file"));
        Path file = dir.resolve("file");
        Files.writeString(file, "x");
        assertTrue(Run.of("sweep", RESNET18, "--out", file.toString()).assertCleanBadInput().err()
                .contains("a file of that name exists"));
    }

    @Test
    void aFailedWriteLeavesNoSummaryAndNoTempFile(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("pareto.csv"));
        Run run = Run.of("sweep", RESNET18, "--out", dir.toString());
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("pareto.csv: it is a directory"), run.err());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("pareto.csv"), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void theSpaceSizeIsAnExactInteger(@TempDir Path dir) throws Exception {
        Run run = Run.of("sweep", RESNET18, "--out", dir.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(BigInteger.valueOf(15_552), summary(dir).get("spaceSize").bigIntegerValue());
        assertTrue(Files.readString(dir.resolve("summary.json")).startsWith("{\n  \"spaceSize\": 15552,\n"));
    }

    static JsonNode summary(Path dir) throws Exception {
        return new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
    }
}
