package dev.ridgeline.prune.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.core.BadInputException;
import dev.ridgeline.core.count.Convention;
import dev.ridgeline.hardware.device.Precision;
import dev.ridgeline.prune.plan.PlanFile.Change;
import dev.ridgeline.prune.plan.PlanFile.PruneObjective;
import dev.ridgeline.search.eval.Metric;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plan files as docs/plan-format.md describes them: each field's default and allowed values, and each mistake
 * named at file:line:column with the field and what is allowed.
 */
class PlanReaderTest {
    @TempDir
    Path dir;

    /** Seven layers, each its own stage: a conv with a 5x5 kernel, relu, a 1x1 conv, relu, pool, flatten, fc. */
    private static final String MODEL = "name: chain\ninput: [3, 8, 8]\nlayers:\n"
            + "  - conv: {name: a, out: 16, kernel: 5, padding: 2, bias: false, stage: block1}\n"
            + "  - relu: {name: ra}\n"
            + "  - conv: {name: b, out: 16, kernel: 1, bias: false}\n"
            + "  - relu: {name: rb}\n"
            + "  - global_avgpool: {name: gap}\n"
            + "  - flatten: {name: flat}\n"
            + "  - linear: {name: fc, out: 10, bias: false}\n";

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private PlanFile read(String plan) throws IOException {
        write("model.yaml", MODEL);
        return PlanReader.read(write("plan.yaml", plan));
    }

    /** The message of reading a plan that is refused, with the plan file's path cut to "plan.yaml". */
    private String refusal(String plan) throws IOException {
        write("model.yaml", MODEL);
        Path file = write("plan.yaml", plan);
        BadInputException e = assertThrows(BadInputException.class, () -> PlanReader.read(file));
        assertTrue(e.getMessage().startsWith(file + ":"), e.getMessage());
        return "plan.yaml" + e.getMessage().substring(file.toString().length());
    }

