package dev.ridgeline.core.io.onnx;

import dev.ridgeline.core.BadInputException;
import dev.ridgeline.core.op.Linear;
import dev.ridgeline.core.op.MatMul;
import dev.ridgeline.core.op.Reduce;
import dev.ridgeline.core.op.Transpose;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Einsum without ellipsis or repeated letters, written with the IR's ops so that it counts as the product it
 * is. One operand: a sum over the letters the output drops, then a transpose. Two operands: each transposed and
 * reshaped to batch x rows x contracted (letters of both and of the output; of one and the output; of both only),
 * a matrix product (a linear layer when one operand is a stored matrix), reshaped and transposed to the output's
 * letters. MACs are the product of every letter's size, as for any contraction.
 */
final class EinsumOps {
    private EinsumOps() {
    }

    static Value einsum(NodeContext c) {
        String equation = c.attributes().text("equation", "").replace(" ", "");
        if (equation.contains("...")) {
            throw new Unsupported("an equation with an ellipsis ('" + equation + "')");
        }
        String[] sides = equation.split("->", -1);
        String[] operands = sides[0].split(",", -1);
        List<Value> in = c.inputs().stream().filter(v -> v != null).toList();
        BadInputException.check(operands.length == in.size(), "%s: equation '%s' names %d operands, the node has %d",
                c.what(), equation, operands.length, in.size());
        Map<Character, Integer> sizes = new LinkedHashMap<>();
        for (int k = 0; k < operands.length; k++) {
            long[] dims = dims(in.get(k));
            BadInputException.check(dims.length == operands[k].length(), "%s: operand %d has rank %d, '%s' says %d",
                    c.what(), k, dims.length, operands[k], operands[k].length());
            for (int i = 0; i < dims.length; i++) {
                char letter = operands[k].charAt(i);
                if (operands[k].indexOf(letter) != i) {
                    throw new Unsupported("a repeated letter in '" + operands[k] + "' (a diagonal)");
                }
                Integer seen = sizes.putIfAbsent(letter, Math.toIntExact(dims[i]));
                BadInputException.check(seen == null || seen == dims[i] || dims[i] == 1 || seen == 1,
                        "%s: letter '%s' is %d and %d long", c.what(), letter, seen, dims[i]);
            }
        }
        String out = sides.length > 1 ? sides[1] : implicitOutput(operands);
        if (out.isEmpty()) {
            throw new Unsupported("a scalar result");
        }
        if (in.size() == 1) {
            return single(c, in.get(0), operands[0], out);
        }
        if (in.size() != 2) {
            throw new Unsupported("more than two operands");
        }
        return pair(c, in, operands, out, sizes);
    }

