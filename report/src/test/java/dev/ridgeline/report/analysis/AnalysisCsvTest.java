package dev.ridgeline.report.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ridgeline.core.count.Convention;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnalysisCsvTest {

    static List<String> lines(dev.ridgeline.core.count.CostReport report) {
        StringWriter out = new StringWriter();
        AnalysisCsv.write(report, out);
        return out.toString().lines().toList();
    }

    @Test
    void aHeaderThenOneRowPerLayerThenTheTotals() {
        List<String> lines = lines(TinyModels.count(TinyModels.tiny(), 1, Convention.MACS));
        assertEquals("name,op,inputs,outputShape,params,macs,flops,activations,readBytes,writeBytes,share",
                lines.get(0));
        assertEquals(1 + 4 + 1, lines.size());
        assertEquals("conv,conv2d,input,1x4x8x8,112,6912,6912,256,1216,1024,0.729730", lines.get(1));
        assertEquals("flatten,flatten,relu,1x256,0,0,0,256,0,0,0.000000", lines.get(3));
        assertEquals("TOTAL,,,,2682,9472,9472,778,13544,2088,1.000000", lines.get(5));
    }

    @Test
    void severalInputsAreJoinedBySemicolonsAndOddNamesAreQuoted() {
        List<String> lines = lines(TinyModels.count(TinyModels.residual("b, \"the\" other"), 1, Convention.MACS));
        assertEquals("\"b, \"\"the\"\" other\",conv2d,input,1x2x4x4,4,64,64,32,144,128,0.500000", lines.get(2));
        assertEquals("sum,add,\"a;b, \"\"the\"\" other\",1x2x4x4,0,0,0,32,256,128,0.000000", lines.get(3));
    }

    @Test
    void quotingFollowsRfc4180() {
        assertEquals("plain", AnalysisCsv.quote("plain"));
        assertEquals("\"a,b\"", AnalysisCsv.quote("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", AnalysisCsv.quote("say \"hi\""));
        assertEquals("\"two\nlines\"", AnalysisCsv.quote("two\nlines"));
    }
}
