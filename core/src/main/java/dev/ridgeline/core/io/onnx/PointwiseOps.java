package dev.ridgeline.core.io.onnx;

import dev.ridgeline.core.graph.Shape;
import dev.ridgeline.core.op.Activation;
import dev.ridgeline.core.op.ActivationKind;
import dev.ridgeline.core.op.Add;
import dev.ridgeline.core.op.Elementwise;
import dev.ridgeline.core.op.Mul;
import dev.ridgeline.core.op.Scale;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Maps the element-wise ONNX ops: unary functions to activations, binary ones (arithmetic, comparisons,
 * logic, PRelu) to {@link Elementwise}, and the variadic Sum, Mean, Max and Min to a chain of binary nodes.
 */
final class PointwiseOps {
    /** The unary functions and the activation each reads as. */
    static final Map<String, ActivationKind> UNARY = Map.ofEntries(Map.entry("Relu", ActivationKind.RELU),
            Map.entry("Sigmoid", ActivationKind.SIGMOID), Map.entry("HardSigmoid", ActivationKind.HARDSIGMOID),
            Map.entry("HardSwish", ActivationKind.HARDSWISH), Map.entry("Tanh", ActivationKind.TANH),
            Map.entry("Sqrt", ActivationKind.SQRT), Map.entry("Elu", ActivationKind.ELU),
            Map.entry("Selu", ActivationKind.SELU), Map.entry("Celu", ActivationKind.CELU),
            Map.entry("Softplus", ActivationKind.SOFTPLUS), Map.entry("Softsign", ActivationKind.SOFTSIGN),
            Map.entry("Mish", ActivationKind.MISH), Map.entry("Erf", ActivationKind.ERF),
            Map.entry("Exp", ActivationKind.EXP), Map.entry("Log", ActivationKind.LOG),
            Map.entry("Abs", ActivationKind.ABS), Map.entry("Neg", ActivationKind.NEG),
            Map.entry("Reciprocal", ActivationKind.RECIPROCAL), Map.entry("Floor", ActivationKind.FLOOR),
            Map.entry("Ceil", ActivationKind.CEIL), Map.entry("Round", ActivationKind.ROUND),
            Map.entry("Sign", ActivationKind.SIGN), Map.entry("Not", ActivationKind.NOT));

    /** The binary functions. */
    static final Map<String, Elementwise.Function> BINARY = Map.ofEntries(
            Map.entry("Add", Elementwise.Function.ADD), Map.entry("Sub", Elementwise.Function.SUB),
            Map.entry("Mul", Elementwise.Function.MUL), Map.entry("Div", Elementwise.Function.DIV),
            Map.entry("Pow", Elementwise.Function.POW), Map.entry("Mod", Elementwise.Function.MOD),
            Map.entry("PRelu", Elementwise.Function.PRELU), Map.entry("Equal", Elementwise.Function.EQUAL),
            Map.entry("Less", Elementwise.Function.LESS), Map.entry("LessOrEqual", Elementwise.Function.LESS_OR_EQUAL),
            Map.entry("Greater", Elementwise.Function.GREATER),
            Map.entry("GreaterOrEqual", Elementwise.Function.GREATER_OR_EQUAL),
            Map.entry("And", Elementwise.Function.AND), Map.entry("Or", Elementwise.Function.OR),
            Map.entry("Xor", Elementwise.Function.XOR));

    /** The variadic functions and the binary function that chains them. */
    static final Map<String, Elementwise.Function> VARIADIC = Map.of("Sum", Elementwise.Function.ADD,
            "Mean", Elementwise.Function.ADD, "Max", Elementwise.Function.MAX, "Min", Elementwise.Function.MIN);

    private PointwiseOps() {
    }

    static Value unary(NodeContext c) {
        return c.emit(new Activation(UNARY.get(c.type()), false), c.data(0));
    }

    /** Of two computed tensors, or of one and a constant (a literal, a per-channel scale or bias, a slope). */
    static Value binary(NodeContext c) {
        return binary(c, BINARY.get(c.type()), c.required(0, "A"), c.required(1, "B"), null);
    }

    /**
     * Sum, Mean, Max, Min of any number of inputs: one binary node per further input (NAME:1, NAME:2, ...; the
     * last is NAME), Mean then divided by the count. One input is a copy.
     */
    static Value variadic(NodeContext c) {
        List<Value> in = c.inputs().stream().filter(v -> v != null).toList();
        Elementwise.Function f = VARIADIC.get(c.type());
        boolean mean = c.type().equals("Mean");
        if (in.size() == 1) {
            return c.emit(new dev.ridgeline.core.op.Identity(), c.data(0));
        }
        if (in.stream().allMatch(Value::isConstant)) {
            throw new Unsupported("it computes from constants only");
        }
        // computed operands first, so that every step has one
        List<Value> ordered = new java.util.ArrayList<>(in.stream().filter(v -> !v.isConstant()).toList());
        in.stream().filter(Value::isConstant).forEach(ordered::add);
        Value acc = ordered.get(0);
        for (int k = 1; k < ordered.size(); k++) {
            boolean last = k == ordered.size() - 1 && !mean;
            acc = binary(c, f, acc, ordered.get(k), last ? null : Integer.toString(k));
        }
        return mean ? c.emit(Elementwise.withConstant(Elementwise.Function.DIV, List.of()), acc) : acc;
    }

    /** One binary node, named as the ONNX node or, for a step of a chain, NAME:part. */
    private static Value binary(NodeContext c, Elementwise.Function f, Value a, Value b, String part) {
        if (!a.isConstant() && !b.isConstant()) {
            return emit(c, part, switch (f) {
                case ADD -> new Add();
                case MUL -> new Mul();
                default -> Elementwise.of(f);
            }, a, b);
        }
        if (a.isConstant() && b.isConstant()) {
            throw new Unsupported("it computes from constants only");
        }
        Value data = a.isConstant() ? b : a;
        Tensor constant = a.isConstant() ? a.constant() : b.constant();
        if (f == Elementwise.Function.MUL && constant.learned() && perChannel(constant.dimList(), data.shape())) {
            return emit(c, part, new Scale(data.shape().channels()), data);
        }
        return emit(c, part, Elementwise.withConstant(f, literal(constant, data.shape()) ? List.of()
                : constant.dimList()), data);
    }

    private static Value emit(NodeContext c, String part, dev.ridgeline.core.op.Op op, Value... from) {
        return part == null ? c.emit(op, from) : c.emitPart(part, op, from);
    }

    /**
     * A generated fill (ConstantOfShape's value, an expanded scalar) that broadcasts into the data without
     * changing its shape acts as one literal: no parameters.
     */
    private static boolean literal(Tensor constant, Shape data) {
        if (constant.learned() || constant.numel() <= 1 || !constant.uniform()) {
            return false;
        }
        long[] dims = Arrays.stream(data.toArray()).asLongStream().toArray();
        try {
            return Arrays.equals(Indexing.broadcast(dims, constant.dims()), dims);
        } catch (dev.ridgeline.core.BadInputException e) {
            return false;
        }
    }

    /** A C x 1 x 1 (or 1 x C x 1 x 1) constant against an N x C x H x W tensor: a learned per-channel scale. */
    private static boolean perChannel(List<Integer> dims, Shape data) {
        if (data.rank() != 4 || data.channels() < 2) {
            return false;
        }
        List<Integer> tail = dims.size() == 4 && dims.get(0) == 1 ? dims.subList(1, 4) : dims;
        return tail.equals(List.of(data.channels(), 1, 1));
    }
}
