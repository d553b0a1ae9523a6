package dev.ridgeline.report.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class NamesTest {
    @Test
    void onnxPathsLoseThePrefixTheyShareCutAtASeparator() {
        assertEquals(List.of("3/conv/conv.0/Conv", "10/conv/conv.1/Conv", "1/Conv"), Names.withoutCommonPrefix(
                List.of("/features/features.3/conv/conv.0/Conv", "/features/features.10/conv/conv.1/Conv",
                        "/features/features.1/Conv")));
    }

    @Test
    void namesWithNothingInCommonOrAloneStayWhole() {
        assertEquals(List.of("conv1", "layer1"), Names.withoutCommonPrefix(List.of("conv1", "layer1")));
        assertEquals(List.of("/a/b"), Names.withoutCommonPrefix(List.of("/a/b")));
        assertEquals(List.of("layer1", "layer1"), Names.withoutCommonPrefix(List.of("layer1", "layer1")));
    }
}
