package dev.ridgeline.core;

/**
 * The root of every error Ridgeline reports on purpose. A {@link BadInputException} is the
 * user's to fix (exit code 2); any other subclass is a failure of Ridgeline itself.
 */
public class RidgelineException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RidgelineException(String message) {
        super(message);
    }

    public RidgelineException(String message, Throwable cause) {
        super(message, cause);
    }
}
