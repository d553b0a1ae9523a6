package dev.ridgeline.core.io.yaml;

import dev.ridgeline.core.BadInputException;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A YAML value that knows where it stands in its file, so that every error can say
 * "file:line:column: field 'kernel': ...". Scalars are read as text and converted on request.
 */
public final class YamlNode {
    private final String source;
    private final YamlTree node;

    YamlNode(String source, YamlTree node) {
        this.source = source;
        this.node = node;
    }

    /** Parses a YAML file; a missing file or a syntax error is a {@link BadInputException} with its location. */
    public static YamlNode parse(Path file) {
        return new YamlNode(file.toString(), YamlTreeParser.parse(file.toString(), readText(file)));
    }

    /** A YAML file's text; a folder, a missing file or bytes that are not UTF-8 text are bad input, said so. */
    public static String readText(Path file) {
        if (Files.isDirectory(file)) {
            throw new BadInputException(file + ": is a directory, not a file");
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            throw new BadInputException(file + ": not a YAML text file: its bytes are not UTF-8 text (a binary file?)");
        } catch (NoSuchFileException e) {
            throw new BadInputException(file + ": no such file");
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read: " + e.getMessage());
        }
        return text;
    }

    public static YamlNode parse(String source, Reader reader) {
        StringWriter text = new StringWriter();
        try {
            reader.transferTo(text);
        } catch (IOException e) {
            throw new BadInputException(source + ": cannot read: " + e.getMessage());
        }
        return new YamlNode(source, YamlTreeParser.parse(source, text.toString()));
    }

    public String source() {
        return source;
    }

    YamlTree raw() {
        return node;
    }

    /** "file:line:column" of this value (1-based). */
    public String location() {
        return source + ":" + node.line() + ":" + node.column();
    }

    public int line() {
        return node.line();
    }

    public boolean isScalar() {
        return node instanceof YamlTree.Scalar;
    }

    public boolean isMap() {
        return node instanceof YamlTree.Mapping;
    }

    public boolean isList() {
        return node instanceof YamlTree.Sequence;
    }

    /** True for an explicit null ("~", "null" or nothing after the colon). */
    public boolean isNull() {
        return node instanceof YamlTree.Scalar s && s.isNull();
    }

    /** The scalar's text; fails with the location when this is a map or list. */
    public String text(String what) {
        if (!(node instanceof YamlTree.Scalar s)) {
            throw error("%s must be a single value, got a %s", what, kind());
        }
        return s.text();
    }

    public YamlMap asMap(String what) {
        if (!(node instanceof YamlTree.Mapping m)) {
            throw error("%s must be a map of fields (name: value), got %s", what, describe());
        }
        return new YamlMap(this, m);
    }

    public List<YamlNode> asList(String what) {
        if (!(node instanceof YamlTree.Sequence s)) {
            throw error("%s must be a list ([a, b] or lines starting with '- '), got %s", what, describe());
        }
        List<YamlNode> items = new ArrayList<>();
        for (YamlTree n : s.items()) {
            items.add(new YamlNode(source, n));
        }
        return items;
    }

    /** A list, or a single value read as a one-element list. */
    public List<YamlNode> asListOrSingle() {
        return isList() ? asList("") : List.of(this);
    }

