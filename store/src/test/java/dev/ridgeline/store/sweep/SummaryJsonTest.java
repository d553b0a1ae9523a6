package dev.ridgeline.store.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ridgeline.search.job.Job;
import dev.ridgeline.search.pareto.ParetoPoint;
import dev.ridgeline.search.run.SweepResult;
import dev.ridgeline.search.space.ResolvedSpace;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummaryJsonTest {
    private static final Job JOB = SweepResults.resnet18();
    private static final ResolvedSpace SPACE = SweepResults.space(JOB);

    @Test
    void theContractFieldsComeFirstInTheirOrderThenTheAdditions() throws Exception {
        JsonNode json = parse(feasible());
        List<String> fields = new ArrayList<>();
        json.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("spaceSize", "pointsEvaluated", "feasiblePoints", "frontSize", "wallSeconds",
                "pointsPerSecond", "objectives", "budgets", "jobHash", "space", "spaceSizeAsWritten", "merged", "moves", "shard", "strategy", "job", "model",
                "modelSha256", "hardware", "hardwareSource", "deviceSha256", "precision", "convention", "batch", "tool", "feasible",
                "base", "front"), fields);
    }

    @Test
    void countsAreIntegersAndTimesDecimals() throws Exception {
        JsonNode json = parse(feasible());
        assertTrue(json.get("spaceSize").isIntegralNumber());
        assertEquals(SPACE.space().size(), json.get("spaceSize").bigIntegerValue());
        assertTrue(json.get("pointsEvaluated").isIntegralNumber());
        assertEquals(1000, json.get("pointsEvaluated").longValue());
        assertEquals(40, json.get("feasiblePoints").longValue());
        assertEquals(1, json.get("frontSize").intValue());
        assertTrue(json.get("wallSeconds").isFloatingPointNumber());
        assertEquals(2.5, json.get("wallSeconds").doubleValue());
        assertEquals(400.0, json.get("pointsPerSecond").doubleValue());
        assertTrue(json.get("base").get("params").isIntegralNumber());
        assertEquals(11_689_512, json.get("base").get("params").longValue());
        assertTrue(json.get("base").get("latencySeconds").isNull(), "NaN is null");
    }

    @Test
    void objectivesBudgetsAndProvenanceComeFromTheJob() throws Exception {
        JsonNode json = parse(feasible());
        assertEquals("[{\"metric\":\"latencySeconds\",\"goal\":\"min\"},{\"metric\":\"macs\",\"goal\":\"max\"},"
                + "{\"metric\":\"peakActivationBytes\",\"goal\":\"min\"}]", json.get("objectives").toString());
        JsonNode budget = json.get("budgets").get(0);
        assertEquals("weightBytes", budget.get("metric").asText());
        assertEquals(JOB.budgets().get(0).max(), budget.get("max").doubleValue());
        assertFalse(budget.has("min"), "an absent bound is left out: " + budget);
        assertEquals(JOB.sha256(), json.get("jobHash").asText());
        assertEquals(64, json.get("jobHash").asText().length());
        assertEquals("all", json.get("shard").asText());
        assertEquals("t4", json.get("hardware").asText());
        assertEquals("fp16", json.get("precision").asText());
        assertEquals(8, json.get("batch").intValue());
        assertEquals("resnet18", json.get("model").asText());
        assertEquals(com.google.common.hash.Hashing.sha256().hashBytes(java.nio.file.Files.readAllBytes(
                java.nio.file.Path.of("configs/zoo/resnet18.yaml"))).toString(), json.get("modelSha256").asText());
        assertEquals("NVIDIA T4 datasheet", json.get("hardwareSource").asText());
        assertEquals("{\"name\":\"ridgeline\",\"version\":\"9.9.9\"}", json.get("tool").toString());
        assertTrue(json.get("feasible").booleanValue());
        assertEquals("[\"0.5\",\"0.75\",\"1.0\"]", json.get("space").get("width:layer3").toString());
        assertEquals("[\"standard\",\"separable\"]", json.get("space").get("separable:layer4").toString());
    }

    @Test
    void budgetsKeepOnlyTheBoundsTheyHave(@TempDir Path dir) throws Exception {
        Job job = SweepResults.job(dir, """
                model: resnet18
                space: {kernel: {stages: [layer4], choices: [3, 5]}}
                budgets: {params: {min: 1000000}, macs: {max: 2.5e9, min: 1.0e9}, flops: 5e9}
                """);
        SweepResult r = SweepResults.result(job, SweepResults.space(job), 2, 0, List.of(), Optional.empty(),
                Optional.empty());
        JsonNode json = parse(r);
        assertEquals("[{\"metric\":\"params\",\"min\":1000000},{\"metric\":\"macs\",\"max\":2500000000,"
                + "\"min\":1000000000},{\"metric\":\"flops\",\"max\":5000000000}]", json.get("budgets").toString());
        assertTrue(json.get("hardware").isNull(), "no device: " + json.get("hardware"));
        assertEquals("[{\"metric\":\"params\",\"goal\":\"min\"},{\"metric\":\"macs\",\"goal\":\"max\"}]",
                json.get("objectives").toString());
    }

    @Test
    void aSpaceBeyondSixtyFourBitsIsAnExactInteger() throws Exception {
        ResolvedSpace huge = SweepResults.abstractSpace(JOB, 70, List.of("a", "b"));
        SweepResult r = SweepResults.result(JOB, huge, 5, 0, List.of(), Optional.empty(), Optional.empty());
        String text = write(r);
        assertTrue(text.contains("\"spaceSize\": 1180591620717411303424,"), text);
        assertEquals(BigInteger.TWO.pow(70), parse(r).get("spaceSize").bigIntegerValue());
    }

    @Test
    void withNoFeasiblePointTheSummaryNamesTheClosestAndHowItMisses() throws Exception {
        int[] choices = new int[SPACE.space().knobCount()];
        double max = JOB.budgets().get(0).max();
        ParetoPoint closest = SweepResults.point(SweepResults.metrics(6e6, 1e9, 1e9, 0.004, 1e6, max * 1.25), choices);
        SweepResult r = SweepResults.result(JOB, SPACE, 1000, 0, List.of(), Optional.of(closest), Optional.empty());
        JsonNode json = parse(r);
        assertFalse(json.get("feasible").booleanValue());
        JsonNode c = json.get("closest");
        assertEquals(SummaryJson.NO_POINT_MET_THE_BUDGETS, c.get("note").asText());
        assertTrue(c.get("note").asText().startsWith("no point met the budgets"));
        assertEquals(6_000_000, c.get("metrics").get("params").longValue());
        assertEquals(0.004, c.get("metrics").get("latencySeconds").doubleValue());
        assertEquals("0.5", c.get("choices").get("width:layer3").asText());
        assertEquals("standard", c.get("choices").get("separable:layer4").asText());
        JsonNode miss = c.get("misses").get(0);
        assertEquals("weightBytes", miss.get("metric").asText());
        assertEquals(0.25, miss.get("excess").doubleValue(), 1e-12);
        List<String> fields = new ArrayList<>();
        json.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("feasible", "closest", "base", "front"), fields.subList(fields.size() - 4, fields.size()));
    }

    @Test
    void aFeasibleSweepHasNoClosest() throws Exception {
        assertFalse(parse(feasible()).has("closest"));
    }

    @Test
    void theTreeAndTheTextAgree() throws Exception {
        ObjectNode tree = SummaryJson.tree(feasible(), "9.9.9");
        assertEquals(tree.toString(), parse(feasible()).toString());
    }

    @Test
    void aShardIsNamedIOfNTheDeviceByAHashOfItsFiguresAndEachWidthKnobByTheGroupsItMoves() throws Exception {
        SweepResult whole = feasible();
        SweepResult shard = new SweepResult(JOB, SPACE, new dev.ridgeline.search.strategy.Shard(1, 4), 250, 10,
                whole.front(), 1.0, Optional.empty(), Optional.empty(), "exhaustive", whole.baseMetrics());
        JsonNode json = parse(shard);
        assertEquals("2/4", json.get("shard").asText());
        String device = json.get("deviceSha256").asText();
        assertTrue(device.matches("[0-9a-f]{64}"), device);
        // not the hash of nothing: SHA-256 of the empty text
        assertFalse(device.equals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"), device);
        assertEquals(device, parse(whole).get("deviceSha256").asText(), "the same figures, the same hash");
        // ResNet-18's widths 0.5, 0.75 and 1.0 of 32 to 512 channels never tie: nothing merged
        assertEquals("{}", json.get("merged").toString());
        // layer3 moves its residual stream and the inner convolution of each of its two blocks, 256 channels each
        JsonNode layer3 = json.get("moves").get("width:layer3");
        assertEquals(3, layer3.size(), layer3.toString());
        for (JsonNode group : layer3) {
            assertEquals(256, group.get("channels").asInt(), layer3.toString());
            assertTrue(group.get("layers").size() >= 1, layer3.toString());
        }
        assertFalse(json.get("moves").has("kernel:layer3"), "only width knobs move channels");
        assertFalse(json.get("moves").has("separable:layer4"));
        assertFalse(json.get("front").get(0).has("extrapolated"), "no predictor, no extrapolated");
        assertEquals(5_000_000, json.get("front").get(0).get("metrics").get("params").longValue());
        assertFalse(json.get("front").get(0).get("metrics").has("accuracy"), "no predictor, no accuracy");
    }

    @Test
    void aClosestPointsMissGivesItsValueAndTheBound() throws Exception {
        int[] choices = new int[SPACE.space().knobCount()];
        double max = JOB.budgets().get(0).max();
        ParetoPoint closest = SweepResults.point(SweepResults.metrics(6e6, 1e9, 1e9, 0.004, 1e6, max * 1.25), choices);
        JsonNode miss = parse(SweepResults.result(JOB, SPACE, 1000, 0, List.of(), Optional.of(closest),
                Optional.empty())).get("closest").get("misses").get(0);
        assertEquals(max * 1.25, miss.get("value").doubleValue(), 0.0);
        assertEquals(max, miss.get("max").doubleValue(), 0.0);
        assertFalse(miss.has("min"));
    }

    @Test
    void aPredictedAccuracySaysHowFarToTrustItAndWhichFrontRowsLieOutsideTheMeasuredRange() throws Exception {
        ResolvedSpace space = SweepResults.abstractSpace(JOB, 2, List.of("3", "5", "7"));
        // measured: k0 at 3 and 5, k1 at 5 only
        dev.ridgeline.search.accuracy.AccuracyPredictor a = new dev.ridgeline.search.accuracy.AccuracyPredictor(
                "designs.csv", 4, 0.7, new double[][] {{0, 0.01, 0.02}, {0, 0.005, 0.01}},
                new boolean[][] {{true, true, false}, {false, true, false}}, 0.0125, 0.03,
                List.of("linear in ln(value)", "one level per choice"));
        double[] m = SweepResults.metrics(1e6, 2e8, 4e8, 0.001, 1e5, 4e6);
        double[] withAccuracy = java.util.Arrays.copyOf(m, m.length);
        withAccuracy[dev.ridgeline.search.eval.Metric.ACCURACY.ordinal()] = 0.705;
        List<ParetoPoint> front = List.of(SweepResults.point(withAccuracy, 1, 1), SweepResults.point(m, 2, 1),
                SweepResults.point(m, 0, 0), SweepResults.point(m, 0, 1));
        SweepResult r = new SweepResult(JOB, space, dev.ridgeline.search.strategy.Shard.ALL, 9, 9, front, 1.0,
                Optional.empty(), Optional.empty(), "exhaustive", m, java.util.Map.of(), Optional.of(a));
        JsonNode json = parse(r);
        JsonNode acc = json.get("accuracy");
        assertEquals(a.describe(), acc.get("predictor").asText());
        assertEquals("designs.csv", acc.get("measured").asText());
        assertEquals(4, acc.get("designs").asInt());
        assertEquals(0.0125, acc.get("leaveOneOutRmse").asDouble(), 0.0);
        assertEquals(0.03, acc.get("leaveOneOutMaxAbs").asDouble(), 0.0);
        assertEquals("{\"k0\":{\"form\":\"linear in ln(value)\",\"measuredRange\":[\"3\",\"5\"]},"
                + "\"k1\":{\"form\":\"one level per choice\",\"measuredRange\":[\"5\"]}}", acc.get("knobs").toString());
        // rows 1 (5, 5) and 4 (3, 5) are inside; 2 (k0 at 7) and 3 (k1 at 3) outside
        assertEquals("[2,3]", acc.get("extrapolatedFrontRows").toString());
        List<Boolean> extrapolated = new ArrayList<>();
        json.get("front").forEach(row -> extrapolated.add(row.get("extrapolated").asBoolean()));
        assertEquals(List.of(false, true, true, false), extrapolated);
        assertEquals(0.705, json.get("front").get(0).get("metrics").get("accuracy").asDouble(), 0.0);
    }

    private static SweepResult feasible() {
        ParetoPoint p = SweepResults.point(SweepResults.metrics(5e6, 1e9, 1e9, 0.001, 1e6, 1e7),
                new int[SPACE.space().knobCount()]);
        return SweepResults.result(JOB, SPACE, 1000, 40, List.of(p), Optional.empty(), Optional.empty());
    }

    private static String write(SweepResult r) {
        StringWriter out = new StringWriter();
        SummaryJson.write(r, "9.9.9", out);
        return out.toString();
    }

    private static JsonNode parse(SweepResult r) throws Exception {
        return new ObjectMapper().readTree(write(r));
    }
}
