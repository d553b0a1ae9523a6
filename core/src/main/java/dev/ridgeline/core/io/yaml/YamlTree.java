package dev.ridgeline.core.io.yaml;

import java.util.List;

/**
 * A parsed YAML value and the 1-based line and column of its first character. Scalars keep their
 * text as written; {@link YamlNode} converts it when a reader asks for a number or a flag.
 */
sealed interface YamlTree permits YamlTree.Scalar, YamlTree.Sequence, YamlTree.Mapping {
    int line();

    int column();

    /** A single value; {@code isNull} for a plain "~", "null" or nothing at all. */
    record Scalar(String text, boolean isNull, int line, int column) implements YamlTree {
        /** The same position holding other text (a block parameter substituted into a name). */
        Scalar withText(String newText) {
            return new Scalar(newText, false, line, column);
        }
    }

    record Sequence(List<YamlTree> items, int line, int column) implements YamlTree {
        public Sequence {
            items = List.copyOf(items);
        }
    }

    /** A map's entries in file order; duplicate keys are kept here and rejected by {@link YamlMap}. */
    record Mapping(List<Entry> entries, int line, int column) implements YamlTree {
        public Mapping {
            entries = List.copyOf(entries);
        }
    }

    record Entry(Scalar key, YamlTree value) {
    }
}
