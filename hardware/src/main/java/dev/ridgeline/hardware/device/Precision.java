package dev.ridgeline.hardware.device;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The number formats a device computes in, with the bytes one element takes in memory. */
public enum Precision {
    FP64(8),
    FP32(4),
    FP16(2),
    BF16(2),
    INT8(1);

    private final int bytes;

    Precision(int bytes) {
        this.bytes = bytes;
    }

    public int bytes() {
        return bytes;
    }

    /** The name users write: "fp16". */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Precision> byId(String id) {
        return Arrays.stream(values()).filter(p -> p.id().equalsIgnoreCase(id.trim())).findFirst();
    }

    public static String knownIds() {
        return Arrays.stream(values()).map(Precision::id).collect(Collectors.joining(", "));
    }
}
