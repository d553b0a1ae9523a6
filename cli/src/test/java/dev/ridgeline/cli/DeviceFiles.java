package dev.ridgeline.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Device YAML files that tests write into their temporary directory. */
final class DeviceFiles {
    /** An NPU that computes in int8 only, on host memory. */
    static final String INT8_ONLY = """
            id: tiny-npu
            name: Tiny NPU
            class: npu
            source: a test's own figures
            memory:
              bandwidthBytesPerSecond: 12.8e9
            layerOverheadSeconds: 1.0e-5
            precisions:
              int8: {matrixOpsPerSecond: 4.0e12}
            """;

    /** The memory block on line 5 lacks the bandwidth. */
    static final String MISSING_BANDWIDTH = """
            id: no-bandwidth
            name: No Bandwidth
            source: a test
            memory:
              capacityBytes: 8.0e9
            precisions:
              fp32: {vectorOpsPerSecond: 1.0e12}
            """;

    /** Line 7 has a negative peak. */
    static final String NEGATIVE_PEAK = """
            id: negative
            name: Negative Peak
            source: a test
            memory:
              bandwidthBytesPerSecond: 1.0e11
            precisions:
              fp16: {matrixOpsPerSecond: -5.0e12}
            """;

    /** Line 8 names a precision that does not exist. */
    static final String UNKNOWN_PRECISION = """
            id: fp12-board
            name: FP12 Board
            source: a test
            memory:
              bandwidthBytesPerSecond: 1.0e11
            precisions:
              fp32: {vectorOpsPerSecond: 1.0e12}
              fp12: {vectorOpsPerSecond: 2.0e12}
            """;

    private DeviceFiles() {
    }

    static String write(Path dir, String name, String yaml) {
        try {
            Path file = dir.resolve(name);
            Files.writeString(file, yaml);
            return file.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
