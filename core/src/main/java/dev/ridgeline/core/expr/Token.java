package dev.ridgeline.core.expr;

/** One lexical token of an expression and the offset it starts at. */
record Token(Kind kind, String text, int offset) {
    enum Kind { NUMBER, NAME, WORD, TEXT, SYMBOL, END }

    boolean is(String symbol) {
        return (kind == Kind.SYMBOL || kind == Kind.WORD) && text.equals(symbol);
    }
}
