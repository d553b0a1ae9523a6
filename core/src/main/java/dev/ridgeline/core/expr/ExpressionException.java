package dev.ridgeline.core.expr;

/**
 * A mistake in an expression (a syntax error, an unknown name, a division by zero, a value of the wrong
 * kind), at a character offset of the expression's text so that a reader can point into its file.
 */
public final class ExpressionException extends RuntimeException {
    private final int offset;

    public ExpressionException(int offset, String message) {
        super(message);
        this.offset = offset;
    }

    /** The 0-based character offset in the expression's text the mistake is at. */
    public int offset() {
        return offset;
    }
}
