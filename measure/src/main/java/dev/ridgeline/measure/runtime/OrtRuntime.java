package dev.ridgeline.measure.runtime;

import dev.ridgeline.core.BadInputException;

/**
 * Finds ONNX Runtime on the class path. {@code ridgeline.jar} leaves it out (it is about 93 MB with its native
 * libraries); {@code ridgeline-measure.jar} carries it.
 */
public final class OrtRuntime {
    static final String MISSING = "measuring needs ONNX Runtime, which ridgeline.jar leaves out to stay small: run"
            + " the same command with java -jar cli/target/ridgeline-measure.jar (built beside ridgeline.jar by"
            + " mvn package), or put com.microsoft.onnxruntime:onnxruntime on the class path";

    private OrtRuntime() {
    }

    public static boolean available() {
        try {
            Class.forName("ai.onnxruntime.OrtEnvironment", false, OrtRuntime.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Fails with what to do when ONNX Runtime is absent. */
    public static void require() {
        if (!available()) {
            throw new BadInputException(MISSING);
        }
    }
}
