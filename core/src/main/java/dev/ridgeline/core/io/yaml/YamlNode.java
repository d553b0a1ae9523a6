package dev.ridgeline.core.io.yaml;

import dev.ridgeline.core.BadInputException;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML value that knows where it stands in its file, so that every error can say
 * "file:line:column: field 'kernel': ...". Scalars are read as text and converted on request.
 */
public final class YamlNode {
    private final String source;
    private final Node node;

    YamlNode(String source, Node node) {
        this.source = source;
        this.node = node;
    }

    /** Parses a YAML file; a missing file or a syntax error is a {@link BadInputException} with its location. */
    public static YamlNode parse(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new BadInputException(file + ": no such file");
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read: " + e.getMessage());
        }
        return parse(file.toString(), new StringReader(text));
    }

    public static YamlNode parse(String source, Reader reader) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(50);
        try {
            Node root = new Yaml(options).compose(reader);
            if (root == null) {
                throw new BadInputException(source + ": the file is empty");
            }
            return new YamlNode(source, root);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String where = mark == null ? source : source + ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1);
            throw new BadInputException(where + ": not valid YAML: " + e.getProblem());
        } catch (YAMLException e) {
            // unreadable characters, binary content, alias bombs: not a text YAML file
            throw new BadInputException(source + ": not a YAML text file: " + e.getMessage());
        }
    }

    public String source() {
        return source;
    }

    Node raw() {
        return node;
    }

    /** "file:line:column" of this value (1-based). */
    public String location() {
        Mark m = node.getStartMark();
        return source + ":" + (m.getLine() + 1) + ":" + (m.getColumn() + 1);
    }

    public int line() {
        return node.getStartMark().getLine() + 1;
    }

    public boolean isScalar() {
        return node instanceof ScalarNode;
    }

    public boolean isMap() {
        return node instanceof MappingNode;
    }

    public boolean isList() {
        return node instanceof SequenceNode;
    }

    /** True for an explicit null ("~", "null" or nothing after the colon). */
    public boolean isNull() {
        return node instanceof ScalarNode s && "tag:yaml.org,2002:null".equals(s.getTag().getValue());
    }

    /** The scalar's text; fails with the location when this is a map or list. */
    public String text(String what) {
        if (!(node instanceof ScalarNode s)) {
            throw error("%s must be a single value, got a %s", what, kind());
        }
        return s.getValue();
    }

    public YamlMap asMap(String what) {
        if (!(node instanceof MappingNode m)) {
            throw error("%s must be a map of fields (name: value), got %s", what, describe());
        }
        return new YamlMap(this, m);
    }

    public List<YamlNode> asList(String what) {
        if (!(node instanceof SequenceNode s)) {
            throw error("%s must be a list ([a, b] or lines starting with '- '), got %s", what, describe());
        }
        List<YamlNode> items = new ArrayList<>();
        for (Node n : s.getValue()) {
            items.add(new YamlNode(source, n));
        }
        return items;
    }

    /** A list, or a single value read as a one-element list. */
    public List<YamlNode> asListOrSingle() {
        return isList() ? asList("") : List.of(this);
    }

    public int asInt(String what) {
        String t = text(what);
        try {
            return Integer.parseInt(t.replace("_", ""));
        } catch (NumberFormatException e) {
            throw error("%s must be a whole number, got '%s'", what, t);
        }
    }

    public int asPositiveInt(String what) {
        int v = asInt(what);
        if (v < 1) {
            throw error("%s must be at least 1, got %d", what, v);
        }
        return v;
    }

    public double asDouble(String what) {
        String t = text(what);
        try {
            return Double.parseDouble(t.replace("_", ""));
        } catch (NumberFormatException e) {
            throw error("%s must be a number, got '%s'", what, t);
        }
    }

    public boolean asBoolean(String what) {
        String t = text(what).toLowerCase(Locale.ROOT);
        return switch (t) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw error("%s must be true or false, got '%s'", what, t);
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
        return node instanceof MappingNode ? "map" : node instanceof SequenceNode ? "list" : "value";
    }

    String describe() {
        return node instanceof ScalarNode s ? "'" + s.getValue() + "'" : "a " + kind();
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
