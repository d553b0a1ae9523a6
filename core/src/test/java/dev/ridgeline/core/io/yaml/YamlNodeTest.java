package dev.ridgeline.core.io.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.core.BadInputException;
import java.io.StringReader;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The node layer over Jackson's YAML parser: values as written, locations, nulls, anchors, and what it refuses. */
class YamlNodeTest {

    private static YamlNode parse(String yaml) {
        return YamlNode.parse("f.yaml", new StringReader(yaml));
    }

    private static String failure(String yaml) {
        return assertThrows(BadInputException.class, () -> parse(yaml)).getMessage();
    }

    @Test
    void everyValueAndFieldNameKnowsItsLineAndColumn() {
        YamlMap top = parse("a: 1\nb: [x, 'y', \"z\"]\nc:\n  - d: 4\n").asMap("top");
        assertEquals("f.yaml:1:1", top.key("a").location());
        assertEquals("f.yaml:1:4", top.get("a").orElseThrow().location());
        List<YamlNode> b = top.get("b").orElseThrow().asList("b");
        assertEquals(List.of("f.yaml:2:5", "f.yaml:2:8", "f.yaml:2:13"), b.stream().map(YamlNode::location).toList());
        YamlNode item = top.get("c").orElseThrow().asList("c").get(0);
        assertEquals("f.yaml:4:5", item.location());
        assertEquals("f.yaml:4:8", item.asMap("item").get("d").orElseThrow().location());
    }

    @Test
    void scalarsKeepTheirTextAndConvertOnRequest() {
        YamlMap m = parse("a: yes\nb: Off\nc: 1_000\nd: 2.5e3\ne: !!str 12\n").asMap("m");
        assertEquals("yes", m.get("a").orElseThrow().text("a"));
        assertTrue(m.boolOr("a", "m", false));
        assertFalse(m.boolOr("b", "m", true));
        assertEquals(1000, m.intOr("c", "m", 0));
        assertEquals(2500.0, m.doubleOr("d", "m", 0), 0.0);
        assertEquals(12, m.intOr("e", "m", 0));
    }

    @Test
    void onlyAPlainTildeNullOrNothingIsNull() {
        YamlMap m = parse("a: ~\nb:\nc: null\nd: 'null'\ne: ''\n").asMap("m");
        assertTrue(m.get("a").isEmpty());
        assertTrue(m.get("b").isEmpty());
        assertTrue(m.get("c").isEmpty());
        assertEquals("null", m.get("d").orElseThrow().text("d"));
        assertEquals("", m.get("e").orElseThrow().text("e"));
    }

    @Test
    void anchorsOnMapsListsAndValuesAreReusedByAliases() {
        YamlMap m = parse("w: &w 64\nconv: &c {out: *w, kernel: !!int &k 3}\nagain: *c\nk: *k\nl: [&one 1, *one]\n")
                .asMap("m");
        YamlMap again = m.get("again").orElseThrow().asMap("again");
        assertEquals(64, again.intOr("out", "again", 0));
        assertEquals("f.yaml:1:4", again.get("out").orElseThrow().location(), "an alias points at what it names");
        assertEquals(3, m.intOr("k", "m", 0));
        assertEquals(List.of("1", "1"), m.get("l").orElseThrow().asList("l").stream().map(n -> n.text("l")).toList());
    }

    @Test
    void anAliasWithoutAnAnchorIsLocated() {
        assertEquals("f.yaml:2:4: not valid YAML: alias '*nope' comes before any anchor '&nope'",
                failure("a: 1\nb: *nope\n"));
    }

    @Test
    void nestedAliasesCannotBlowUp() {
        StringBuilder yaml = new StringBuilder("a: &a [x, x]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            String prev = "*" + (char) (c - 1);
            String tenAliases = String.join(", ", Collections.nCopies(10, prev));
            yaml.append(c).append(": &").append(c).append(" [").append(tenAliases).append("]\n");
        }
        // the ceiling guards against a hang (10^9 expanded aliases), not a speed
        String m = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> failure(yaml.toString()));
        assertTrue(m.startsWith("f.yaml:7:"), m);
        assertTrue(m.contains("more than 50 aliases to maps and lists"), m);
    }

    @Test
    void aFileHoldsOneDocument() {
        assertEquals("f.yaml:3:1: not valid YAML: a file holds one document, and a second one (after '---') "
                + "starts here", failure("a: 1\n---\nb: 2\n"));
    }

    @Test
    void anEmptyFileOrOneOfCommentsIsEmpty() {
        assertEquals("f.yaml: the file is empty", failure(""));
        assertEquals("f.yaml: the file is empty", failure("# nothing yet\n\n"));
    }

    @Test
    void aListOrMapAsAFieldNameIsRefusedWhereItStands() {
        assertEquals("f.yaml:1:3: field names must be plain words", failure("? [a]\n: 1\n"));
        assertEquals("f.yaml:1:2: field names must be plain words", failure("{[a]: 1}\n"));
    }

    @Test
    void syntaxErrorsNameTheProblemAndWhereItIs() {
        assertEquals("f.yaml:2:3: not valid YAML: mapping values are not allowed here", failure("a: 1\n b: 2\n"));
        assertEquals("f.yaml:2:1: not valid YAML: expected ',' or ']', but got <stream end>", failure("a: [1, 2\n"));
    }

    @Test
    void duplicateFieldsAndMergeKeysAreRefusedByTheMap() {
        assertEquals("f.yaml:2:1: field 'a' appears twice", assertThrows(BadInputException.class,
                () -> parse("a: 1\na: 2\n").asMap("m")).getMessage());
        String merge = assertThrows(BadInputException.class,
                () -> parse("base: &b {x: 1}\nm: {<<: *b, y: 2}\n").asMap("top").get("m").orElseThrow().asMap("m")
                        .allowOnly("m", Set.of("x", "y"))).getMessage();
        assertTrue(merge.startsWith("f.yaml:2:5: unknown field '<<' in m"), merge);
    }

    @Test
    void aByteOrderMarkIsSkipped() {
        assertEquals("f.yaml:1:4", parse("\uFEFFa: 1\n").asMap("m").get("a").orElseThrow().location());
    }

    @Test
    void aWholeNumberOutsideItsRangeSaysTheRange() {
        YamlMap m = parse("a: 1e3\nb: 2.5\nc: eight\nd: 4000000000\ne: 0\n").asMap("m");
        assertEquals(1000, m.intInOr("a", "m", 0, 1, 2000));
        assertEquals("f.yaml:2:4: field 'b' of m must be a whole number, got '2.5'",
                assertThrows(BadInputException.class, () -> m.intOr("b", "m", 0)).getMessage());
        assertEquals("f.yaml:3:4: field 'c' of m must be a whole number, got 'eight'",
                assertThrows(BadInputException.class, () -> m.intOr("c", "m", 0)).getMessage());
        assertEquals("f.yaml:4:4: field 'd' of m must be from 1 to 2,147,483,647, got 4000000000",
                assertThrows(BadInputException.class, () -> m.positiveIntOr("d", "m", 0)).getMessage());
        assertEquals("f.yaml:5:4: field 'e' of m must be at least 1, got 0",
                assertThrows(BadInputException.class, () -> m.positiveIntOr("e", "m", 1)).getMessage());
        assertEquals("f.yaml:4:4: field 'd' of m must be from 1 to 1,048,576, got 4000000000",
                assertThrows(BadInputException.class, () -> m.channelsOr("d", "m", 1)).getMessage());
    }
}
