package dev.ridgeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code ridgeline prune} end to end: the files it writes, re-analysis of the pruned model, examples. */
class PruneCommandTest {
    private static JsonNode json(Path file) throws Exception {
        return new ObjectMapper().readTree(file.toFile());
    }

    /** analyze of the pruned model gives plan.json's "after" figures exactly. */
    private static void reanalyzed(Path model, JsonNode plan, String device, String precision, String batch)
            throws Exception {
        Run a = Run.of("analyze", model.toString(), "--hardware", device, "--precision", precision, "--batch", batch,
                "--format", "json");
        assertEquals(0, a.exitCode(), a.err());
        JsonNode r = new ObjectMapper().readTree(a.out());
        JsonNode after = plan.get("after");
        assertEquals(after.get("params").longValue(), r.get("totals").get("params").longValue());
        assertEquals(after.get("macs").longValue(), r.get("totals").get("macs").longValue());
        assertEquals(after.get("peakActivationBytes").longValue(),
                r.get("totals").get("peakActivationBytes").longValue());
        assertEquals(after.get("latencySeconds").doubleValue(), r.get("latency").get("totalSeconds").doubleValue(),
                0.0);
    }

    @Test
    void aBudgetNoPlanMeetsIsExplainedAndWritesNoPrunedModelUnlessAskedForTheClosest(@TempDir Path dir)
            throws Exception {
        Path planFile = dir.resolve("tight.yaml");
        Files.writeString(planFile, "model: resnet18\nhardware: t4\nprecision: fp16\nbatch: 1\n"
                + "budgets: {latencySeconds: 5%}\nminKeep: 0.25\ndivisor: 8\n");
        Path out = dir.resolve("plan");
        Run run = Run.of("prune", planFile.toString(), "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("no pruned model: no plan meets the budgets"), run.out());
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(List.of("manifest.json", "plan.json", "plan.md"), files.map(p -> p.getFileName().toString()).sorted()
                    .toList(), "no pruned model of a plan that misses its budget");
        }
        String md = Files.readString(out.resolve("plan.md"));
        assertTrue(md.matches("(?s).*The closest plan \\(.*\\) misses latencySeconds by \\d+\\.\\d+ ms \\(\\d+\\.\\d%"
                + " over its maximum \\d+\\.\\d+ ms: it reaches \\d+\\.\\d+ ms\\).*"), md);
        assertTrue(md.matches("(?s).*What stops it: \\d+ kernels still run, each with the device's fixed overhead"
                + " of \\d+\\.\\d+ ms.*"), md);
        assertTrue(md.contains("as the closest, not as a solution"), md);
        assertFalse(md.contains("-0.0%") || md.contains("+0.0%"), "no step of -0.0%: " + md);
        assertTrue(md.contains("| narrow channel groups |"), "steps in words: " + md);

        Path closest = dir.resolve("closest");
        Run asked = Run.of("prune", planFile.toString(), "--out", closest.toString(), "--closest");
        assertEquals(0, asked.exitCode(), asked.err());
        assertTrue(Files.readString(closest.resolve("closest.yaml")).contains("NOT A SOLUTION"));
        assertFalse(Files.exists(closest.resolve("pruned.yaml")));
    }

