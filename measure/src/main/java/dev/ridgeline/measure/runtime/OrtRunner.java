package dev.ridgeline.measure.runtime;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.OrtSession.SessionOptions;
import ai.onnxruntime.OrtSession.SessionOptions.OptLevel;
import dev.ridgeline.core.BadInputException;
import dev.ridgeline.measure.stats.Spread;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Runs an ONNX model in ONNX Runtime on the CPU: a session with a pinned intra-op thread count (one inter-op
 * thread, sequential execution, spinning off so that threads do not burn the cores between runs), untimed
 * warm-up runs, then timed runs of one inference each on fixed random inputs; optionally a second, profiled
 * session whose per-node times are mapped back to Ridgeline's layer names. Only this class touches ORT.
 */
public final class OrtRunner {
    private OrtRunner() {
    }

    /**
     * @param source  how messages name the model (its file or design)
     * @param inputs  input name to its full shape, batch first
     * @param layers  the Ridgeline layer names the profile is mapped to
     */
    public static RunResult run(String source, byte[] onnx, Map<String, long[]> inputs, RunOptions options,
                                Set<String> layers) {
        OrtRuntime.require();
        try {
            OrtEnvironment env = OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR, "ridgeline");
            Environment where = Environment.detect(env.getVersion(), options.optLevel(), options.threads());
            double[] seconds;
            try (SessionOptions so = sessionOptions(options); OrtSession session = load(env, source, onnx, so)) {
                Map<String, OnnxTensor> feed = feed(env, inputs);
                try {
                    for (int i = 0; i < options.warmupRuns(); i++) {
                        session.run(feed).close();
                    }
                    seconds = new double[options.timedRuns()];
                    for (int i = 0; i < seconds.length; i++) {
                        long start = System.nanoTime();
                        session.run(feed).close();
                        seconds[i] = (System.nanoTime() - start) * 1e-9;
                    }
                } finally {
                    feed.values().forEach(OnnxTensor::close);
                }
            }
            List<NodeTime> profile = options.profile() ? profile(env, source, onnx, inputs, options, layers)
                    : List.of();
            return new RunResult(Spread.of(seconds), profile, where);
        } catch (OrtException e) {
            throw new BadInputException(source + ": " + fixedShape(reason(e)).orElse("ONNX Runtime failed to run it: "
                    + reason(e)));
        }
    }

    private static List<NodeTime> profile(OrtEnvironment env, String source, byte[] onnx, Map<String, long[]> inputs,
                                          RunOptions options, Set<String> layers) throws OrtException {
        int runs = Math.max(3, options.timedRuns() / 2);
        Path dir;
        try {
            dir = Files.createTempDirectory("ridgeline-profile");
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a temporary folder for ORT's profile", e);
        }
        try (SessionOptions so = sessionOptions(options)) {
            so.enableProfiling(dir.resolve("ort").toString());
            Path trace;
            try (OrtSession session = load(env, source, onnx, so)) {
                Map<String, OnnxTensor> feed = feed(env, inputs);
                try {
                    session.run(feed).close(); // warm-up, profiled too: subtracted below by counting it
                    for (int i = 0; i < runs; i++) {
                        session.run(feed).close();
                    }
                } finally {
                    feed.values().forEach(OnnxTensor::close);
                }
                trace = Path.of(session.endProfiling());
            }
            return ProfileReader.read(trace, runs + 1, layers);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read ORT's profile: " + e.getMessage(), e);
        } finally {
            deleteTree(dir);
        }
    }

    private static OrtSession load(OrtEnvironment env, String source, byte[] onnx, SessionOptions so) {
        try {
            return env.createSession(onnx, so);
        } catch (OrtException e) {
            throw new BadInputException(source + ": ONNX Runtime cannot load it (" + reason(e)
                    + "); give a valid ONNX model whose ops ONNX Runtime's CPU provider runs, e.g. one exported"
                    + " with torch.onnx.export at opset 13 to 21, or a Ridgeline model (YAML, zoo, job row)");
        }
    }

    private static final java.util.regex.Pattern INVALID_DIMENSION = java.util.regex.Pattern.compile(
            "(?s)Got invalid dimensions for input: (\\S+) .*?index: (\\d+) Got: (\\d+) Expected: (\\d+).*");

    /**
     * ORT refusing the input's shape, said as what to change: the file fixes that dimension (index 0 is the
     * batch), so it runs only at the size it declares.
     */
    static Optional<String> fixedShape(String reason) {
        java.util.regex.Matcher m = INVALID_DIMENSION.matcher(reason);
        if (!m.matches()) {
            return Optional.empty();
        }
        String input = m.group(1);
        String expected = m.group(4);
        if (m.group(2).equals("0")) {
            return Optional.of("the file fixes the batch of its input '" + input + "' at " + expected + ", so it"
                    + " cannot run at batch " + m.group(3) + ": run it with --batch " + expected + " (or without"
                    + " --batch), or export the model with a dynamic batch axis (torch.onnx.export(...,"
                    + " dynamic_axes={'" + input + "': {0: 'batch'}}))");
        }
        return Optional.of("the file fixes dimension " + m.group(2) + " of its input '" + input + "' at " + expected
                + ", not " + m.group(3) + ": give an input shape that matches the file, or export the model with"
                + " that axis dynamic");
    }

    /** ORT's own words without its error-code prefix and source location: "INVALID_ARGUMENT : ...". */
    static String reason(OrtException e) {
        String message = String.valueOf(e.getMessage()).strip();
        int marker = message.indexOf("[ONNXRuntimeError]");
        if (marker >= 0) {
            message = message.substring(marker + "[ONNXRuntimeError]".length())
                    .replaceFirst("^\\s*:\\s*\\d+\\s*:\\s*", "");
        }
        return message.replaceFirst("^Error code - \\w+ - message: ", "");
    }

    private static SessionOptions sessionOptions(RunOptions options) throws OrtException {
        SessionOptions so = new SessionOptions();
        so.setIntraOpNumThreads(options.threads());
        so.setInterOpNumThreads(1);
        so.setExecutionMode(SessionOptions.ExecutionMode.SEQUENTIAL);
        so.setOptimizationLevel(switch (options.optLevel()) {
            case "basic" -> OptLevel.BASIC_OPT;
            case "extended" -> OptLevel.EXTENDED_OPT;
            default -> OptLevel.ALL_OPT;
        });
        so.addConfigEntry("session.intra_op.allow_spinning", "0");
        return so;
    }

    private static Map<String, OnnxTensor> feed(OrtEnvironment env, Map<String, long[]> inputs) throws OrtException {
        SplittableRandom random = new SplittableRandom(42);
        Map<String, OnnxTensor> feed = new HashMap<>();
        for (Map.Entry<String, long[]> in : inputs.entrySet()) {
            long n = 1;
            for (long d : in.getValue()) {
                n = Math.multiplyExact(n, d);
            }
            float[] data = new float[Math.toIntExact(n)];
            for (int i = 0; i < data.length; i++) {
                data[i] = (float) random.nextGaussian();
            }
            feed.put(in.getKey(), OnnxTensor.createTensor(env, FloatBuffer.wrap(data), in.getValue()));
        }
        return feed;
    }

    private static void deleteTree(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary profile is harmless
        }
    }
}
