package dev.ridgeline.core.io.yaml;

import dev.ridgeline.core.BadInputException;
import dev.ridgeline.core.expr.Expression;
import dev.ridgeline.core.expr.ExpressionException;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Which scalars of a model file are expressions, and their values as the text a field reader expects.
 * A scalar is an expression when it uses a bare {@code $name} beside anything else ({@code $in // 4}) or
 * starts with a function ({@code make_divisible(...)}); numeric fields also take arithmetic of numbers
 * ({@code 4 * 96}). Errors point at the offending name or value inside the scalar.
 */
final class ScalarExpressions {
    private static final Pattern BARE_NAME = Pattern.compile("\\$\\w");
    private static final Pattern CALL = Pattern.compile("^\\s*(min|max|round|ceil|make_divisible)\\s*\\(.*");
    private static final Pattern ARITHMETIC = Pattern.compile(".*[-+*/()].*");

    private ScalarExpressions() {
    }

    /** True for a scalar a block's substitution evaluates. */
    static boolean isExpression(String text) {
        return BARE_NAME.matcher(text).find() || CALL.matcher(text).matches();
    }

    /** True for a scalar a numeric field evaluates when it is not a plain number. */
    static boolean isArithmetic(String text) {
        return isExpression(text) || ARITHMETIC.matcher(text).matches();
    }

    /** Evaluates the scalar's text; an error points at its file, line and the column of the culprit. */
    static Object evaluate(YamlTree.Scalar at, String source, Function<String, Optional<Object>> names) {
        try {
            return Expression.parse(at.text()).evaluate(names);
        } catch (ExpressionException e) {
            throw errorAt(at, source, e);
        }
    }

    static BadInputException errorAt(YamlTree.Scalar at, String source, ExpressionException e) {
        return new YamlNode(source, new YamlTree.Scalar(at.text(), false, at.line(), at.column() + e.offset()))
                .error("in '%s': %s", at.text(), e.getMessage());
    }

    /** The text a field reader parses: whole numbers without a decimal point, booleans as true/false. */
    static String text(Object value) {
        if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 0x1p62) {
            return Long.toString((long) (double) d);
        }
        return value instanceof Double d ? String.format(Locale.ROOT, "%s", d) : String.valueOf(value);
    }

    /** A parameter's YAML value as an expression operand: a whole number, a decimal, true/false or text. */
    static Object operand(String text) {
        String t = text.replace("_", "");
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            // not a whole number
        }
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            // not a number
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> Boolean.TRUE;
            case "false", "no", "off" -> Boolean.FALSE;
            default -> text;
        };
    }
}
