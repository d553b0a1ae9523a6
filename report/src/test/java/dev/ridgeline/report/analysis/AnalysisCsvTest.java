package dev.ridgeline.report.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.core.count.Convention;
import dev.ridgeline.core.count.CostReport;
import dev.ridgeline.hardware.device.DeviceProfile;
import dev.ridgeline.hardware.device.Precision;
import dev.ridgeline.hardware.roofline.LatencyReport;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalysisCsvTest {

    static List<String> lines(CostReport report) {
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
    void aTimedReportAddsSecondsAndBoundAndTheTotalSeconds(@TempDir Path dir) {
        DeviceProfile round = TestDevices.write(dir, "round", TestDevices.ROUND);
        CostReport report = TestDevices.count(TinyModels.tiny(), 1, Precision.FP32);
        LatencyReport latency = TestDevices.time(report, round, Precision.FP32, false);
        StringWriter out = new StringWriter();
        AnalysisCsv.write(report, Optional.of(latency), out);
        List<String> lines = out.toString().lines().toList();
        assertEquals(String.join(",", AnalysisCsv.HEADER) + ",seconds,bound", lines.get(0));
        for (int i = 0; i < latency.layers().size(); i++) {
            String[] cells = lines.get(i + 1).split(",", -1);
            assertEquals(AnalysisCsv.HEADER.size() + 2, cells.length, lines.get(i + 1));
            assertEquals(latency.layers().get(i).seconds(), Double.parseDouble(cells[cells.length - 2]),
                    "reads back as the same double");
            assertEquals(latency.layers().get(i).bound().id(), cells[cells.length - 1]);
        }
        assertTrue(lines.get(1).endsWith(",compute"), lines.get(1));
        String[] total = lines.get(lines.size() - 1).split(",", -1);
        assertEquals("TOTAL", total[0]);
        assertEquals(latency.totalSeconds(), Double.parseDouble(total[total.length - 2]));
        assertEquals(27.472e-6, Double.parseDouble(total[total.length - 2]), 1e-18);
        assertEquals("", total[total.length - 1]);
    }
}
