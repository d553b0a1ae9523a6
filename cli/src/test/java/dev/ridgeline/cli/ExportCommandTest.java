package dev.ridgeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code ridgeline export}: a front row of every example job, written as a model file and analyzed again
 * with the flags export prints, gives the row's metrics; choices by knob name; every mistake exits 2.
 */
class ExportCommandTest {
    static final String RESNET18 = SweepCommandTest.RESNET18;

    static Stream<Path> jobs() throws Exception {
        return SweepFrontTest.jobs();
    }

    @ParameterizedTest
    @MethodSource("jobs")
    void aFrontRowReanalyzedGivesTheRowsMetrics(Path job, @TempDir Path dir) throws Exception {
        Path sweep = dir.resolve("sweep");
        assertEquals(0, Run.of("sweep", job.toString(), "--out", sweep.toString()).exitCode());
        List<Map<String, String>> front = SweepTiedChoicesTest.rows(sweep.resolve("pareto.csv"));
        assertFalse(front.isEmpty(), job + ": an empty front checks nothing");
        for (int row : List.of(1, (front.size() + 1) / 2, front.size())) {
            Path design = dir.resolve("row" + row + ".yaml");
            Run export = Run.of("export", job.toString(), "--row", Integer.toString(row), "--from", sweep.toString(),
                    "--out", design.toString());
            assertEquals(0, export.exitCode(), export.err());
            assertEquals("", export.err(), "no warning: the design's figures are the row's");
            JsonNode analysis = analyze(export.out());
            Map<String, String> expected = front.get(row - 1);
            JsonNode totals = analysis.get("totals");
            for (String count : List.of("params", "macs", "flops", "peakActivationBytes", "weightBytes")) {
                assertEquals(Long.parseLong(expected.get(count)), totals.get(count).longValue(),
                        job + " row " + row + ": " + count);
            }
            String latency = expected.get("latencySeconds");
            if (latency.isEmpty()) {
                assertFalse(analysis.has("latency"), "a job without hardware has no latency");
            } else {
                // pareto.csv writes latency to six significant digits: the re-analysis reads the same
                assertEquals(latency, dev.ridgeline.store.format.Csv.seconds(
                        analysis.get("latency").get("totalSeconds").doubleValue()), job + " row " + row + ": latency");
            }
            assertTrue(Files.readString(design).startsWith("# A design point of " + job), "provenance first");
        }
    }

    /** Runs the analyze command export printed ("analyze it: ridgeline analyze FILE ...") as JSON. */
    private static JsonNode analyze(String exportOut) throws Exception {
        String line = exportOut.lines().filter(l -> l.startsWith("analyze it: ridgeline ")).findFirst().orElseThrow();
        List<String> args = new ArrayList<>(List.of(line.substring("analyze it: ridgeline ".length()).split(" ")));
        args.addAll(List.of("--format", "json"));
        Run run = Run.of(args.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.err());
        return new ObjectMapper().readTree(run.out());
    }

