package dev.ridgeline.core.shape;

/** A rule of one op broken by its input shapes; {@link ShapeInference} adds the node's name and inputs. */
final class ShapeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ShapeException(String rule, Object... args) {
        super(String.format(java.util.Locale.ROOT, rule, args));
    }

    static void check(boolean ok, String rule, Object... args) {
        if (!ok) {
            throw new ShapeException(rule, args);
        }
    }
}
