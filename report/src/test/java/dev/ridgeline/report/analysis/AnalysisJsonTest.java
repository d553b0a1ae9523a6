package dev.ridgeline.report.analysis;

import dev.ridgeline.store.analysis.AnalysisJson;
import dev.ridgeline.store.analysis.Provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ridgeline.core.count.Convention;
import dev.ridgeline.core.count.CostReport;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnalysisJsonTest {
    private static final Provenance PROVENANCE = Provenance.of("9.9.9", "models/tiny.yaml", "ab12");

    static JsonNode json(CostReport report) throws Exception {
        StringWriter out = new StringWriter();
        AnalysisJson.write(report, PROVENANCE, out);
        return new ObjectMapper().readTree(out.toString());
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void topLevelFieldsFollowTheContractThenTheAdditionsInAStableOrder() throws Exception {
        JsonNode root = json(TinyModels.count(TinyModels.tiny(), 1, Convention.MACS));
        assertEquals(List.of("model", "input", "batch", "convention", "conventionUnit", "elementBytes", "totals",
                "perBatch", "featureMapElements", "notCounted", "provenance", "layers"), fieldNames(root));
        assertEquals(List.of("params", "macs", "flops", "activations", "weightBytes", "peakActivationBytes",
                "memoryTrafficBytes"), fieldNames(root.get("totals")));
    }

    @Test
    void totalsOfTheTinyModelAreTheHandCountedFigures() throws Exception {
        JsonNode root = json(TinyModels.count(TinyModels.tiny(), 1, Convention.MACS));
        assertEquals("tiny", root.get("model").asText());
        assertEquals("[3,8,8]", root.get("input").toString());
        assertEquals(1, root.get("batch").asInt());
        assertEquals("macs", root.get("convention").asText());
        assertEquals("MACs", root.get("conventionUnit").asText());
        assertEquals(4, root.get("elementBytes").asInt());
        JsonNode t = root.get("totals");
        // conv: 4x3x9 + 4 = 112 params, 256 outputs x 27 = 6912 MACs; fc: 2560 + 10 params, 2560 MACs
        assertEquals(2682, t.get("params").asLong());
        assertEquals(9472, t.get("macs").asLong());
        assertEquals(9472, t.get("flops").asLong());
        // conv 256 + relu 256 + flatten 256 + fc 10 output elements
        assertEquals(778, t.get("activations").asLong());
        assertEquals(2682 * 4, t.get("weightBytes").asLong());
        // input (768 B) and conv (1024 B) live, then conv (1024 B) and relu (1024 B)
        assertEquals(2048, t.get("peakActivationBytes").asLong());
        // reads: conv (192 + 112) x 4, relu 1024, fc (256 + 2570) x 4; writes 1024 + 1024 + 40; flatten moves nothing
        assertEquals(1216 + 1024 + 11304 + 1024 + 1024 + 40, t.get("memoryTrafficBytes").asLong());
        assertEquals("[\"macs\",\"flops\",\"activations\",\"peakActivationBytes\",\"memoryTrafficBytes\"]",
                root.get("perBatch").toString());
        // the flatten view adds no feature map of its own
        assertEquals(256 + 256 + 10, root.get("featureMapElements").asLong());
        assertEquals("{\"relu\":1}", root.get("notCounted").toString());
        assertEquals("{\"tool\":\"ridgeline\",\"version\":\"9.9.9\",\"modelSource\":\"models/tiny.yaml\",\"modelSha256\":\"ab12\"}",
                root.get("provenance").toString());
    }

    @Test
    void aConvLayerCarriesItsCostsThenItsAttributesUnderTheirOwnNames() throws Exception {
        JsonNode conv = json(TinyModels.count(TinyModels.tiny(), 1, Convention.MACS)).get("layers").get(0);
        assertEquals(List.of("name", "op", "inputs", "outputShape", "params", "macs", "flops", "activations",
                "readBytes", "writeBytes", "counted", "labels", "inChannels", "outChannels", "kernel", "stride",
                "padding", "dilation", "groups", "bias"), fieldNames(conv));
        assertEquals("conv", conv.get("name").asText());
        assertEquals("conv2d", conv.get("op").asText());
        assertEquals("[\"input\"]", conv.get("inputs").toString());
        assertEquals("[1,4,8,8]", conv.get("outputShape").toString());
        assertEquals(112, conv.get("params").asLong());
        assertEquals(6912, conv.get("macs").asLong());
        assertEquals(1216, conv.get("readBytes").asLong());
        assertEquals(1024, conv.get("writeBytes").asLong());
        assertEquals("[\"stem\"]", conv.get("labels").toString());
        assertEquals("[3,3]", conv.get("kernel").toString());
        assertEquals("[1,1]", conv.get("stride").toString());
        assertEquals("[1,1]", conv.get("padding").toString());
        assertEquals("[1,1]", conv.get("dilation").toString());
        assertEquals(1, conv.get("groups").asInt());
        assertTrue(conv.get("bias").asBoolean());
    }

    @Test
    void aLayerTheConventionIgnoresSaysSo() throws Exception {
        JsonNode layers = json(TinyModels.count(TinyModels.tiny(), 1, Convention.MACS)).get("layers");
        assertTrue(layers.get(0).get("counted").asBoolean());
        assertFalse(layers.get(1).get("counted").asBoolean(), "relu under the macs convention");
        assertEquals(0, layers.get(1).get("flops").asLong());
    }

    @Test
    void countsAreJsonIntegersEvenBeyondTheIntRange() throws Exception {
        // batch 300000: 2,073,600,000 conv MACs and more in total, past 2^31
        JsonNode root = json(TinyModels.count(TinyModels.tiny(), 300_000, Convention.PYTORCH));
        JsonNode flops = root.get("totals").get("flops");
        assertTrue(flops.isIntegralNumber(), flops.toString());
        assertEquals(2L * 9472 * 300_000, flops.asLong());
        assertTrue(flops.asLong() > Integer.MAX_VALUE);
        for (JsonNode layer : root.get("layers")) {
            for (String field : List.of("params", "macs", "flops", "readBytes", "writeBytes")) {
                assertTrue(layer.get(field).isIntegralNumber(), field + " of " + layer.get("name"));
            }
        }
        assertEquals("[300000,4,8,8]", root.get("layers").get(0).get("outputShape").toString());
        assertEquals("[3,8,8]", root.get("input").toString(), "input is one sample's shape");
    }

    @Test
    void theSameReportGivesTheSameBytes() throws Exception {
        CostReport report = TinyModels.count(TinyModels.residual("b"), 2, Convention.ONNX_TOOL);
        StringWriter first = new StringWriter();
        StringWriter second = new StringWriter();
        AnalysisJson.write(report, PROVENANCE, first);
        AnalysisJson.write(TinyModels.count(TinyModels.residual("b"), 2, Convention.ONNX_TOOL), PROVENANCE, second);
        assertEquals(first.toString(), second.toString());
        assertTrue(first.toString().contains("\"input\": [2, 4, 4]"), "short arrays stay on one line");
    }
}
