package dev.ridgeline.hardware.device;

import dev.ridgeline.core.op.Conv2d;
import dev.ridgeline.core.op.Op;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The kinds of kernel whose attainable compute rate differs on real runtimes, named by the op that heads the
 * kernel: dense convolutions up to 3x3, larger dense ones, pointwise (1x1) ones, depthwise ones, linear layers
 * and matrix products, and everything else (pooling, element-wise work).
 */
public enum KernelClass {
    CONV("conv"), LARGE_CONV("largeConv"), POINTWISE("pointwise"), DEPTHWISE("depthwise"), LINEAR("linear"),
    OTHER("other");

    private final String id;

    KernelClass(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static KernelClass of(Op op) {
        return switch (op.kind()) {
            case CONV2D -> {
                Conv2d c = (Conv2d) op;
                if (c.groups() > 1 && c.groups() == c.inChannels()) {
                    yield DEPTHWISE;
                }
                long area = c.window().kernelArea();
                yield area == 1 ? POINTWISE : area <= 9 ? CONV : LARGE_CONV;
            }
            case CONV_TRANSPOSE2D -> CONV;
            case LINEAR, MATMUL -> LINEAR;
            default -> OTHER;
        };
    }

    public static Optional<KernelClass> byId(String id) {
        return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst();
    }

    public static String knownIds() {
        return Arrays.stream(values()).map(KernelClass::id).collect(Collectors.joining(", "));
    }
}
