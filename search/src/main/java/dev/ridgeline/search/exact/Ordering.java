package dev.ridgeline.search.exact;

/** How the exact solver chooses the next knob to eliminate, on the graph of knobs that share a factor. */
public enum Ordering {
    /** The knob whose new factor has the fewest assignments (the product of its neighbours' choices). */
    MIN_WEIGHT,
    /** The knob whose elimination adds the fewest new interactions; ties by weight. */
    MIN_FILL,
    /** The knob with the fewest neighbours; ties by weight. */
    MIN_DEGREE
}
