package dev.ridgeline.search.exact;

import dev.ridgeline.core.BadInputException;

/**
 * The exact front of a space needs more memory than the solver may use: the run stops before the heap
 * runs out, saying how far it got and what to change (exit code 2, as for any input the tool cannot take).
 */
public final class ExactLimitException extends BadInputException {
    private static final long serialVersionUID = 1L;

    public ExactLimitException(String message) {
        super(message);
    }
}