    @Test
    void fieldsLeftOutTakeTheirDocumentedDefaults() throws Exception {
        PlanFile p = read("model: model.yaml\nbudgets: {params: 50%}\n");
        assertEquals(8, p.divisor());
        assertEquals(8, p.levels());
        assertEquals(0.25, p.minKeep());
        assertFalse(p.perStage());
        assertEquals(EnumSet.allOf(Change.class), p.allow());
        assertEquals(PruneObjective.MACS, p.objective());
        assertEquals(Convention.MACS, p.setup().convention());
        assertEquals(Precision.FP32, p.setup().precision());
        assertEquals(1, p.setup().batch());
        assertNull(p.setup().device());
        assertNull(p.importance());
        assertNull(p.modelFile(), "a YAML model has no weights to slice");
        assertEquals(List.of(), p.frozen());
        assertEquals("model.yaml", p.modelSpec());
        assertEquals(Map.of("model", dir.resolve("plan.yaml") + ":1:8"), p.where());
        // params 5*5*3*16 + 16*16 + 16*10 = 1616: the budget is half of it
        assertEquals(List.of(new dev.ridgeline.search.job.Budget(Metric.PARAMS, 808, Double.NaN)), p.budgets());
        assertEquals(sha256(Files.readAllBytes(dir.resolve("model.yaml"))), p.modelSha256());
        assertEquals(sha256(Files.readAllBytes(dir.resolve("plan.yaml"))), p.sha256());
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void fieldsGivenAreTaken() throws Exception {
        PlanFile p = read("model: model.yaml\nbudgets: {latencySeconds: 60%}\nconvention: fvcore\nhardware: t4\n"
                + "precision: fp16\nbatch: 4\nper: stage\nlevels: 2\nminKeep: 1\ndivisor: 4\nallow: [kernels]\n"
                + "objective: PARAMS\nfrozen: [b, block1]\n");
        assertEquals(Convention.FVCORE, p.setup().convention());
        assertEquals(Precision.FP16, p.setup().precision());
        assertEquals("t4", p.setup().device().id());
        assertEquals(4, p.setup().batch());
        assertTrue(p.perStage());
        assertEquals(2, p.levels());
        assertEquals(1.0, p.minKeep());
        assertEquals(4, p.divisor());
        assertEquals(Set.of(Change.KERNELS), p.allow());
        assertEquals(PruneObjective.PARAMS, p.objective());
        assertEquals(List.of("b", "block1"), p.frozen());
        assertEquals(dir.resolve("plan.yaml") + ":12:12", p.where().get("objective"));
        assertEquals(Set.of(Change.SEPARABLE), read("model: model.yaml\nbudgets: {params: 50%}\nallow: separable\n")
                .allow());
        assertFalse(read("model: model.yaml\nbudgets: {params: 50%}\nper: group\n").perStage());
    }

    @Test
    void aFrozenGlobMayNameALayerOrAStage() throws Exception {
        // 'a' is the layer's name, 'block1' its stage label; 'r*' names ra and rb
        assertEquals(List.of("a"), read("model: model.yaml\nbudgets: {params: 50%}\nfrozen: a\n").frozen());
        assertEquals(List.of("block1", "r*"), read("model: model.yaml\nbudgets: {params: 50%}\nfrozen: [block1, "
                + "'r*']\n").frozen());
        assertEquals("plan.yaml:3:13: field 'frozen': 'block2' names no stage or layer of chain; its stages: block1, "
                + "ra, b, rb, gap, flat, fc", refusal("model: model.yaml\nbudgets: {params: 50%}\nfrozen: [a, block2]\n"));
    }

    @Test
    void aModelOfManyStagesIsListedByItsFirstTwelve() throws Exception {
        StringBuilder twelve = new StringBuilder("name: relus\ninput: [3, 4, 4]\nlayers:\n");
        for (int i = 1; i <= 12; i++) {
            twelve.append("  - relu: {name: r").append(i).append("}\n");
        }
        write("twelve.yaml", twelve.toString());
        write("thirteen.yaml", twelve + "  - relu: {name: r13}\n");
        Path file = write("plan.yaml", "model: twelve.yaml\nbudgets: {params: 50%}\nfrozen: x\n");
        assertEquals(file + ":3:9: field 'frozen': 'x' names no stage or layer of relus; its stages: r1, r2, r3, r4, "
                + "r5, r6, r7, r8, r9, r10, r11, r12",
                assertThrows(BadInputException.class, () -> PlanReader.read(file)).getMessage());
        Files.writeString(file, "model: thirteen.yaml\nbudgets: {params: 50%}\nfrozen: x\n");
        assertEquals(file + ":3:9: field 'frozen': 'x' names no stage or layer of relus; its stages: r1, r2, r3, r4, "
                + "r5, r6, r7, r8, r9, r10, r11, r12, ... (13 in all)",
                assertThrows(BadInputException.class, () -> PlanReader.read(file)).getMessage());
    }

    @Test
    void aConventionOrPrecisionNotKnownIsNamedWithTheKnownOnes() throws Exception {
        assertEquals("plan.yaml:3:13: unknown convention 'bogus'; conventions: " + Convention.knownIds(),
                refusal("model: model.yaml\nbudgets: {params: 50%}\nconvention: bogus\n"));
        assertEquals("plan.yaml:3:12: unknown precision 'fp7'; precisions: fp64, fp32, fp16, bf16, int8",
                refusal("model: model.yaml\nbudgets: {params: 50%}\nprecision: fp7\n"));
    }

    @Test
    void levelsBelowTwoAndMinKeepOutsideZeroToOneAreRefused() throws Exception {
        assertEquals("plan.yaml:3:9: field 'levels' must be at least 2 (the base width and one smaller), got 1",
                refusal("model: model.yaml\nbudgets: {params: 50%}\nlevels: 1\n"));
        assertEquals("plan.yaml:3:10: field 'minKeep' must lie in (0, 1] (the least share of a channel group's width "
                + "that may remain), got 0.0", refusal("model: model.yaml\nbudgets: {params: 50%}\nminKeep: 0\n"));
        assertEquals("plan.yaml:3:10: field 'minKeep' must lie in (0, 1] (the least share of a channel group's width "
                + "that may remain), got 1.5", refusal("model: model.yaml\nbudgets: {params: 50%}\nminKeep: 1.5\n"));
        assertEquals(0.01, read("model: model.yaml\nbudgets: {params: 50%}\nminKeep: 0.01\n").minKeep());
    }

    @Test
    void perAllowAndObjectiveTakeOnlyTheirListedValues() throws Exception {
        assertEquals("plan.yaml:3:6: field 'per' must be group (a width per channel group) or stage (one per stage), "
                + "got 'layer'", refusal("model: model.yaml\nbudgets: {params: 50%}\nper: layer\n"));
        assertEquals("plan.yaml:3:19: field 'allow': unknown change 'pruning'; changes: channels, kernels, separable",
                refusal("model: model.yaml\nbudgets: {params: 50%}\nallow: [channels, pruning]\n"));
        assertEquals("plan.yaml:3:8: field 'allow' is empty: give channels, kernels and/or separable",
                refusal("model: model.yaml\nbudgets: {params: 50%}\nallow: []\n"));
        assertEquals("plan.yaml:3:12: field 'objective': unknown objective 'speed'; objectives: macs, params, "
                + "importance, accuracy", refusal("model: model.yaml\nbudgets: {params: 50%}\nobjective: speed\n"));
    }

    @Test
    void budgetsMustBeCeilingsButAccuracysFloorAndNotEmpty() throws Exception {
        assertEquals("plan.yaml:2:10: field 'budgets' is empty: give at least one, e.g. {latencySeconds: 60%}",
                refusal("model: model.yaml\nbudgets: {}\n"));
        assertEquals("plan.yaml:2:20: field 'budgets.params.min': a plan only cuts, so the budget on params is a "
                + "ceiling; allowed: max (absolute or a percentage of the base model, e.g. params: {max: 60%}); only "
                + "accuracy takes a min", refusal("model: model.yaml\nbudgets: {params: {min: 10}}\n"));
        assertEquals("plan.yaml:2:22: field 'budgets.accuracy.max': accuracy is higher-is-better, so a plan's budget on "
                + "it is a floor; allowed: min (absolute, e.g. accuracy: {min: 65})",
                refusal("model: model.yaml\nbudgets: {accuracy: {max: 70}}\n"));
        assertEquals("plan.yaml:2:21: field 'budgets.accuracy': accuracy is higher-is-better, so a plan's budget on "
                + "it is a floor; allowed: min (absolute, e.g. accuracy: {min: 65})",
                refusal("model: model.yaml\nbudgets: {accuracy: 70}\n"));
    }

    @Test
    void importanceAndAccuracyGoOnlyWithTheObjectivesThatUseThem() throws Exception {
        write("scores.csv", "layer,channel,score\n");
        write("designs.csv", "width:a,accuracy\n16,70\n");
        assertEquals("plan.yaml:3:13: field 'importance': no file 'missing.csv' (a CSV of layer,channel,score rows, "
                + "relative to the plan file)",
                refusal("model: model.yaml\nbudgets: {params: 50%}\nimportance: missing.csv\nobjective: importance\n"));
        assertEquals("plan.yaml:3:13: field 'importance' gives channel scores, which only 'objective: importance' uses",
                refusal("model: model.yaml\nbudgets: {params: 50%}\nimportance: scores.csv\n"));
        assertEquals("plan.yaml:3:12: field 'objective': importance needs weights, and model.yaml has none (a zoo or "
                + "YAML model); give an ONNX model with weights, or 'importance: scores.csv' with your own channel "
                + "scores", refusal("model: model.yaml\nbudgets: {params: 50%}\nobjective: importance\n"));
        assertEquals("plan.yaml:3:12: field 'objective': accuracy is predicted from measured designs: add 'accuracy: "
                + "{measured: FILE.csv}' (columns as plan.json names the knobs; see docs/accuracy.md)",
                refusal("model: model.yaml\nbudgets: {params: 50%}\nobjective: accuracy\n"));
        assertEquals("plan.yaml:3:11: field 'accuracy' gives measured designs, which only 'objective: accuracy' or a "
                + "budget on accuracy ({min: N}) uses",
                refusal("model: model.yaml\nbudgets: {params: 50%}\naccuracy: {measured: designs.csv}\n"));
        PlanFile scored = read("model: model.yaml\nbudgets: {params: 50%}\nimportance: scores.csv\n"
                + "objective: importance\n");
        assertEquals(dir.resolve("scores.csv").toString(), scored.importance());
        assertEquals(dir.resolve("plan.yaml") + ":3:13", scored.where().get("importance"));
        PlanFile floor = read("model: model.yaml\nbudgets: {params: 50%, accuracy: {min: 60}}\n"
                + "accuracy: {measured: designs.csv}\n");
        assertTrue(floor.accuracy().isPresent());
        assertEquals(PruneObjective.MACS, floor.objective());
    }
}