    @Test
    void aFrontRowExportsAsOnnxThatReadsBackWithTheRowsCounts(@TempDir Path dir) throws Exception {
        Path sweep = dir.resolve("sweep");
        assertEquals(0, Run.of("sweep", RESNET18, "--out", sweep.toString()).exitCode());
        Path yaml = dir.resolve("row2.yaml");
        Path onnx = dir.resolve("row2.onnx");
        assertEquals(0, Run.of("export", RESNET18, "--row", "2", "--from", sweep.toString(), "--out", yaml.toString())
                .exitCode());
        Run run = Run.of("export", RESNET18, "--row", "2", "--from", sweep.toString(), "--out", onnx.toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode fromYaml = analyze(Run.of("export", RESNET18, "--row", "2", "--from", sweep.toString(), "--out",
                yaml.toString()).out()).get("totals");
        JsonNode fromOnnx = analyze(run.out()).get("totals");
        for (String count : List.of("params", "macs", "peakActivationBytes", "weightBytes")) {
            assertEquals(fromYaml.get(count).longValue(), fromOnnx.get(count).longValue(), count);
        }
        byte[] first = Files.readAllBytes(onnx);
        assertEquals(0, Run.of("export", RESNET18, "--row", "2", "--from", sweep.toString(), "--out", onnx.toString())
                .exitCode());
        assertTrue(java.util.Arrays.equals(first, Files.readAllBytes(onnx)), "the same design gives the same bytes");
        Run wrong = Run.of("export", RESNET18, "--row", "2", "--from", sweep.toString(), "--format", "onnx", "--out",
                yaml.toString()).assertCleanBadInput();
        assertTrue(wrong.err().contains("ends in .onnx"), wrong.err());
    }

    @Test
    void choicesNameSomeKnobsAndTheOthersKeepTheBaseModel(@TempDir Path dir) throws Exception {
        Path base = dir.resolve("base.yaml");
        Run run = Run.of("export", RESNET18, "--choices", "width:layer4=1.0", "--out", base.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("design: width:layer4=1.0\n"), run.out());
        JsonNode totals = analyze(run.out()).get("totals");
        assertEquals(11_689_512L, totals.get("params").longValue(), "torchvision's ResNet-18");

        Path thin = dir.resolve("thin.yaml");
        run = Run.of("export", RESNET18, "--choices", " kernel:layer2=5 , width:layer4=0.5", "--out", thin.toString());
        assertEquals(0, run.exitCode(), run.err());
        String yaml = Files.readString(thin);
        assertTrue(yaml.contains("- conv: {name: layer4.0.conv1, in: 256, out: 256, kernel: 3"), yaml);
        assertTrue(yaml.contains("- conv: {name: layer2.0.conv1, in: 64, out: 128, kernel: 5, stride: 2, padding: 2"),
                yaml);
    }

    @Test
    void aMergedChoiceIsNamedByItsLabelOrByAnyMultiplierItStandsFor(@TempDir Path dir) throws Exception {
        Path job = dir.resolve("tied.yaml");
        Files.writeString(job, """
                model: mobilenet_v2
                space:
                  width: {stages: [1], multipliers: [0.5, 0.75, 1.0]}
                """);
        Path a = dir.resolve("a.yaml");
        Path b = dir.resolve("b.yaml");
        assertEquals(0, Run.of("export", job.toString(), "--choices", "width:stage1=0.75|1.0", "--out", a.toString())
                .exitCode());
        Run run = Run.of("export", job.toString(), "--choices", "width:stage1=0.75", "--out", b.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("design: width:stage1=0.75|1.0\n"), run.out());
        assertEquals(body(a), body(b));
    }

    private static String body(Path yaml) throws Exception {
        return Files.readString(yaml).lines().filter(l -> !l.startsWith("#")).reduce("", (x, y) -> x + y + "\n");
    }

    @Test
    void mistakesExitTwoWithAClearMessageAndWriteNothing(@TempDir Path dir) throws Exception {
        Path sweep = dir.resolve("sweep");
        assertEquals(0, Run.of("sweep", RESNET18, "--out", sweep.toString()).exitCode());
        int rows = SweepTiedChoicesTest.rows(sweep.resolve("pareto.csv")).size();
        Path out = dir.resolve("d.yaml");
        String o = out.toString();
        String from = sweep.toString();
        expect("--row " + (rows + 1) + ": " + sweep.resolve("pareto.csv") + " has rows 1 to " + rows,
                "export", RESNET18, "--row", Integer.toString(rows + 1), "--from", from, "--out", o);
        expect("--row 0: ", "export", RESNET18, "--row", "0", "--from", from, "--out", o);
        expect("--row 1 needs --from", "export", RESNET18, "--row", "1", "--out", o);
        expect("give either --row or --choices, not both", "export", RESNET18, "--row", "1", "--from", from,
                "--choices", "width:layer4=0.5", "--out", o);
        expect("give --row K --from DIR/pareto.csv", "export", RESNET18, "--out", o);
        expect("--choices: unknown knob 'width:layer9'; the job's knobs: separable:layer3, ", "export", RESNET18,
                "--choices", "width:layer9=0.5", "--out", o);
        expect("--choices: knob width:layer4 has no choice '0.6'; its choices: 0.5, 0.75, 1.0", "export", RESNET18,
                "--choices", "width:layer4=0.6", "--out", o);
        expect("--choices: 'width:layer4' is not knob=choice", "export", RESNET18, "--choices", "width:layer4",
                "--out", o);
        expect("--choices: knob width:layer4 is given twice", "export", RESNET18, "--choices",
                "width:layer4=0.5,width:layer4=1.0", "--out", o);
        expect("--out d.txt: export writes a model file, which ends in .yaml or .yml (or .onnx for ONNX)", "export",
                RESNET18, "--choices", "width:layer4=0.5", "--out", "d.txt");
        expect(dir.resolve("none.csv") + ": no such file", "export", RESNET18, "--row", "1", "--from",
                dir.resolve("none.csv").toString(), "--out", o);
        // a front of another job: its labels mean other networks
        Path other = dir.resolve("other");
        assertEquals(0, Run.of("sweep", "configs/jobs/vgg16_jetson_nano.yaml", "--out", other.toString())
                .exitCode());
        expect("is from a sweep of another job", "export", RESNET18, "--row", "1", "--from", other.toString(),
                "--out", o);
        Files.delete(other.resolve("summary.json"));
        expect("no column ", "export", RESNET18, "--row", "1", "--from", other.toString(), "--out", o);
        assertFalse(Files.exists(out), "nothing written");
    }

    private static void expect(String message, String... args) {
        Run run = Run.of(args).assertCleanBadInput();
        assertTrue(run.err().contains(message), String.join(" ", args) + "\n" + run.err());
    }
}
