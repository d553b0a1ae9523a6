package dev.ridgeline.core.op;

/** How many inputs an op takes. */
public enum Arity {
    ONE(1, 1),
    TWO(2, 2),
    ONE_OR_MORE(1, Integer.MAX_VALUE);

    private final int min;
    private final int max;

    Arity(int min, int max) {
        this.min = min;
        this.max = max;
    }

    public boolean accepts(int count) {
        return count >= min && count <= max;
    }

    public String describe() {
        return switch (this) {
            case ONE -> "exactly one input";
            case TWO -> "exactly two inputs";
            case ONE_OR_MORE -> "one or more inputs";
        };
    }
}
