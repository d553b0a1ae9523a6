package dev.ridgeline.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mistakes in plan files and importance CSVs exit 2 naming file:line:column and the field. */
class PruneBadInputTest {
    @TempDir
    Path dir;

    private Run prune(String yaml) throws Exception {
        Path file = dir.resolve("plan.yaml");
        Files.writeString(file, yaml);
        return Run.of("prune", file.toString(), "--out", dir.resolve("out").toString()).assertCleanBadInput();
    }

    private static void says(Run run, String... parts) {
        for (String p : parts) {
            assertTrue(run.err().contains(p), () -> "missing '" + p + "' in " + run.err());
        }
    }

    @Test
    void anUnknownStageInFrozen() throws Exception {
        says(prune("model: resnet18\nbudgets: {params: 50%}\nfrozen: [conv1, layer9]\n"), "plan.yaml:3:", "frozen",
                "layer9", "layer4");
    }

    @Test
    void minKeepOutsideZeroToOne() throws Exception {
        says(prune("model: resnet18\nbudgets: {params: 50%}\nminKeep: 0\n"), "plan.yaml:3:", "minKeep", "(0, 1]");
        says(prune("model: resnet18\nbudgets: {params: 50%}\nminKeep: 1.5\n"), "plan.yaml:3:", "minKeep");
    }

    @Test
    void importanceOnAModelWithoutWeights() throws Exception {
        says(prune("model: resnet18\nbudgets: {params: 50%}\nobjective: importance\n"), "plan.yaml:3:",
                "objective", "weights");
    }

    @Test
    void anImportanceCsvNamingAnUnknownLayer() throws Exception {
        Files.writeString(dir.resolve("scores.csv"), "layer,channel,score\nconv1,0,1.0\nlayer9.conv,0,2.0\n");
        says(prune("model: resnet18\nbudgets: {params: 50%}\nobjective: importance\nimportance: scores.csv\n"),
                "scores.csv:3:1", "field 'layer'", "layer9.conv");
    }

    @Test
    void anImportanceCsvWithTheWrongChannelCount() throws Exception {
        StringBuilder csv = new StringBuilder("layer,channel,score\n");
        for (int c = 0; c < 63; c++) {
            csv.append("conv1,").append(c).append(",").append(c).append('\n');
        }
        Files.writeString(dir.resolve("scores.csv"), csv.toString());
        says(prune("model: resnet18\nbudgets: {params: 50%}\nobjective: importance\nimportance: scores.csv\n"),
                "scores.csv:2:1", "field 'channel'", "64 output channels", "63");
        Files.writeString(dir.resolve("scores.csv"), "layer,channel,score\nconv1,64,1.0\n");
        says(prune("model: resnet18\nbudgets: {params: 50%}\nobjective: importance\nimportance: scores.csv\n"),
                "scores.csv:2:7", "field 'channel'", "0 to 63");
    }

    @Test
    void aBudgetWithAMinAndUnknownAllowAndObjective() throws Exception {
        says(prune("model: resnet18\nbudgets: {params: {min: 1.0e6}}\n"), "plan.yaml:2:", "min");
        says(prune("model: resnet18\nbudgets: {params: 50%}\nallow: [channels, depth]\n"), "plan.yaml:3:", "allow",
                "depth");
        says(prune("model: resnet18\nbudgets: {params: 50%}\nobjective: accuracy\n"), "plan.yaml:3:", "objective");
    }

    @Test
    void aPerGroupSpaceWhoseTablesWouldBeTooLargeIsRefusedWithAdvice() throws Exception {
        says(prune("model: googlenet\nhardware: t4\nbudgets: {latencySeconds: 80%}\n"), "plan.yaml",
                "per: stage", "concatenation");
    }

    @Test
    void aPlanBudgetOnAccuracyIsAFloorAndEveryOtherACeiling() throws Exception {
        Files.writeString(dir.resolve("designs.csv"), "width:layer1,accuracy\n1.0,70\n");
        says(prune("model: resnet18\nbudgets: {params: 50%, accuracy: {max: 65}}\naccuracy: {measured: designs.csv}\n"),
                "plan.yaml:2:35:", "field 'budgets.accuracy.max'", "allowed: min");
        says(prune("model: resnet18\nbudgets:\n  params: {min: 50%}\naccuracy: {measured: designs.csv}\n"),
                "plan.yaml:3:12:", "field 'budgets.params.min'", "allowed: max", "only accuracy takes a min");
        says(prune("model: resnet18\nbudgets: {params: 50%, accuracy: {min: 65}}\n"), "plan.yaml:2:24:",
                "accuracy needs measured designs");
        says(prune("model: resnet18\nbudgets: {params: 50%, accuracy: {min: 65%}}\naccuracy: {measured: designs.csv}\n"),
                "plan.yaml:2:40:", "must be absolute");
    }
}
