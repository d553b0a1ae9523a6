package dev.ridgeline.report.html;

/** Builds HTML text: escaping, and elements appended to a StringBuilder. */
final class Html {
    private final StringBuilder out = new StringBuilder(1 << 16);

    static String escape(String text) {
        StringBuilder s = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> s.append("&amp;");
                case '<' -> s.append("&lt;");
                case '>' -> s.append("&gt;");
                case '"' -> s.append("&quot;");
                default -> s.append(c);
            }
        }
        return s.toString();
    }

    /** Raw markup, already escaped. */
    Html raw(String markup) {
        out.append(markup);
        return this;
    }

    /** An element with escaped text: {@code <tag attrs>text</tag>}. */
    Html element(String tag, String attributes, String text) {
        out.append('<').append(tag);
        if (!attributes.isEmpty()) {
            out.append(' ').append(attributes);
        }
        out.append('>').append(escape(text)).append("</").append(tag).append(">\n");
        return this;
    }

    Html open(String tag, String attributes) {
        out.append('<').append(tag);
        if (!attributes.isEmpty()) {
            out.append(' ').append(attributes);
        }
        out.append(">\n");
        return this;
    }

    Html close(String tag) {
        out.append("</").append(tag).append(">\n");
        return this;
    }

    /** A definition list entry. */
    Html entry(String term, String definition) {
        return element("dt", "", term).element("dd", "", definition);
    }

    static String attribute(String name, String value) {
        return name + "=\"" + escape(value) + "\"";
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
