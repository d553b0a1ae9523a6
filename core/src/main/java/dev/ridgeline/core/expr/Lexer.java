package dev.ridgeline.core.expr;

import java.util.ArrayList;
import java.util.List;

/** Splits an expression into tokens: numbers, $names, words, quoted text and operators. */
final class Lexer {
    private static final List<String> SYMBOLS = List.of("//", "==", "!=", "<=", ">=", "+", "-", "*", "/", "(", ")",
            ",", "<", ">");

    private Lexer() {
    }

    static List<Token> tokens(String text) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char ch = text.charAt(i);
            if (Character.isWhitespace(ch)) {
                i++;
            } else if (Character.isDigit(ch) || (ch == '.' && i + 1 < text.length() && Character.isDigit(text.charAt(i + 1)))) {
                int start = i;
                while (i < text.length() && (Character.isDigit(text.charAt(i)) || text.charAt(i) == '.'
                        || text.charAt(i) == '_')) {
                    i++;
                }
                out.add(new Token(Token.Kind.NUMBER, text.substring(start, i), start));
            } else if (ch == '$') {
                int start = i++;
                boolean braced = i < text.length() && text.charAt(i) == '{';
                if (braced) {
                    i++;
                }
                int nameStart = i;
                while (i < text.length() && isNamePart(text.charAt(i))) {
                    i++;
                }
                if (i == nameStart) {
                    throw new ExpressionException(start, "'$' must be followed by a parameter name");
                }
                String name = text.substring(nameStart, i);
                if (braced) {
                    if (i >= text.length() || text.charAt(i) != '}') {
                        throw new ExpressionException(start, "'${" + name + "' is missing its closing '}'");
                    }
                    i++;
                }
                out.add(new Token(Token.Kind.NAME, name, start));
            } else if (Character.isLetter(ch) || ch == '_') {
                int start = i;
                while (i < text.length() && isNamePart(text.charAt(i))) {
                    i++;
                }
                out.add(new Token(Token.Kind.WORD, text.substring(start, i), start));
            } else if (ch == '\'' || ch == '"') {
                int start = i;
                int end = text.indexOf(ch, i + 1);
                if (end < 0) {
                    throw new ExpressionException(start, "text starting here has no closing " + ch);
                }
                out.add(new Token(Token.Kind.TEXT, text.substring(start + 1, end), start));
                i = end + 1;
            } else {
                String symbol = symbolAt(text, i);
                if (symbol == null) {
                    throw new ExpressionException(i, "unexpected character '" + ch
                            + "'; expressions use numbers, $names, + - * // ( ), min, max, round, ceil, make_divisible"
                            + " and comparisons");
                }
                out.add(new Token(Token.Kind.SYMBOL, symbol, i));
                i += symbol.length();
            }
        }
        out.add(new Token(Token.Kind.END, "", text.length()));
        return out;
    }

    private static String symbolAt(String text, int i) {
        for (String s : SYMBOLS) {
            if (text.startsWith(s, i)) {
                return s;
            }
        }
        return null;
    }

    private static boolean isNamePart(char ch) {
        return Character.isLetterOrDigit(ch) || ch == '_';
    }
}
