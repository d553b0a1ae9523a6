package dev.ridgeline.report.run;

import dev.ridgeline.store.read.*;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.core.BadInputException;
import dev.ridgeline.report.html.RunFolders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** plan.json as prune writes it (docs/plan-format.md), read by field name. */
class PlanReaderTest {

    private static Path planFolder(Path dir) throws Exception {
        return RunFolders.plan(dir);
    }

    @Test
    void aPruneFolderIsAPlanWithItsStepsGroupsAndFigures(@TempDir Path dir) throws Exception {
        PlanRun plan = assertInstanceOf(PlanRun.class, RunReader.read(planFolder(dir.resolve("plan"))).get(0));
        assertEquals("resnet18", plan.model());
        assertEquals("t4", plan.hardware());
        assertEquals(List.of("channels", "kernels"), plan.steps().stream().map(PlanRun.Step::change).toList());
        assertEquals(0.00112, plan.steps().get(0).metrics().get("latencySeconds"));
        assertEquals(11_689_512.0, plan.before().get("params"));
        assertEquals(5_512_340.0, plan.after().get("params"));
        assertEquals(new PlanRun.Group("layer4", 512, 256), plan.groups().get(4));
        assertEquals(List.of("latencySeconds", "params"), plan.budgets().stream().map(SweepRun.BudgetBound::metric)
                .toList());
        assertTrue(plan.feasible());
    }

    @Test
    void aPlanBesideASweepMarksItsAfterPointOnTheFronts(@TempDir Path dir) throws Exception {
        Path sweep = RunFolders.sweep(Path.of("configs/jobs/resnet18_t4.yaml"), dir, false);
        planFolder(sweep);
        SweepRun run = assertInstanceOf(SweepRun.class, RunReader.read(sweep).get(0));
        SweepRun.ChosenPoint chosen = run.chosen().orElseThrow();
        assertEquals("plan (after)", chosen.label());
        assertEquals(0.00098712, chosen.metrics().get("latencySeconds"));
    }

    @Test
    void aPlanWithoutStepsMetricsNamesTheField(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("plan.json"), "{\"before\": {}, \"after\": {}, \"steps\": [{\"change\": \"x\"}]}");
        BadInputException e = assertThrows(BadInputException.class, () -> RunReader.read(dir));
        assertEquals(dir.resolve("plan.json") + ": field 'steps[0].metrics' is missing or not an object",
                e.getMessage());
    }
}
