package dev.ridgeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ridgeline prune} with a floor on predicted accuracy ({@code accuracy: {min: N}}) end to end. */
class PruneAccuracyTest {
    static final Path PLAN = Path.of("configs/plans/resnet18_t4_accuracy.yaml");

    private static JsonNode json(Path file) throws Exception {
        return new ObjectMapper().readTree(file.toFile());
    }

    /** The example plan with another floor, beside a copy of its measured designs. */
    private static Path withFloor(Path dir, String floor) throws Exception {
        Files.copy(PLAN.resolveSibling("resnet18_t4_accuracy_designs.csv"),
                dir.resolve("resnet18_t4_accuracy_designs.csv"));
        Path plan = dir.resolve("plan.yaml");
        Files.writeString(plan, Files.readString(PLAN).replace("accuracy: {min: 63}", "accuracy: {min: " + floor + "}"));
        return plan;
    }

    @Test
    void theExamplePlanMeetsItsAccuracyFloorAndSaysWhatItPredicts(@TempDir Path dir) throws Exception {
        Run run = Run.of("prune", PLAN.toString(), "--out", dir.toString(), "--report", dir.resolve("review").toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("predicted accuracy 63."), run.out());
        JsonNode plan = json(dir.resolve("plan.json"));
        assertTrue(plan.get("feasible").booleanValue(), plan.get("why").textValue());
        JsonNode floor = plan.get("budgets").get(1);
        assertEquals("accuracy", floor.get("metric").textValue());
        assertEquals(63, floor.get("min").doubleValue());
        assertFalse(floor.has("max"));
        double predicted = plan.get("after").get("accuracy").doubleValue();
        assertTrue(predicted >= 63, "the plan's predicted accuracy " + predicted);
        assertTrue(plan.get("after").get("latencySeconds").doubleValue()
                <= plan.get("budgets").get(0).get("max").doubleValue());
        JsonNode accuracy = plan.get("accuracy");
        assertEquals(predicted, accuracy.get("chosen").doubleValue(), 0.0);
        assertEquals(12, accuracy.get("designs").intValue());
        assertTrue(accuracy.get("base").doubleValue() > predicted);
        assertFalse(accuracy.get("extrapolated").booleanValue(), "every width lies within the measured 0.25-1.0");
        String md = Files.readString(dir.resolve("plan.md"));
        assertTrue(md.contains("accuracy at least 63.00 points") && md.contains("**Meets the budgets**"), md);
        assertTrue(md.contains("Predicted accuracy: " + String.format(java.util.Locale.ROOT, "%.2f", predicted)), md);
        String page = Files.readString(dir.resolve("review/report.html"));
        assertTrue(page.contains("accuracy &gt;= 63.00"), "the page shows the floor");
        assertTrue(page.contains(String.format(java.util.Locale.ROOT, "accuracy (predicted) goes from %.2f to %.2f",
                plan.get("before").get("accuracy").doubleValue(), predicted)), "and the plan's predicted accuracy");
        assertTrue(Files.exists(dir.resolve("pruned.yaml")));
    }

    @Test
    void aFloorNoPlanMeetsIsExplainedByTheMostAccuratePlanWithinTheOtherBudgets(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        Run run = Run.of("prune", withFloor(dir, "66").toString(), "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("no plan meets the budgets"), run.out());
        JsonNode plan = json(out.resolve("plan.json"));
        assertFalse(plan.get("feasible").booleanValue());
        JsonNode best = plan.get("bestReachable");
        assertTrue(best.get("note").textValue().contains("most accurate plan within the other budgets"));
        assertEquals(1, best.get("misses").size(), "the latency budget is met; only the floor is missed");
        JsonNode miss = best.get("misses").get(0);
        assertEquals("accuracy", miss.get("metric").textValue());
        assertEquals(66, miss.get("min").doubleValue());
        double reached = miss.get("value").doubleValue();
        assertTrue(reached < 66 && miss.get("excess").doubleValue() > 0, miss.toString());
        // the closest plan is the most accurate within the latency budget: the example's plan at floor 63 is that
        // very plan (no other reaches 63), so both predict the same
        Path example = dir.resolve("example");
        assertEquals(0, Run.of("prune", PLAN.toString(), "--out", example.toString()).exitCode());
        assertEquals(json(example.resolve("plan.json")).get("after").get("accuracy").doubleValue(), reached, 0.0);
        assertTrue(plan.get("after").get("latencySeconds").doubleValue()
                <= plan.get("budgets").get(0).get("max").doubleValue());
        String md = Files.readString(out.resolve("plan.md"));
        assertTrue(md.matches("(?s).*misses accuracy by \\d+\\.\\d\\d points \\(\\d+\\.\\d% under its minimum 66\\.00"
                + " points: it reaches \\d+\\.\\d\\d points\\)\\. What stops it: within latencySeconds at most"
                + " \\d+\\.\\d+ ms no plan is predicted more accurate than this one.*"), md);
        assertTrue(md.contains("leave-one-out error is"), md);
        assertFalse(Files.exists(out.resolve("pruned.yaml")), "no pruned model of a plan that misses a budget");
    }
}
