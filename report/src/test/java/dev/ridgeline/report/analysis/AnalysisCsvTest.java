package dev.ridgeline.report.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.core.count.Convention;
import dev.ridgeline.core.count.CostReport;
import dev.ridgeline.core.count.Counter;
import dev.ridgeline.core.shape.ShapeInference;
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
        AnalysisCsv.write(report, Precision.FP32, out);
        return out.toString().lines().toList();
    }

    @Test
    void aHeaderThenOneRowPerLayerThenTheTotals() {
        List<String> lines = lines(TinyModels.count(TinyModels.tiny(), 1, Convention.MACS));
        assertEquals("name,op,inputs,outputShape,params,macs,flops,activations,readBytes,writeBytes,share,"
                + "convention,precision,batch", lines.get(0));
        assertEquals(1 + 4 + 1, lines.size());
        assertEquals("conv,conv2d,input,1x4x8x8,112,6912,6912,256,1216,1024,0.729730,macs,fp32,1", lines.get(1));
        assertEquals("flatten,flatten,relu,1x256,0,0,0,256,0,0,0.000000,macs,fp32,1", lines.get(3));
        assertEquals("TOTAL,,,,2682,9472,9472,778,13544,2088,1.000000,macs,fp32,1", lines.get(5));
    }

    @Test
    void severalInputsAreJoinedBySemicolonsAndOddNamesAreQuoted() {
        List<String> lines = lines(TinyModels.count(TinyModels.residual("b, \"the\" other"), 1, Convention.MACS));
        assertEquals("\"b, \"\"the\"\" other\",conv2d,input,1x2x4x4,4,64,64,32,144,128,0.500000,macs,fp32,1",
                lines.get(2));
        assertEquals("sum,add,\"a;b, \"\"the\"\" other\",1x2x4x4,0,0,0,32,256,128,0.000000,macs,fp32,1",
                lines.get(3));
    }

    @Test
    void everyRowSaysItsConventionPrecisionAndBatch() {
        CostReport report = Counter.count(ShapeInference.infer(TinyModels.tiny(), 8), Convention.PTFLOPS,
                Precision.FP16.bytes());
        StringWriter out = new StringWriter();
        AnalysisCsv.write(report, Precision.FP16, out);
        List<String> lines = out.toString().lines().toList();
        List<String> header = List.of(lines.get(0).split(",", -1));
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            assertEquals("ptflops", cells[header.indexOf("convention")], line);
            assertEquals("fp16", cells[header.indexOf("precision")], line);
            assertEquals("8", cells[header.indexOf("batch")], line);
        }
    }

    @Test
    void aPrecisionOfAnotherElementSizeIsRefused() {
        CostReport report = TinyModels.count(TinyModels.tiny(), 1, Convention.MACS);
        assertThrows(IllegalArgumentException.class, () -> AnalysisCsv.write(report, Precision.INT8,
                new StringWriter()));
    }

    @Test
    void aTimedReportAddsSecondsAndBoundAndTheTotalSeconds(@TempDir Path dir) {
        DeviceProfile round = TestDevices.write(dir, "round", TestDevices.ROUND);
        CostReport report = TestDevices.count(TinyModels.tiny(), 1, Precision.FP32);
        LatencyReport latency = TestDevices.time(report, round, Precision.FP32, false);
        StringWriter out = new StringWriter();
        AnalysisCsv.write(report, Precision.FP32, Optional.of(latency), out);
        List<String> lines = out.toString().lines().toList();
        assertEquals(String.join(",", AnalysisCsv.HEADER) + ",seconds,bound", lines.get(0));
        for (int i = 0; i < latency.layers().size(); i++) {
            String[] cells = lines.get(i + 1).split(",", -1);
            assertEquals(AnalysisCsv.HEADER.size() + 2, cells.length, lines.get(i + 1));
            String seconds = cells[cells.length - 2];
            assertTrue(seconds.matches("0\\.0*[1-9][0-9]{5}") || seconds.equals("0.00000"),
                    "six significant digits, no exponent: " + seconds);
            assertEquals(latency.layers().get(i).seconds(), Double.parseDouble(seconds),
                    latency.layers().get(i).seconds() * 1e-5, "the layer's time to six digits");
            assertEquals(latency.layers().get(i).bound().id(), cells[cells.length - 1]);
        }
        assertTrue(lines.get(1).endsWith(",compute"), lines.get(1));
        String[] total = lines.get(lines.size() - 1).split(",", -1);
        assertEquals("TOTAL", total[0]);
        assertEquals("0.0000274720", total[total.length - 2], "27.472 us, six significant digits");
        assertEquals("", total[total.length - 1]);
    }
}
