package dev.ridgeline.core.io.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import dev.ridgeline.core.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * ONNX's own backend node tests (Debian's libonnx-testdata), read as a user would: the first graph input is
 * the data, every other input becomes an initializer holding the test's value. For each case Ridgeline either
 * reads it with every graph output's shape equal to the expected output's, or refuses it with a message naming
 * the op; never a wrong shape, a dropped output or a crash. Writes the per-op coverage table into docs/onnx.md.
 */
class ConformanceTest {
    static final Path DATA = Path.of("/usr/share/libonnx-testdata/data/node");
    static final Path DOC = Path.of("docs/onnx.md");
    static final String BEGIN = "<!-- conformance table: written by ConformanceTest -->";
    static final String END = "<!-- end of conformance table -->";

    /** What an outcome is: read exactly, refused by name, or one of the failures this test exists to catch. */
    enum Outcome { READ, REFUSED, WRONG, UNNAMED, CRASH }

    record Case(String name, String op, Outcome outcome, String detail) {
    }

    @Test
    void everyBackendNodeTestIsReadExactlyOrRefusedByName() throws IOException {
        if (!Files.isDirectory(DATA)) {
            assertTrue(!"true".equals(System.getenv("CI")), DATA + " is missing: .ci/run installs libonnx-testdata");
            assumeTrue(false, DATA + " is missing (apt-get install libonnx-testdata)");
        }
        List<Case> cases = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(DATA)) {
            for (Path dir : dirs.sorted().toList()) {
                Case c = run(dir);
                if (c != null) {
                    cases.add(c);
                }
            }
        }
        List<Case> bad = cases.stream().filter(c -> c.outcome() != Outcome.READ && c.outcome() != Outcome.REFUSED)
                .toList();
        Coverage coverage = Coverage.of(cases);
        coverage.writeInto(DOC);
        assertTrue(bad.isEmpty(), () -> bad.size() + " cases silently wrong, crashed or refused without naming the op:\n"
                + bad.stream().map(c -> c.outcome() + " " + c.name() + " (" + c.op() + "): " + c.detail())
                .collect(Collectors.joining("\n")));
        assertTrue(coverage.visionShare() >= VISION_FLOOR, "vision ops read on every case: "
                + coverage.visionShare());
    }

    /** The share of {@link VisionOps#ALL} read on every one of their cases; raised as rules are added. */
    static final double VISION_FLOOR = 0.91;

    /** Runs one case, or null when its first input is not float data (nothing a vision network feeds). */
    static Case run(Path dir) throws IOException {
        Path modelFile = dir.resolve("model.onnx");
        Path set = dir.resolve("test_data_set_0");
        if (!Files.isRegularFile(modelFile) || !Files.isDirectory(set)) {
            return null;
        }
        ModelProto proto = ModelProto.parseFrom(Files.readAllBytes(modelFile));
        var graph = proto.getGraph();
        if (graph.getInputCount() == 0 || !isFloat(graph.getInput(0))) {
            return null;
        }
        String op = opOf(dir, proto);
        var g = graph.toBuilder();
        List<ValueInfoProto> inputs = new ArrayList<>(graph.getInputList());
        g.clearInput().addInput(inputs.get(0));
        for (int k = 1; k < inputs.size(); k++) {
            Path pb = set.resolve("input_" + k + ".pb");
            if (!Files.isRegularFile(pb)) {
                continue;
            }
            g.addInitializer(TensorProto.parseFrom(Files.readAllBytes(pb)).toBuilder().setName(inputs.get(k).getName()));
        }
        ModelProto model = proto.toBuilder().setGraph(g).build();
        List<String> types = graph.getNodeList().stream().map(NodeProto::getOpType).distinct().toList();
        Map<String, long[]> dims;
        try {
            dims = OnnxReader.load(model, dir.getFileName().toString(), "case", Optional.empty(), false).outputDims();
        } catch (OnnxReader.ConstantGraph e) {
            // every output folded (a Shape of the input): no network for a user, but the folded shapes must be right
            dims = e.outputDims();
        } catch (BadInputException e) {
            boolean named = types.stream().anyMatch(t -> e.getMessage().contains(t));
            return new Case(dir.getFileName().toString(), op, named ? Outcome.REFUSED : Outcome.UNNAMED, e.getMessage());
        } catch (RuntimeException e) {
            return new Case(dir.getFileName().toString(), op, Outcome.CRASH, e.toString());
        }
        for (int k = 0; k < graph.getOutputCount(); k++) {
            String out = graph.getOutput(k).getName();
            long[] expected = TensorProto.parseFrom(Files.readAllBytes(set.resolve("output_" + k + ".pb")))
                    .getDimsList().stream().mapToLong(Long::longValue).toArray();
            long[] got = dims.get(out);
            if (got == null || !Arrays.equals(expected, got)) {
                return new Case(dir.getFileName().toString(), op, Outcome.WRONG, "output '" + out + "' is "
                        + (got == null ? "missing" : Arrays.toString(got)) + ", expected " + Arrays.toString(expected));
            }
        }
        return new Case(dir.getFileName().toString(), op, Outcome.READ, "");
    }

    private static boolean isFloat(ValueInfoProto in) {
        int t = in.getType().getTensorType().getElemType();
        return t == TensorProto.DataType.FLOAT_VALUE || t == TensorProto.DataType.DOUBLE_VALUE
                || t == TensorProto.DataType.FLOAT16_VALUE || t == TensorProto.DataType.BFLOAT16_VALUE;
    }

    /** The op a case tests: its one node's type, or for a function's expansion the op it expands. */
    private static String opOf(Path dir, ModelProto proto) throws IOException {
        List<String> types = proto.getGraph().getNodeList().stream().map(NodeProto::getOpType).distinct().toList();
        if (types.size() == 1) {
            return types.get(0);
        }
        String name = dir.getFileName().toString();
        if (name.endsWith("_expanded")) {
            Path plain = dir.resolveSibling(name.substring(0, name.length() - "_expanded".length())).resolve("model.onnx");
            if (Files.isRegularFile(plain)) {
                var nodes = ModelProto.parseFrom(Files.readAllBytes(plain)).getGraph().getNodeList();
                if (nodes.size() == 1) {
                    return nodes.get(0).getOpType() + " (expanded)";
                }
            }
        }
        return types.stream().filter(t -> !t.equals("Constant")).collect(Collectors.joining("+"));
    }

    /** Cases per op, and which ops read on every case. */
    record Coverage(Map<String, List<Case>> byOp) {
        static Coverage of(List<Case> cases) {
            return new Coverage(cases.stream().collect(Collectors.groupingBy(Case::op, TreeMap::new,
                    Collectors.toList())));
        }

        double visionShare() {
            long all = VisionOps.ALL.stream().filter(byOp::containsKey).count();
            long full = VisionOps.ALL.stream().filter(byOp::containsKey).filter(this::readsAll).count();
            return all == 0 ? 0 : (double) full / all;
        }

        boolean readsAll(String op) {
            return byOp.get(op).stream().allMatch(c -> c.outcome() == Outcome.READ);
        }

        String table() {
            StringBuilder s = new StringBuilder();
            long cases = byOp.values().stream().mapToLong(List::size).sum();
            long read = byOp.values().stream().flatMap(List::stream).filter(c -> c.outcome() == Outcome.READ).count();
            List<String> vision = VisionOps.ALL.stream().filter(byOp::containsKey).toList();
            s.append(String.format("Of %d backend node tests with a float data input, %d read with the expected output "
                    + "shapes and %d are refused naming the op. Of the %d vision ops below, %d read on every one of "
                    + "their cases (%.0f%%).%n%n", cases, read, cases - read, vision.size(),
                    vision.stream().filter(this::readsAll).count(), 100 * visionShare()));
            s.append("| op | cases | read | refused (first reason) |\n|---|---|---|---|\n");
            for (String op : vision) {
                List<Case> list = byOp.get(op);
                long ok = list.stream().filter(c -> c.outcome() == Outcome.READ).count();
                String reason = list.stream().filter(c -> c.outcome() != Outcome.READ).findFirst()
                        .map(c -> c.name() + ": " + shorten(c.detail())).orElse("");
                s.append("| ").append(op).append(" | ").append(list.size()).append(" | ").append(ok).append(" | ")
                        .append(reason).append(" |\n");
            }
            List<String> absent = VisionOps.ALL.stream().filter(op -> !byOp.containsKey(op)).toList();
            s.append("\nVision ops with no case of float data here (their tests are ConverterPatternsTest, "
                    + "QuantizedGraphsTest, OnnxLayoutOpsTest and the files of reference/models): ")
                    .append(String.join(", ", absent)).append(".\n");
            List<String> others = byOp.keySet().stream().filter(op -> !VisionOps.ALL.contains(op)).toList();
            s.append("\nOther ops (read on every case / some / none): ")
                    .append(others.stream().map(op -> op + " " + byOp.get(op).stream()
                            .filter(c -> c.outcome() == Outcome.READ).count() + "/" + byOp.get(op).size())
                            .collect(Collectors.joining(", "))).append(".\n");
            return s.toString();
        }

        /** The reason after the node's name, without the case's path, cut to one short clause. */
        private static String shorten(String detail) {
            String d = detail.replaceFirst("^[^:]*: ", "").replace('|', '/').replace('\n', ' ');
            return d.length() > 110 ? d.substring(0, 107) + "..." : d;
        }

        void writeInto(Path doc) throws IOException {
            assertTrue(Files.isRegularFile(doc), doc.toAbsolutePath() + " is missing");
            String text = Files.readString(doc);
            int begin = text.indexOf(BEGIN);
            int end = text.indexOf(END);
            assertTrue(begin >= 0 && end > begin, doc + " has no conformance table markers");
            String updated = text.substring(0, begin + BEGIN.length()) + "\n" + table() + text.substring(end);
            if (!updated.equals(text)) {
                Files.writeString(doc, updated);
            }
            assertEquals(updated, Files.readString(doc));
        }
    }
}
