package dev.ridgeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ridgeline.core.count.Convention;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code ridgeline analyze} end to end, in process, against torchvision's and the tools' published figures. */
class AnalyzeCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode analyzeJson(String... extra) throws Exception {
        String[] args = Stream.concat(Stream.of("analyze"), Stream.of(extra)).toArray(String[]::new);
        Run run = Run.of(args);
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("", run.err());
        return JSON.readTree(run.out());
    }

    @ParameterizedTest(name = "resnet50 under {0}: flops {1}")
    @CsvSource({
        "macs,    4089184256",
        "pytorch, 8178368512",
        "ptflops, 4121925096",
    })
    void resnet50TotalsMatchEachConventionsFigure(String convention, long flops) throws Exception {
        JsonNode root = analyzeJson("resnet50", "--convention", convention, "--format", "json");
        JsonNode totals = root.get("totals");
        assertEquals(4_089_184_256L, totals.get("macs").asLong(),
                "totals.macs is torchvision's rule whatever the convention");
        assertEquals(flops, totals.get("flops").asLong());
        assertEquals(25_557_032L, totals.get("params").asLong());
        assertEquals(convention, root.get("convention").asText());
        assertEquals("[3,224,224]", root.get("input").toString());
        assertEquals("resnet50", root.get("provenance").get("modelSource").asText());
        assertEquals(Version.current(), root.get("provenance").get("version").asText());
        assertEquals(com.google.common.hash.Hashing.sha256().hashBytes(
                        java.nio.file.Files.readAllBytes(java.nio.file.Path.of("configs/zoo/resnet50.yaml"))).toString(),
                root.get("provenance").get("modelSha256").asText(), "the hash of the bundled file it was counted from");
    }

    @Test
    void convLayersShowKernelStridePaddingDilationAndGroups() throws Exception {
        JsonNode layers = analyzeJson("resnet50", "--format", "json").get("layers");
        JsonNode conv1 = layers.get(0);
        assertEquals("conv1", conv1.get("name").asText());
        assertEquals("conv2d", conv1.get("op").asText());
        assertEquals("[7,7]", conv1.get("kernel").toString());
        assertEquals("[2,2]", conv1.get("stride").toString());
        assertEquals("[3,3]", conv1.get("padding").toString());
        assertEquals("[1,1]", conv1.get("dilation").toString());
        assertEquals(1, conv1.get("groups").asInt());
        assertEquals("[1,64,112,112]", conv1.get("outputShape").toString());
        long convs = 0;
        for (JsonNode layer : layers) {
            if (layer.get("op").asText().equals("conv2d")) {
                convs++;
                for (String field : List.of("kernel", "stride", "padding", "dilation", "groups")) {
                    assertTrue(layer.has(field), field + " of " + layer.get("name"));
                }
            }
        }
        assertEquals(53, convs, "resnet50 has 53 convolutions");
    }

    @Test
    void inputAndBatchReplaceTheSampleShapeAndTheBatch() throws Exception {
        JsonNode root = analyzeJson("resnet50", "--input", "3x160x160", "--batch", "4", "--format", "json");
        assertEquals("[3,160,160]", root.get("input").toString());
        assertEquals(4, root.get("batch").asInt());
        assertEquals("[4,64,80,80]", root.get("layers").get(0).get("outputShape").toString());
        // conv1 alone: 4 x 64 x 80 x 80 outputs x 3 x 49
        assertEquals(4L * 64 * 80 * 80 * 3 * 49, root.get("layers").get(0).get("macs").asLong());
    }

    @Test
    void theDefaultIsATableUnderTheMacsConvention() {
        Run run = Run.of("analyze", "resnet50");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("resnet50  |  input 3x224x224  |  batch 1  |  convention macs (MACs)"),
                run.out());
        assertTrue(run.out().matches("(?s).*\\nMACs +4,089,184,256 +4\\.09 G\\n.*"), run.out());
    }

    @ParameterizedTest(name = "--convention {0}")
    @EnumSource(Convention.class)
    void theTableNamesTheConventionOfItsFlopsTotal(Convention convention) {
        Run run = Run.of("analyze", "mobilenet_v2", "--convention", convention.id());
        assertEquals(0, run.exitCode(), run.err());
        String totals = "(?s).*\\nFLOPs \\(" + convention.id() + " convention\\) +[0-9,]+ +[0-9.]+ [kMG]\\n.*";
        assertTrue(run.out().matches(totals), run.out());
        assertFalse(run.out().contains("(("), run.out());
        assertFalse(run.out().contains("))"), run.out());
    }

    @Test
    void csvEndsWithTheTotals() {
        Run run = Run.of("analyze", "resnet18", "--format", "csv");
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals("name,op,inputs,outputShape,params,macs,flops,activations,readBytes,writeBytes,share,"
                + "convention,precision,batch", lines.get(0));
        assertTrue(lines.get(lines.size() - 1).startsWith("TOTAL,,,,11689512,1814073344,1814073344,"),
                lines.get(lines.size() - 1));
    }

    @Test
    void csvRowsCarryTheConventionPrecisionAndBatchAsGiven() {
        Run run = Run.of("analyze", "resnet18", "--format", "csv", "--convention", "fvcore", "--precision", "bf16",
                "--batch", "4");
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.get(0).endsWith(",convention,precision,batch"), lines.get(0));
        lines.subList(1, lines.size()).forEach(row -> assertTrue(row.endsWith(",fvcore,bf16,4"), row));
    }

    @Test
    void outWritesTheFileAndLeavesNoTemporaryBehind(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("resnet50.json");
        Files.writeString(file, "old contents");
        Run run = Run.of("analyze", "resnet50", "--format", "json", "--out", file.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("", run.out(), "the report goes to the file, not stdout");
        assertEquals(4_089_184_256L, JSON.readTree(file.toFile()).get("totals").get("macs").asLong());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void outIntoAMissingDirectoryIsBadInput(@TempDir Path dir) {
        Run run = Run.of("analyze", "resnet50", "--out", dir.resolve("no/such/dir/r.json").toString())
                .assertCleanBadInput();
        assertTrue(run.err().contains("no such directory"), run.err());
    }
}