    /** The implicit output: the letters that appear once, in alphabetical order. */
    private static String implicitOutput(String[] operands) {
        String all = String.join("", operands);
        return all.chars().filter(ch -> all.indexOf(ch) == all.lastIndexOf(ch)).sorted()
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    private static Value single(NodeContext c, Value x, String letters, String out) {
        if (x.isConstant()) {
            throw new Unsupported("it computes from constants only");
        }
        List<Integer> summed = new ArrayList<>();
        StringBuilder kept = new StringBuilder();
        for (int i = 0; i < letters.length(); i++) {
            if (out.indexOf(letters.charAt(i)) < 0) {
                summed.add(i);
            } else {
                kept.append(letters.charAt(i));
            }
        }
        Value v = x;
        if (!summed.isEmpty()) {
            Reduce sum = new Reduce(Reduce.Function.SUM, summed, false);
            v = kept.toString().equals(out) ? c.emit(sum, v) : c.emitPart("sum", sum, v);
        }
        return kept.toString().equals(out) ? v : c.emit(new Transpose(perm(kept.toString(), out)), v);
    }

    private static Value pair(NodeContext c, List<Value> in, String[] operands, String out,
                              Map<Character, Integer> sizes) {
        boolean swap = in.get(0).isConstant();
        Value a = in.get(swap ? 1 : 0);
        Value b = in.get(swap ? 0 : 1);
        String la = operands[swap ? 1 : 0];
        String lb = operands[swap ? 0 : 1];
        if (a.isConstant()) {
            throw new Unsupported("it computes from constants only");
        }
        StringBuilder batch = new StringBuilder();
        StringBuilder rows = new StringBuilder();
        StringBuilder cols = new StringBuilder();
        StringBuilder inner = new StringBuilder();
        for (char ch : sizes.keySet()) {
            boolean inA = la.indexOf(ch) >= 0;
            boolean inB = lb.indexOf(ch) >= 0;
            boolean inOut = out.indexOf(ch) >= 0;
            if (inA && inB) {
                (inOut ? batch : inner).append(ch);
            } else if (inA) {
                if (!inOut) {
                    throw new Unsupported("letter '" + ch + "' summed within one operand");
                }
                rows.append(ch);
            } else {
                if (!inOut) {
                    throw new Unsupported("letter '" + ch + "' summed within one operand");
                }
                cols.append(ch);
            }
        }
        int nb = product(batch, sizes);
        int m = product(rows, sizes);
        int k = product(inner, sizes);
        int n = product(cols, sizes);
        Value left = arrange(c, "a", a, la, batch + rows.toString() + inner, List.of(nb, m, k));
        Value product;
        String made = batch.toString() + rows + cols;
        if (b.isConstant()) {
            product = nb == 1 ? c.emitPart("product", new Linear(k, n, false), left) : stacked(c, left, nb, k, n);
        } else {
            Value right = arrange(c, "b", b, lb, batch + inner.toString() + cols, List.of(nb, k, n));
            product = c.emitPart("product", new MatMul(), left, right);
        }
        List<Integer> dims = new ArrayList<>();
        for (char ch : made.toCharArray()) {
            dims.add(sizes.get(ch));
        }
        if (made.equals(out)) {
            return BatchAxis.reshape(c, null, product, dims);
        }
        Value shaped = BatchAxis.reshape(c, "shape", product, dims);
        return c.emit(new Transpose(perm(made, out)), shaped);
    }

    /** The operand's axes in the given letter order, merged into the three dimensions of a batched product. */
    /**
     * A product by a stored stack of nb matrices: the nb x m x k rows lifted to 1 x nb x m x k (NAME:lift), one
     * linear layer per matrix on its slice (NAME:kJ, NAME:linearJ), joined (NAME:product); each stored element is
     * a parameter once.
     */
    private static Value stacked(NodeContext c, Value left, int nb, int k, int n) {
        Value lifted = BatchAxis.lift(c, "lift", left);
        List<Value> parts = new ArrayList<>();
        for (int j = 0; j < nb; j++) {
            Value slice = c.emitPart("k" + j, dev.ridgeline.core.op.Slice.of(1, j, j + 1), lifted);
            parts.add(c.emitPart("linear" + j, new Linear(k, n, false), slice));
        }
        return c.emitPart("product", new dev.ridgeline.core.op.Concat(1), parts.toArray(Value[]::new));
    }

    private static Value arrange(NodeContext c, String part, Value v, String letters, String order,
                                 List<Integer> merged) {
        Value x = v;
        if (!letters.equals(order)) {
            x = c.emitPart(part + ".order", new Transpose(perm(letters, order)), x);
        }
        return BatchAxis.reshape(c, part, x, merged);
    }

    /** The permutation that takes axes lettered {@code from} to the order {@code to}. */
    private static List<Integer> perm(String from, String to) {
        List<Integer> p = new ArrayList<>();
        for (char ch : to.toCharArray()) {
            p.add(from.indexOf(ch));
        }
        return p;
    }

    private static int product(CharSequence letters, Map<Character, Integer> sizes) {
        int p = 1;
        for (int i = 0; i < letters.length(); i++) {
            p = Math.multiplyExact(p, sizes.get(letters.charAt(i)));
        }
        return p;
    }

    private static long[] dims(Value v) {
        return v.isConstant() ? v.constant().dims()
                : java.util.Arrays.stream(v.shape().toArray()).asLongStream().toArray();
    }
}
