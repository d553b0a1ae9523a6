package dev.ridgeline.search.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.core.BadInputException;
import dev.ridgeline.search.eval.Goal;
import dev.ridgeline.search.eval.Metric;
import dev.ridgeline.search.space.SpaceBuilder;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JobReaderTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "configs/jobs/mobilenet_v2_orin_nano.yaml, 236196, 236196",
        "configs/jobs/resnet18_t4.yaml, 15552, 15552",
        "configs/jobs/vgg16_jetson_nano.yaml, 16384, 16384",
        "configs/jobs/shufflenet_v2_jetson_nano.yaml, 128, 128",
        // stage 1 (16 channels) gives 16 at both 0.75 and 1.0: 2 networks of 3 written choices
        "configs/bench/mobilenet_v2_full.yaml, 172186884, 114791256",
    })
    void exampleJobsReadAndResolveToTheirSpaces(String file, long written, long networks) {
        Job job = JobReader.read(Path.of(file));
        var space = SpaceBuilder.build(job.model(), job.space()).space();
        assertEquals(BigInteger.valueOf(written), space.sizeAsWritten());
        assertEquals(BigInteger.valueOf(networks), space.size());
        assertEquals(64, job.sha256().length());
    }

    @Test
    void theMobilenetExampleHasTheIssuesBudgetsAndObjectives() {
        Job job = JobReader.read(Path.of("configs/jobs/mobilenet_v2_orin_nano.yaml"));
        assertEquals("jetson-orin-nano-8gb", job.setup().device().id());
        assertEquals(2, job.budgets().size());
        assertEquals(new Budget(Metric.LATENCY_SECONDS, 0.003, Double.NaN), job.budgets().get(0));
        assertEquals(Metric.MACS, job.objectives().get(1).metric());
        assertEquals(Goal.MAX, job.objectives().get(1).goal());
        var space = SpaceBuilder.build(job.model(), job.space()).space();
        assertTrue(space.knobs().stream().anyMatch(k -> k.name().equals("separable:stage3")),
                "stage 3 means the model's stage3");
    }

    @Test
    void relativeBudgetsAreFractionsOfTheBaseModel() {
        Job job = JobReader.read(Path.of("configs/jobs/resnet18_t4.yaml"));
        // resnet18's weights at fp16: 11,689,512 params x 2 bytes; 50% of that
        assertEquals(11_689_512.0, job.budgets().get(0).max());
    }

    static String failure(Path dir, String yaml) throws IOException {
        Path job = dir.resolve("job.yaml");
        Files.writeString(job, yaml);
        return assertThrows(BadInputException.class, () -> {
            Job j = JobReader.read(job);
            SpaceBuilder.build(j.model(), j.space());
        }).getMessage();
    }

    private static final String HEAD = "model: mobilenet_v2\nhardware: h100-sxm\nprecision: fp16\n";

    @Test
    void aLayerGlobThatMatchesNothingSaysWhatLayersAreCalled(@TempDir Path dir) throws IOException {
        String m = failure(dir, HEAD + "space:\n  kernel: {layers: \"*.dw\", choices: [3, 5]}\n");
        assertTrue(m.contains("job.yaml:5:11: layers '*.dw' matches no layer; layers are named like stem.conv"), m);
    }

    @Test
    void anUnknownStageListsTheStages(@TempDir Path dir) throws IOException {
        String m = failure(dir, HEAD + "space:\n  width: {stages: [stage9], multipliers: [0.5]}\n");
        assertTrue(m.contains("stage 'stage9' matches no stage; the model's stages: stem, stage1, stage2"), m);
    }

    @Test
    void anEmptyWidthListAsksForAChoice(@TempDir Path dir) throws IOException {
        String m = failure(dir, HEAD + "space:\n  width: {stages: \"*\", multipliers: []}\n");
        assertTrue(m.contains("job.yaml:5:37: multipliers is empty: give at least one choice"), m);
    }

    @Test
    void anEvenKernelIsRejected(@TempDir Path dir) throws IOException {
        String m = failure(dir, HEAD + "space:\n  kernel: {layers: \"*.depthwise\", choices: [3, 4]}\n");
        assertTrue(m.contains("kernel 4: sizes must be odd"), m);
        assertTrue(m.startsWith(dir.resolve("job.yaml") + ":5:11:"), m);
    }

    @Test
    void aBudgetOnAnUnknownMetricListsTheMetrics(@TempDir Path dir) throws IOException {
        String m = failure(dir, HEAD + "space:\n  width: {stages: \"*\", multipliers: [0.5, 1.0]}\n"
                + "budgets: {latency: {max: 0.001}}\n");
        assertTrue(m.contains("job.yaml:6:11: unknown metric 'latency'"), m);
        assertTrue(m.contains("metrics: params, macs, flops, latencySeconds, peakActivationBytes, weightBytes"), m);
    }

    @Test
    void anUnknownDeviceSuggestsTheNearestPreset(@TempDir Path dir) throws IOException {
        String m = failure(dir, "model: mobilenet_v2\nhardware: jetson-nan\nspace:\n  width: {stages: \"*\", "
                + "multipliers: [0.5]}\n");
        assertTrue(m.contains("job.yaml:2:11: unknown hardware 'jetson-nan' (did you mean 'jetson-nano'?)"), m);
    }

    @Test
    void latencyWithoutADeviceSaysToAddOne(@TempDir Path dir) throws IOException {
        String m = failure(dir, "model: resnet18\nspace:\n  width: {stages: \"*\", multipliers: [0.5]}\n"
                + "objectives: [{metric: latencySeconds, goal: min}, {metric: macs, goal: max}]\n");
        assertTrue(m.contains("latencySeconds needs a device: add 'hardware: NAME'"), m);
    }

    @Test
    void aPrecisionTheDeviceLacksIsNamedAtItsField(@TempDir Path dir) throws IOException {
        String m = failure(dir, "model: resnet18\nhardware: coral-edge-tpu\nprecision: fp16\n"
                + "space:\n  width: {stages: \"*\", multipliers: [0.5]}\n");
        assertTrue(m.contains("job.yaml:3:12: device 'coral-edge-tpu'"), m);
        assertTrue(m.contains("does not support fp16; it supports int8"), m);
    }

    @Test
    void aStageWideKernelKnobSkipsConvsWithoutSamePaddingButANamedOneIsAnError(@TempDir Path dir) throws IOException {
        Path job = dir.resolve("alexnet.yaml");
        Files.writeString(job, "model: alexnet\nspace:\n  kernel: {stages: \"*\", choices: [3, 5]}\n");
        Job j = JobReader.read(job);
        var knobs = SpaceBuilder.build(j.model(), j.space()).space().knobs();
        // conv1 (11x11, stride 4, padding 2) keeps its kernel; conv2 (5x5, padding 2) to conv5 get knobs
        assertEquals(java.util.List.of("kernel:conv2", "kernel:conv3", "kernel:conv4", "kernel:conv5"),
                knobs.stream().map(k -> k.name()).toList());
        String m = failure(dir, "model: alexnet\nspace:\n  kernel: {layers: conv1, choices: [3, 5]}\n");
        assertTrue(m.contains("kernel selects conv1, whose padding [2, 2] does not keep 'same' output sizes"), m);
    }

    @Test
    void aModuleWhoseChannelsAllReachItsOutputHasNoWidthToChange(@TempDir Path dir) throws IOException {
        String m = failure(dir, "model: inception3b\nspace:\n  width: {stages: \"*\", multipliers: [0.5]}\n");
        assertTrue(m.contains("width selects no adjustable channels: channels that reach a model output"), m);
    }

    @Test
    void anUnknownTopLevelFieldSuggestsTheRightOne(@TempDir Path dir) throws IOException {
        String m = failure(dir, "model: resnet18\nobjective: []\nspace: {}\n");
        assertTrue(m.contains("unknown field 'objective' in a job file (did you mean 'objectives'?)"), m);
    }
}