    public int asInt(String what) {
        return asIntIn(what, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    /** The value of an expression written where a number or flag is expected (no parameters outside blocks). */
    private Object evaluated() {
        Object v = ScalarExpressions.evaluate((YamlTree.Scalar) node, source, n -> java.util.Optional.empty());
        return v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 0x1p62 ? (Object) (long) (double) d : v;
    }

    public int asPositiveInt(String what) {
        return asIntIn(what, 1, Integer.MAX_VALUE);
    }

    /**
     * A whole number from {@code min} to {@code max}; a number outside names the range ("field 'out' of conv
     * must be from 1 to 1,048,576, got 1e30"), text that is no number says so.
     */
    public int asIntIn(String what, int min, int max) {
        return (int) asLongIn(what, min, max);
    }

    /** As {@link #asIntIn}, for counts that may pass two billion; 1e9 is read as 1,000,000,000. */
    public long asLongIn(String what, long min, long max) {
        String t = text(what);
        BigDecimal v;
        try {
            v = new BigDecimal(t.replace("_", "").trim());
        } catch (NumberFormatException e) {
            if (!ScalarExpressions.isArithmetic(t)) {
                throw error("%s must be a whole number, got '%s'", what, t);
            }
            Object value = evaluated();
            if (!(value instanceof Long l)) {
                throw error("%s must be a whole number, got '%s' = %s", what, t, ScalarExpressions.text(value));
            }
            v = BigDecimal.valueOf(l);
        }
        if (v.signum() != 0 && v.stripTrailingZeros().scale() > 0) {
            throw error("%s must be a whole number, got '%s'", what, t);
        }
        if (v.compareTo(BigDecimal.valueOf(min)) < 0 || v.compareTo(BigDecimal.valueOf(max)) > 0) {
            boolean unbounded = max == Integer.MAX_VALUE || max == Long.MAX_VALUE;
            if (unbounded && v.signum() <= 0 && min > Integer.MIN_VALUE) {
                throw error("%s must be at least %d, got %s", what, min, t);
            }
            throw error("%s must be from %,d to %,d, got %s", what, min, max, t);
        }
        return v.longValueExact();
    }

    public double asDouble(String what) {
        String t = text(what);
        try {
            return Double.parseDouble(t.replace("_", ""));
        } catch (NumberFormatException e) {
            if (ScalarExpressions.isArithmetic(t)) {
                Object v = evaluated();
                if (v instanceof Number n) {
                    return n.doubleValue();
                }
                throw error("%s must be a number, got '%s' = %s", what, t, ScalarExpressions.text(v));
            }
            throw error("%s must be a number, got '%s'", what, t);
        }
    }

    public boolean asBoolean(String what) {
        String t = text(what).toLowerCase(Locale.ROOT);
        return switch (t) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> {
                if (ScalarExpressions.isArithmetic(t) || t.contains("=") || t.contains("<") || t.contains(">")
                        || t.startsWith("not ")) {
                    if (evaluated() instanceof Boolean b) {
                        yield b;
                    }
                }
                throw error("%s must be true or false, got '%s'", what, t);
            }
        };
    }

    /** An integer or a list of exactly {@code count} integers, e.g. kernel: 3 or kernel: [1, 7]. */
    public int[] asIntTuple(String what, int... allowedCounts) {
        if (isScalar()) {
            int v = asInt(what);
            int[] all = new int[allowedCounts[0]];
            java.util.Arrays.fill(all, v);
            return all;
        }
        List<YamlNode> items = asList(what);
        for (int c : allowedCounts) {
            if (items.size() == c) {
                int[] out = new int[c];
                for (int i = 0; i < c; i++) {
                    out[i] = items.get(i).asInt(what);
                }
                return out;
            }
        }
        throw error("%s must be a number or a list of %s numbers, got %d", what, joinCounts(allowedCounts),
                items.size());
    }

    /** A BadInputException located at this value. */
    public BadInputException error(String template, Object... args) {
        return new BadInputException(location() + ": " + String.format(Locale.ROOT, template, args));
    }

    String kind() {
        return node instanceof YamlTree.Mapping ? "map" : node instanceof YamlTree.Sequence ? "list" : "value";
    }

    String describe() {
        return node instanceof YamlTree.Scalar s ? "'" + s.text() + "'" : "a " + kind();
    }

    private static String joinCounts(int[] counts) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < counts.length; i++) {
            if (i > 0) {
                b.append(i == counts.length - 1 ? " or " : ", ");
            }
            b.append(counts[i]);
        }
        return b.toString();
    }
}
