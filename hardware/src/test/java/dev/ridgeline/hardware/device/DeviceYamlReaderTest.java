package dev.ridgeline.hardware.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.core.BadInputException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class DeviceYamlReaderTest {
    private static final String GOOD = """
            id: edge
            name: An edge board
            class: soc
            source: vendor page
            memory:
              bandwidthBytesPerSecond: 51.2e9
              capacityBytes: 8.0e9
            precisions:
              fp16: {matrixOpsPerSecond: 20.0e12, vectorOpsPerSecond: 2.0e12}
              int8: {matrixOpsPerSecond: 40.0e12, status: derived, note: 2 x fp16}
            """;

    static DeviceProfile read(String yaml) {
        return DeviceYamlReader.read("edge.yaml", new StringReader(yaml));
    }

    static String failure(String yaml) {
        return assertThrows(BadInputException.class, () -> read(yaml)).getMessage();
    }

    @Test
    void aProfileReadsWithDefaultsForWhatItLeavesOut() {
        DeviceProfile d = read(GOOD);
        assertEquals("edge", d.id());
        assertEquals(DeviceClass.SOC, d.deviceClass());
        assertEquals(0.7, d.computeEfficiency());
        assertEquals(0.9, d.memoryEfficiency());
        assertEquals(0.0, d.layerOverheadSeconds());
        assertEquals(Engine.MATRIX, d.require(Precision.FP16).engine(), "matrix engines by default when present");
        assertEquals(20.0e12, d.require(Precision.FP16).opsPerSecond());
        assertEquals(FigureStatus.DATASHEET, d.require(Precision.FP16).status());
        assertEquals(FigureStatus.DERIVED, d.require(Precision.INT8).status());
        assertEquals("fp16, int8", d.supported());
        assertTrue(d.peak(Precision.FP32).isEmpty(), "a precision left out is unsupported");
    }

    @Test
    void missingBandwidthNamesTheFileLineAndField() {
        String m = failure(GOOD.replace("  bandwidthBytesPerSecond: 51.2e9\n", ""));
        assertTrue(m.startsWith("edge.yaml:6:3: memory needs the field 'bandwidthBytesPerSecond'"), m);
    }

    @Test
    void aNegativePeakIsRejectedWhereItIsWritten() {
        String m = failure(GOOD.replace("matrixOpsPerSecond: 20.0e12", "matrixOpsPerSecond: -20.0e12"));
        assertTrue(m.startsWith("edge.yaml:9:30: field 'matrixOpsPerSecond' of precision fp16 must be a number above 0"),
                m);
    }

    @Test
    void aZeroPeakIsRejectedToo() {
        String m = failure(GOOD.replace("vectorOpsPerSecond: 2.0e12", "vectorOpsPerSecond: 0"));
        assertTrue(m.contains("field 'vectorOpsPerSecond' of precision fp16 must be a number above 0, got 0"), m);
    }

    @Test
    void anUnknownPrecisionSuggestsTheNearestAndListsThemAll() {
        String m = failure(GOOD.replace("  fp16:", "  fp12:"));
        assertTrue(m.startsWith("edge.yaml:9:3: unknown precision 'fp12' (did you mean 'fp32' or 'fp16'?); "
                + "precisions: fp64, fp32, fp16, bf16, int8"), m);
    }

    @Test
    void anUnknownFieldListsTheAllowedOnes() {
        String m = failure(GOOD.replace("  capacityBytes:", "  capacity:"));
        assertTrue(m.startsWith("edge.yaml:7:3: unknown field 'capacity' in memory"), m);
        assertTrue(m.contains("capacityBytes"), m);
    }

    @Test
    void usingAnEngineWithoutAPeakIsAnError() {
        String m = failure(GOOD.replace("int8: {matrixOpsPerSecond: 40.0e12,", "int8: {vectorOpsPerSecond: 4.0e12, use: matrix,"));
        assertTrue(m.contains("precision int8 uses the matrix engine but gives no matrixOpsPerSecond"), m);
    }

    @Test
    void efficienciesMustBeFractionsAndClassesKnown() {
        assertTrue(failure(GOOD.replace("class: soc", "class: fpga")).contains(
                "field 'class' of a device profile must be one of gpu, cpu, npu, soc, got 'fpga'"));
        assertTrue(failure(GOOD + "efficiency: {compute: 1.5}\n").contains(
                "field 'compute' of efficiency must be in (0, 1], got 1.5"));
    }

    @Test
    void aSourceIsRequired() {
        String m = failure(GOOD.replace("source: vendor page\n", ""));
        assertTrue(m.contains("needs the field 'source'"), m);
    }
}
