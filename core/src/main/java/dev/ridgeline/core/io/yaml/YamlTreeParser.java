package dev.ridgeline.core.io.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.JacksonYAMLParseException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.ridgeline.core.BadInputException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link YamlTree} from Jackson's YAML token stream, recording each token's location.
 * A file holds one document; anchors on maps and lists may be reused by aliases (at most
 * {@value #MAX_COLLECTION_ALIASES} times, so that nested aliases cannot blow up); merge keys are
 * ordinary fields, and so rejected by the readers.
 */
final class YamlTreeParser {
    static final int MAX_COLLECTION_ALIASES = 50;
    private static final YAMLFactory FACTORY = YAMLFactory.builder()
            .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
            .build();

    private final String source;
    private final YAMLParser parser;
    /** The text as SnakeYAML indexes it, to find the anchor of a single value (Jackson reports only collections'). */
    private final int[] codePoints;
    private final Map<String, YamlTree> anchors = new HashMap<>();
    private int collectionAliases;

    private YamlTreeParser(String source, YAMLParser parser, int[] codePoints) {
        this.source = source;
        this.parser = parser;
        this.codePoints = codePoints;
    }

    /** The file's single document; an empty file, a second document or a syntax error is bad input. */
    @SuppressWarnings("deprecation") // the MarkedYAMLException wrapper is Jackson's only view of the problem mark
    static YamlTree parse(String source, String text) {
        String withoutBom = text.startsWith("\uFEFF") ? text.substring(1) : text;
        try (YAMLParser parser = FACTORY.createParser(withoutBom)) {
            YamlTreeParser p = new YamlTreeParser(source, parser, withoutBom.codePoints().toArray());
            try {
                return p.document();
            } catch (JsonParseException e) {
                if (e.getOriginalMessage().startsWith("Expected a field name")) {
                    // a list or map used as a key: Jackson's token location is where it starts
                    throw p.errorAtToken("field names must be plain words");
                }
                throw e;
            }
        } catch (com.fasterxml.jackson.dataformat.yaml.snakeyaml.error.MarkedYAMLException e) {
            throw syntaxError(source, e);
        } catch (JacksonYAMLParseException e) {
            // unreadable characters or binary content: the scanner found no YAML text at all
            throw new BadInputException(source + ": not a YAML text file (binary content?): " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw new BadInputException(at(source, e.getLocation()) + ": not valid YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new BadInputException(source + ": cannot read: " + e.getMessage());
        }
    }

    private YamlTree document() throws IOException {
        JsonToken first = parser.nextToken();
        if (first == null) {
            throw new BadInputException(source + ": the file is empty");
        }
        YamlTree root = value(first);
        if (parser.nextToken() != null) {
            throw errorAtToken("not valid YAML: a file holds one document, and a second one (after '---') starts here");
        }
        return root;
    }

    @SuppressWarnings("deprecation") // Jackson's only public view of SnakeYAML's problem mark and text
    private static BadInputException syntaxError(String source,
            com.fasterxml.jackson.dataformat.yaml.snakeyaml.error.MarkedYAMLException e) {
        var mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        String where = mark == null ? source : source + ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1);
        String problem = e.getProblem() != null ? e.getProblem() : e.getOriginalMessage();
        return new BadInputException(where + ": not valid YAML: " + problem);
    }

    private YamlTree value(JsonToken token) throws IOException {
        JsonLocation at = parser.currentTokenLocation();
        int line = at.getLineNr();
        int column = at.getColumnNr();
        switch (token) {
            case START_OBJECT -> {
                String anchor = parser.getObjectId();
                List<YamlTree.Entry> entries = new ArrayList<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
                    JsonLocation keyAt = parser.currentTokenLocation();
                    YamlTree.Scalar key = new YamlTree.Scalar(parser.getText(), false, keyAt.getLineNr(),
                            keyAt.getColumnNr());
                    entries.add(new YamlTree.Entry(key, value(parser.nextToken())));
                }
                return anchored(anchor, new YamlTree.Mapping(entries, line, column));
            }
            case START_ARRAY -> {
                String anchor = parser.getObjectId();
                List<YamlTree> items = new ArrayList<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    items.add(value(t));
                }
                return anchored(anchor, new YamlTree.Sequence(items, line, column));
            }
            default -> {
                if (parser.isCurrentAlias()) {
                    return alias(parser.getText());
                }
                return anchored(scalarAnchor(at),
                        new YamlTree.Scalar(parser.getText(), token == JsonToken.VALUE_NULL, line, column));
            }
        }
    }

    private YamlTree anchored(String anchor, YamlTree tree) {
        if (anchor != null) {
            anchors.put(anchor, tree);
        }
        return tree;
    }

    /**
     * The anchor among a single value's properties ("&w 64", "!!int &w 64"): a value's location is where
     * its properties start.
     */
    private String scalarAnchor(JsonLocation at) {
        int i = (int) at.getCharOffset();
        for (int property = 0; property < 2 && i >= 0 && i < codePoints.length; property++) {
            int first = codePoints[i];
            if (first != '&' && first != '!') {
                return null;
            }
            int end = i + 1;
            while (end < codePoints.length && !Character.isWhitespace(codePoints[end])
                    && ",[]{}".indexOf(codePoints[end]) < 0) {
                end++;
            }
            if (first == '&') {
                return new String(codePoints, i + 1, end - i - 1);
            }
            i = end;
            while (i < codePoints.length && Character.isWhitespace(codePoints[i])) {
                i++;
            }
        }
        return null;
    }

    private YamlTree alias(String anchor) {
        YamlTree target = anchors.get(anchor);
        if (target == null) {
            throw errorAtToken("not valid YAML: alias '*" + anchor + "' comes before any anchor '&" + anchor + "'");
        }
        if (!(target instanceof YamlTree.Scalar) && ++collectionAliases > MAX_COLLECTION_ALIASES) {
            throw errorAtToken("more than " + MAX_COLLECTION_ALIASES + " aliases to maps and lists");
        }
        return target;
    }

    private BadInputException errorAtToken(String message) {
        return new BadInputException(at(source, parser.currentTokenLocation()) + ": " + message);
    }

    private static String at(String source, JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return source;
        }
        return source + ":" + location.getLineNr() + ":" + location.getColumnNr();
    }
}
