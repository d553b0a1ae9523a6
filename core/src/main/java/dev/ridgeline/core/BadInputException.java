package dev.ridgeline.core;

/**
 * Input the user can correct: a malformed file, an impossible shape, an unknown name. The
 * message says where (file:line:column or node name), what was found and what is allowed.
 */
public class BadInputException extends RidgelineException {
    private static final long serialVersionUID = 1L;

    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Fails with a message formatted like Guava's {@code checkArgument} when {@code condition} is false. */
    public static void check(boolean condition, String template, Object... args) {
        if (!condition) {
            throw new BadInputException(String.format(java.util.Locale.ROOT, template, args));
        }
    }
}
