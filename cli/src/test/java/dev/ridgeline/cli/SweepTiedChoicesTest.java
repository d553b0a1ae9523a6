package dev.ridgeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep over width multipliers that round to the same channels: on MobileNetV2's 16-channel stage 1,
 * 0.75 and 1.0 both give 16 at divisor 8, so the space holds one choice "0.75|1.0" for that network, the
 * summary and the terminal say so, and every row's channel columns say which network it is.
 */
class SweepTiedChoicesTest {
    /** MobileNetV2 with all its widths, params and MACs at batch 1 (torchvision). */
    private static final long BASE_PARAMS = 3_504_872L;

    @Test
    void tiedMultipliersBecomeOneTruthfullyLabelledChoice(@TempDir Path dir) throws Exception {
        Path job = dir.resolve("tied.yaml");
        Files.writeString(job, """
                model: mobilenet_v2
                space:
                  width: {stages: [1, 2], multipliers: [0.5, 0.75, 1.0], divisor: 8}
                objectives: [{metric: params, goal: min}, {metric: macs, goal: max}]
                """);
        Path out = dir.resolve("out");
        Run run = Run.of("sweep", job.toString(), "--out", out.toString(), "--all-points");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("a space of 6 points over 2 knobs"), run.out());
        assertTrue(run.out().contains("merged choices that give the same network: 9 points as written, 6 networks"),
                run.out());
        assertTrue(run.out().contains("  width:stage1 0.75|1.0 (16 channels)\n"), run.out());
        assertTrue(run.out().contains("  width:stage2  stage2.0.expand [96] / stage2.0.project, stage2.1.project [24]"
                + " / stage2.1.expand [144]\n"), run.out());

        JsonNode summary = SweepCommandTest.summary(out);
        assertEquals(6, summary.get("spaceSize").longValue());
        assertEquals(9, summary.get("spaceSizeAsWritten").longValue());
        assertEquals(List.of("0.5", "0.75|1.0"), texts(summary.get("space").get("width:stage1")));
        // stage 2's residual group ties at 0.75 and 1.0 (24 channels) but its expansions do not: no merge
        assertEquals(List.of("0.5", "0.75", "1.0"), texts(summary.get("space").get("width:stage2")));
        assertEquals(1, summary.get("merged").size(), summary.toString());
        assertEquals(List.of("0.75", "1.0"), texts(summary.get("merged").get("width:stage1").get(0)));
        assertEquals(List.of("stage2.0.project", "stage2.1.project"),
                texts(summary.get("moves").get("width:stage2").get(1).get("layers")));
        assertEquals(24, summary.get("moves").get("width:stage2").get(1).get("channels").intValue());

        List<Map<String, String>> points = rows(out.resolve("points.csv"));
        assertEquals(6, points.size());
        Set<String> networks = new HashSet<>();
        Set<String> params = new HashSet<>();
        for (Map<String, String> p : points) {
            assertTrue(networks.add(p.get("channels:stage1") + " " + p.get("channels:stage2")), p.toString());
            assertTrue(params.add(p.get("params")), "two rows, one network: " + p);
            String expectedStage1 = p.get("width:stage1").equals("0.5") ? "8" : "16";
            assertEquals(expectedStage1, p.get("channels:stage1"), p.toString());
        }
        Map<String, String> base = points.stream().filter(p -> p.get("width:stage1").equals("0.75|1.0")
                && p.get("width:stage2").equals("1.0")).findFirst().orElseThrow();
        assertEquals(Long.toString(BASE_PARAMS), base.get("params"), "the row labelled 0.75|1.0 is the full network");
        assertEquals("96/24/144", base.get("channels:stage2"));
        Map<String, String> thin = points.stream().filter(p -> p.get("width:stage2").equals("0.75")).findFirst()
                .orElseThrow();
        assertEquals("72/24/112", thin.get("channels:stage2"), "0.75 x (96, 24, 144) at divisor 8");

        List<String> pareto = Files.readAllLines(out.resolve("pareto.csv"));
        assertTrue(pareto.get(0).endsWith(",width:stage1,width:stage2,channels:stage1,channels:stage2"),
                pareto.get(0));
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }

    /** A CSV without quoted cells as one map per row, keyed by the header. */
    static List<Map<String, String>> rows(Path csv) throws Exception {
        List<String> lines = Files.readAllLines(csv);
        String[] header = lines.get(0).split(",", -1);
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            assertEquals(header.length, cells.length, line);
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.length; i++) {
                row.put(header[i], cells[i]);
            }
            rows.add(row);
        }
        return rows;
    }
}
