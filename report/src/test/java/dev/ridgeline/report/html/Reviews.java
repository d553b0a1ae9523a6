package dev.ridgeline.report.html;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The sets of runs the browser test opens, swept in-process over small spaces: the README's design review, a
 * budget matrix with a budget no design meets and two runs of one title, and twelve sweeps of one network.
 */
final class Reviews {
    /** The space and objectives of configs/batch/design-review.yaml's base job. */
    static final String SPACE = "space:\n"
            + "  width:      {stages: \"*\", multipliers: [0.5, 0.75, 1.0], per: all}\n"
            + "  resolution: {choices: [160, 192, 224]}\n"
            + "objectives: [{metric: latencySeconds, goal: min}, {metric: macs, goal: max}]\n";

    private Reviews() {
    }

    static Path sweep(Path dir, String name, String model, String hardware, String precision, String budgets)
            throws IOException {
        Path job = Files.createDirectories(dir.resolve("jobs")).resolve(name + ".yaml");
        Files.writeString(job, "model: " + model + "\nhardware: " + hardware + "\nprecision: " + precision + "\n"
                + SPACE + (budgets.isEmpty() ? "" : "budgets: " + budgets + "\n"));
        return RunFolders.sweep(job, dir.resolve(name), false);
    }

    /** configs/batch/design-review.yaml: 3 networks x 2 devices x 2 precisions, and a pruning plan. */
    static List<Path> readme(Path dir) throws IOException {
        List<Path> runs = new ArrayList<>();
        for (String model : List.of("resnet18", "mobilenet_v2", "vgg16")) {
            for (String device : List.of("t4", "jetson-orin-nano-8gb")) {
                for (String precision : List.of("fp16", "int8")) {
                    runs.add(sweep(dir, model + "-" + device + "-" + precision, model, device, precision, ""));
                }
            }
        }
        runs.add(RunFolders.plan(dir.resolve("resnet18-t4-prune")));
        return runs;
    }

    /**
     * ResNet-18 on a T4 under three latency budgets, the last (1 us) met by no design, and the 1 ms job twice
     * (two runs of one title and one budget, told apart by their folders).
     */
    static List<Path> budgetMatrix(Path dir) throws IOException {
        List<Path> runs = new ArrayList<>();
        runs.add(sweep(dir, "r18-10ms", "resnet18", "t4", "fp16", "{latencySeconds: {max: 0.01}}"));
        runs.add(sweep(dir, "r18-1ms-a", "resnet18", "t4", "fp16", "{latencySeconds: {max: 0.001}}"));
        runs.add(sweep(dir, "r18-1ms-b", "resnet18", "t4", "fp16", "{latencySeconds: {max: 0.001}}"));
        runs.add(sweep(dir, "r18-1us", "resnet18", "t4", "fp16", "{latencySeconds: {max: 0.000001}}"));
        return runs;
    }

    /** MobileNetV2 on six devices at two precisions: one overlay of twelve fronts. */
    static List<Path> twelve(Path dir) throws IOException {
        List<Path> runs = new ArrayList<>();
        for (String device : List.of("t4", "a100-sxm-80gb", "h100-pcie", "rtx-4090", "v100-sxm2",
                "jetson-agx-orin-64gb")) {
            for (String precision : List.of("fp16", "fp32")) {
                runs.add(sweep(dir, "mnv2-" + device + "-" + precision, "mobilenet_v2", device, precision, ""));
            }
        }
        return runs;
    }
}