    @Test
    void writesThePlanItsReportAndThePrunedModelWhichReanalyzesExactly(@TempDir Path dir) throws Exception {
        Run run = Run.of("prune", "configs/plans/resnet18_t4.yaml", "--out", dir.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("meets the budgets"), run.out());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("manifest.json", "plan.json", "plan.md", "pruned.yaml"),
                    files.map(p -> p.getFileName().toString()).sorted().toList(), "no temp file left");
        }
        JsonNode plan = json(dir.resolve("plan.json"));
        assertTrue(plan.get("feasible").booleanValue());
        assertEquals("channels", plan.get("stage").textValue());
        assertEquals(0, plan.get("kernels").size());
        assertEquals(0, plan.get("separable").size());
        assertTrue(plan.get("after").get("latencySeconds").doubleValue()
                <= plan.get("budgets").get(0).get("max").doubleValue());
        assertTrue(plan.get("objective").get("kept").doubleValue() >= plan.get("baselines").get(1).get("objective")
                .doubleValue());
        assertEquals(64, plan.get("provenance").get("planSha256").textValue().length());
        reanalyzed(dir.resolve("pruned.yaml"), plan, "t4", "fp16", "8");
        String md = Files.readString(dir.resolve("plan.md"));
        assertTrue(md.contains("## Steps") && md.contains("| narrow channel groups |") && md.contains("## Baselines"), md);
    }

    @Test
    void aBudgetNoPlanMeetsExitsZeroAndSaysByHowMuchItMisses(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("plan.yaml");
        Files.writeString(file, "model: resnet18\nhardware: t4\nprecision: fp16\nper: stage\nlevels: 3\n"
                + "budgets: {latencySeconds: 5%}\n");
        Run run = Run.of("prune", file.toString(), "--out", dir.resolve("out").toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode plan = json(dir.resolve("out/plan.json"));
        assertFalse(plan.get("feasible").booleanValue());
        JsonNode miss = plan.get("bestReachable").get("misses").get(0);
        assertEquals("latencySeconds", miss.get("metric").textValue());
        assertTrue(miss.get("excess").doubleValue() > 0);
        assertEquals("channels+kernels+separable", plan.get("stages").get(2).get("changes").toString()
                .replaceAll("[\\[\\]\"]", "").replace(',', '+'));
    }

    @ParameterizedTest
    @ValueSource(strings = {"resnet18_t4", "resnet50_orin_nano", "mobilenet_v2_orin_nano", "vgg16_jetson_nano",
        "googlenet_t4", "alexnet_raspberry_pi", "mobilenet_v2_onnx_orin_nano", "resnet18_t4_accuracy"})
    void everyExamplePlanMeetsItsBudgets(String name, @TempDir Path dir) throws Exception {
        Run run = Run.of("prune", "configs/plans/" + name + ".yaml", "--out", dir.toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode plan = json(dir.resolve("plan.json"));
        assertTrue(plan.get("feasible").booleanValue(), plan.get("why").textValue());
        assertEquals("elimination", plan.get("provenance").get("solver").textValue());
        String[] reference = referenceScore(name);
        assertEquals(reference[1], plan.get("objective").get("name").textValue());
        double kept = plan.get("objective").get("kept").doubleValue();
        double before = Double.parseDouble(reference[2]);
        assertTrue(kept >= before - 1e-12 * Math.abs(before), name + " keeps " + kept + ", the frontier programme "
                + before);
        for (JsonNode b : plan.get("budgets")) {
            double after = plan.get("after").get(b.get("metric").textValue()).doubleValue();
            assertTrue(b.has("max") || b.has("min"), b.toString());
            assertTrue(!b.has("max") || after <= b.get("max").doubleValue(), b.toString());
            assertTrue(!b.has("min") || after >= b.get("min").doubleValue(), b.toString());
        }
        if (name.contains("onnx")) {
            assertTrue(Files.exists(dir.resolve("pruned.onnx")), run.out());
            JsonNode p = plan.get("provenance");
            reanalyzed(dir.resolve("pruned.onnx"), plan, p.get("hardware").textValue(),
                    p.get("precision").textValue(), "1");
            assertTrue(plan.get("groups").findValues("keptChannels").size() > 0);
        }
    }

    /** The example's row of plan-example-scores.csv: name, objective, what the frontier programme kept. */
    private static String[] referenceScore(String name) throws Exception {
        try (var in = PruneCommandTest.class.getResourceAsStream("/plan-example-scores.csv")) {
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            return text.lines().filter(l -> l.startsWith(name + ",")).map(l -> l.split(",")).findFirst()
                    .orElseThrow(() -> new AssertionError("no reference score for " + name));
        }
    }
}
