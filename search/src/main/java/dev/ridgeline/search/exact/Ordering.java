package dev.ridgeline.search.exact;

/** How the exact solver chooses the next knob to eliminate, on the graph of knobs that share a factor. */
public enum Ordering {
    /** The knob whose new factor has the fewest assignments (the product of its neighbours' choices). */
    MIN_WEIGHT,
    /** The knob whose elimination adds the fewest new interactions; ties by weight. */
    MIN_FILL,
    /** The knob with the fewest neighbours; ties by weight. */
    MIN_DEGREE,
    /**
     * Along the network: each knob once the last layer that reads it is passed, so that one front is carried
     * along the network and each elimination adds a few layers to it (a dynamic programme over the layers),
     * instead of fronts of parts of the network summed together at the end.
     */
    SEQUENTIAL
}
