package dev.ridgeline.core.io.yaml;

import dev.ridgeline.core.BadInputException;
import dev.ridgeline.core.build.Scope;
import dev.ridgeline.core.graph.Model;
import dev.ridgeline.core.graph.ModelInput;
import dev.ridgeline.core.graph.Node;
import dev.ridgeline.core.graph.Shape;
import dev.ridgeline.core.op.Activation;
import dev.ridgeline.core.op.AdaptiveAvgPool;
import dev.ridgeline.core.op.Add;
import dev.ridgeline.core.op.BatchNorm;
import dev.ridgeline.core.op.ChannelShuffle;
import dev.ridgeline.core.op.Concat;
import dev.ridgeline.core.op.Conv2d;
import dev.ridgeline.core.op.ConvTranspose2d;
import dev.ridgeline.core.op.Dropout;
import dev.ridgeline.core.op.Flatten;
import dev.ridgeline.core.op.GlobalAvgPool;
import dev.ridgeline.core.op.Identity;
import dev.ridgeline.core.op.LayerNorm;
import dev.ridgeline.core.op.Linear;
import dev.ridgeline.core.op.MatMul;
import dev.ridgeline.core.op.Mul;
import dev.ridgeline.core.op.Op;
import dev.ridgeline.core.op.Padding;
import dev.ridgeline.core.op.Pool2d;
import dev.ridgeline.core.op.Scale;
import dev.ridgeline.core.op.Split;
import dev.ridgeline.core.op.StochasticDepth;
import dev.ridgeline.core.op.Transpose;
import dev.ridgeline.core.op.Upsample;
import dev.ridgeline.core.op.Window;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes a {@link Model} as a model file (docs/model-format.md) that {@link ModelYamlReader} reads back
 * into an equal model: the same name, input, nodes (names, ops, inputs, labels) and outputs. Every layer
 * is one plain layer on one line, {@code - conv: {name: ..., out: 96, kernel: 3, ...}}, with its name, the
 * fields that differ from the reader's defaults (plus {@code in} for convs and linear layers, which the
 * reader checks), {@code inputs} when it does not read the layer before it, and its labels; blocks are
 * not re-created. A split into k parts, nodes NAME.0 to NAME.k-1 one after another, is one split layer
 * named NAME. Ops that only an ONNX import produces (reshape, slice, a constant operand, ...) have no form
 * in the format and are refused, as are a split whose parts are not so named and placed, and a layer
 * named "input" (the format's name for the model input). An ONNX import's count of weights stored once
 * (shared tensors) is not kept.
 */
public final class ModelYamlWriter {
    /** Text written unquoted: names such as stage3.0.expand or /features/features.0/Conv. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_/][A-Za-z0-9_./-]*");
    /** Plain words YAML reads as something other than text. */
    private static final Set<String> RESERVED = Set.of("true", "false", "yes", "no", "on", "off", "y", "n", "null",
            "nan", "inf");

    private ModelYamlWriter() {
    }

    /** The model file's text. */
    public static String toYaml(Model model) {
        return toYaml(model, List.of());
    }

    /** The model file's text after a comment header, one "# " line per entry of {@code comments}. */
    public static String toYaml(Model model, List<String> comments) {
        StringWriter out = new StringWriter();
        write(model, comments, out);
        return out.toString();
    }

    /**
     * @throws BadInputException if the model cannot be written in the format: more than one input, an
     *         input with a batch other than 1, an op only ONNX imports have, or a layer named "input"
     */
    public static void write(Model model, List<String> comments, Writer out) {
        if (model.inputs().size() != 1) {
            throw new BadInputException(String.format("model '%s' has %d inputs; a model file has one",
                    model.name(), model.inputs().size()));
        }
        ModelInput input = model.inputs().get(0);
        Shape shape = input.shape();
        if (shape.rank() < 2 || shape.rank() > 4 || shape.batch() != 1) {
            throw new BadInputException(String.format("model '%s': input %s cannot be written: a model file gives "
                    + "one sample (batch 1) of C x H x W, C x L or F", model.name(), shape));
        }
        StringBuilder text = new StringBuilder();
        for (String c : comments) {
            c.lines().forEach(line -> text.append("# ").append(line).append('\n'));
        }
        text.append("name: ").append(scalar(model.name())).append('\n');
        if (!model.description().isEmpty()) {
            text.append("description: ").append(quoted(model.description())).append('\n');
        }
        List<Integer> sample = new ArrayList<>();
        for (int d = 1; d < shape.rank(); d++) {
            sample.add(shape.dim(d));
        }
        text.append("input: ");
        if (input.name().equals(Scope.INPUT)) {
            text.append(sample).append('\n');
        } else {
            text.append("{name: ").append(scalar(input.name())).append(", shape: ").append(sample).append("}\n");
        }
        text.append("layers:\n");
        String previous = input.name();
        List<Node> nodes = model.nodes();
        for (int i = 0; i < nodes.size(); ) {
            Node n = nodes.get(i);
            if (n.name().equals(Scope.INPUT)) {
                throw new BadInputException(String.format("model '%s': a layer named '%s' cannot be written, since "
                        + "the model format uses that name for the model input", model.name(), Scope.INPUT));
            }
            String name = n.op() instanceof Split ? splitName(nodes, i) : n.name();
            text.append("  - ").append(layer(n, name, input.name(), previous)).append('\n');
            i += n.op() instanceof Split s ? s.sizes().size() : 1;
            previous = nodes.get(i - 1).name();
        }
        text.append("outputs: [").append(String.join(", ", model.outputs().stream()
                .map(ModelYamlWriter::scalar).toList())).append("]\n");
        try {
            out.write(text.toString());
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One layer, "type: {fields}". */
    private static String layer(Node n, String name, String modelInput, String previous) {
        Fields f = new Fields();
        f.put("name", scalar(name));
        String type = fields(n, f);
        if (!n.inputs().equals(List.of(previous))) {
            List<String> refs = n.inputs().stream().map(in -> in.equals(modelInput) ? Scope.INPUT : scalar(in))
                    .toList();
            f.put("inputs", refs.size() == 1 ? refs.get(0) : refs.toString());
        }
        if (!n.labels().isEmpty()) {
            f.put("labels", n.labels().stream().map(ModelYamlWriter::scalar).toList().toString());
        }
        return type + ": {" + f + "}";
    }

    /**
     * The layer name of the split whose first part is {@code nodes.get(first)}: NAME when the parts are
     * NAME.0 to NAME.k-1, one after another, each the same split of the same input with the same labels,
     * which is what the reader makes of one split layer.
     */
    private static String splitName(List<Node> nodes, int first) {
        Node head = nodes.get(first);
        Split s = (Split) head.op();
        String name = head.name().endsWith(".0") ? head.name().substring(0, head.name().length() - 2) : "";
        boolean grouped = !name.isEmpty() && s.index() == 0 && s.axis() >= 1
                && first + s.sizes().size() <= nodes.size();
        for (int k = 0; grouped && k < s.sizes().size(); k++) {
            Node part = nodes.get(first + k);
            grouped = part.name().equals(name + "." + k) && part.op().equals(new Split(s.axis(), s.sizes(), k))
                    && part.inputs().equals(head.inputs()) && part.labels().equals(head.labels());
        }
        if (!grouped) {
            throw new BadInputException(String.format("layer %s cannot be written as a model file: a split is "
                    + "written as one layer whose %d parts are NAME.0 to NAME.%d, one after another, each reading "
                    + "the same input along an axis from 1 (an ONNX import's parts, NAME:0 ..., are not: analyze "
                    + "the .onnx file itself)", head.describe(), s.sizes().size(), s.sizes().size() - 1));
        }
        return name;
    }

    /** Puts the op's fields and returns the layer type that reads them. */
    private static String fields(Node n, Fields f) {
        Op op = n.op();
        if (op instanceof Conv2d c) {
            f.put("in", c.inChannels()).put("out", c.outChannels());
            window(n, f, c.window(), true);
            f.putIf(c.groups() != 1, "groups", c.groups()).putIf(!c.bias(), "bias", false);
            return "conv";
        } else if (op instanceof ConvTranspose2d c) {
            f.put("in", c.inChannels()).put("out", c.outChannels());
            window(n, f, c.window(), true);
            f.putIf(c.outputPaddingH() != 0 || c.outputPaddingW() != 0, "output_padding",
                    List.of(c.outputPaddingH(), c.outputPaddingW()).toString());
            f.putIf(c.groups() != 1, "groups", c.groups()).putIf(!c.bias(), "bias", false);
            return "conv_transpose";
        } else if (op instanceof Linear l) {
            f.put("in", l.inFeatures()).put("out", l.outFeatures()).putIf(!l.bias(), "bias", false);
            return "linear";
        } else if (op instanceof MatMul) {
            return "matmul";
        } else if (op instanceof BatchNorm b) {
            f.putIf(!b.affine(), "affine", false);
            return "bn";
        } else if (op instanceof Activation a) {
            switch (a.function()) {
                case LEAKY_RELU -> f.put("alpha", number(a.arguments().get(0)));
                case CLIP -> f.put("min", number(a.arguments().get(0))).put("max", number(a.arguments().get(1)));
                default -> { }
            }
            f.putIf(a.inPlace(), "inplace", true);
            return a.function().id();
        } else if (op instanceof Pool2d p) {
            return pool(n, p, f);
        } else if (op instanceof AdaptiveAvgPool p) {
            f.put("size", pair(p.outH(), p.outW()));
            return "adaptive_avgpool";
        } else if (op instanceof GlobalAvgPool) {
            return "global_avgpool";
        } else if (op instanceof Add) {
            return "add";
        } else if (op instanceof Mul) {
            return "mul";
        } else if (op instanceof Concat c) {
            f.putIf(c.axis() != 1, "axis", c.axis());
            return "concat";
        } else if (op instanceof Flatten fl) {
            f.putIf(fl.startDim() != 1, "start_dim", fl.startDim());
            return "flatten";
        } else if (op instanceof ChannelShuffle s) {
            f.put("groups", s.groups());
            return "channel_shuffle";
        } else if (op instanceof Upsample u) {
            if (u.bySize()) {
                f.put("size", List.of(u.sizeH(), u.sizeW()).toString());
            } else {
                f.put("scale", u.scaleH() == u.scaleW() ? number(u.scaleH())
                        : "[" + number(u.scaleH()) + ", " + number(u.scaleW()) + "]");
            }
            f.put("mode", u.mode().name().toLowerCase(Locale.ROOT));
            return "upsample";
        } else if (op instanceof Dropout d) {
            f.put("p", number(d.p()));
            return "dropout";
        } else if (op instanceof Identity) {
            return "identity";
        } else if (op instanceof Split s) {
            boolean equal = s.sizes().stream().distinct().count() == 1;
            f.put(equal ? "parts" : "sizes", equal ? s.sizes().size() : s.sizes().toString());
            f.putIf(s.axis() != 1, "axis", s.axis());
            return "split";
        } else if (op instanceof LayerNorm l) {
            f.putIf(l.axis() != LayerNorm.Axis.LAST, "axis", l.axis().id()).putIf(!l.affine(), "affine", false);
            return "layer_norm";
        } else if (op instanceof Transpose t) {
            f.put("dims", t.perm().toString());
            return "permute";
        } else if (op instanceof Scale) {
            return "scale";
        } else if (op instanceof StochasticDepth d) {
            f.put("p", number(d.p())).putIf(d.mode() != StochasticDepth.Mode.ROW, "mode", d.mode().id());
            return "stochastic_depth";
        }
        throw new BadInputException(String.format("layer %s cannot be written as a model file: the format has no "
                + "%s layer (it comes from an ONNX import; analyze the .onnx file itself)", n.describe(), op.type()));
    }

    private static String pool(Node n, Pool2d p, Fields f) {
        Window w = p.window();
        boolean plainMax = p.max() && p.countIncludePad();
        boolean plainAvg = !p.max() && w.dilationH() == 1 && w.dilationW() == 1;
        if (!plainMax && !plainAvg) {
            throw new BadInputException(String.format("layer %s cannot be written as a model file: %s",
                    n.describe(), p.max() ? "a max pool that excludes padding from a count it does not make"
                            : "an average pool with dilation"));
        }
        window(n, f, w, false);
        f.putIf(p.ceilMode(), "ceil_mode", true);
        f.putIf(!p.max() && !p.countIncludePad(), "count_include_pad", false);
        return p.max() ? "maxpool" : "avgpool";
    }

    /** kernel, then stride, padding and dilation where they differ from the reader's defaults. */
    private static void window(Node n, Fields f, Window w, boolean convolution) {
        if (w.is3d()) {
            throw new BadInputException(String.format("layer %s cannot be written as a model file: a 3-D %s (depth"
                    + " kernel %d); the format's conv, conv_transpose and pooling layers are 2-D (it comes from an ONNX"
                    + " import; analyze the .onnx file itself)", n.describe(), n.op().type(), w.depth().kernel()));
        }
        f.put("kernel", pair(w.kernelH(), w.kernelW()));
        boolean defaultStride = convolution ? w.strideH() == 1 && w.strideW() == 1
                : w.strideH() == w.kernelH() && w.strideW() == w.kernelW();
        f.putIf(!defaultStride, "stride", pair(w.strideH(), w.strideW()));
        Padding p = w.padding();
        if (p.same()) {
            f.put("padding", "same");
        } else if (p.top() == p.bottom() && p.left() == p.right()) {
            f.putIf(p.top() != 0 || p.left() != 0, "padding", pair(p.top(), p.left()));
        } else {
            f.put("padding", List.of(p.top(), p.left(), p.bottom(), p.right()).toString());
        }
        f.putIf(w.dilationH() != 1 || w.dilationW() != 1, "dilation", pair(w.dilationH(), w.dilationW()));
    }

    /** "3" for equal values, else "[3, 5]". */
    private static String pair(int h, int w) {
        return h == w ? Integer.toString(h) : "[" + h + ", " + w + "]";
    }

    /** A double as the shortest text that reads back as the same double. */
    private static String number(double v) {
        return Double.toString(v);
    }

    /** A name or label: plain when YAML reads it back as the same text, else double-quoted. */
    static String scalar(String s) {
        if (PLAIN.matcher(s).matches() && !RESERVED.contains(s.toLowerCase(Locale.ROOT))) {
            return s;
        }
        return quoted(s);
    }

    /** A YAML double-quoted scalar. */
    static String quoted(String s) {
        StringBuilder q = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                case '\t' -> q.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        q.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
                    } else {
                        q.append(c);
                    }
                }
            }
        }
        return q.append('"').toString();
    }

    /** The fields of one layer, in the order put, as "key: value, key: value". */
    private static final class Fields {
        private final StringBuilder text = new StringBuilder();

        Fields put(String key, Object value) {
            if (text.length() > 0) {
                text.append(", ");
            }
            text.append(key).append(": ").append(value);
            return this;
        }

        Fields putIf(boolean condition, String key, Object value) {
            return condition ? put(key, value) : this;
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
