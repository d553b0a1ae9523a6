package dev.ridgeline.prune;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A ResNet-50 plan with per-group widths (37 knobs): feasible, its figures those of the pruned model analysed
 * anew, at least as good as every feasible baseline. Its own class because it once took minutes on a busy machine:
 * mutation testing leaves it out (prune/pom.xml), PlannerTest's smaller plans cover the same code.
 */
class ResNet50PlanTest {
    @TempDir
    Path dir;

    private PrunePlan plan(String yaml) {
        return new Planner(new EliminationSolver()).plan(PlanFiles.read(dir, yaml), Optional.empty());
    }

    @Test
    void aResNet50PlanWithPerGroupWidthsIsFeasibleAndBeatsItsBaselines() {
        // the time it takes is printed, not asserted: README.md (Benchmarks) has the recorded figure
        long t0 = System.nanoTime();
        PrunePlan p = plan("model: resnet50\nhardware: t4\nprecision: fp16\nbudgets: {latencySeconds: 70%}\n");
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertTrue(p.feasible());
        assertTrue(p.space().space().knobCount() > 30, "per-group knobs: " + p.space().space().knobCount());
        PlannerTest.reanalysisGivesThePlannedFigures(p);
        p.baselines().stream().filter(PrunePlan.Baseline::feasible).forEach(b -> assertTrue(p.score() >= b.score()));
        System.out.printf("ResNet-50 per-group plan: %d knobs, %s points, %.1f s%n", p.space().space().knobCount(),
                p.space().space().size(), seconds);
    }
}
