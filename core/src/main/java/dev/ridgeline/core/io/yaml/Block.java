package dev.ridgeline.core.io.yaml;

import dev.ridgeline.core.build.Scope;
import java.util.Set;

/** A reusable group of layers that a model file invokes by name, with parameters and an optional repeat. */
interface Block {
    /** The parameter fields it accepts (besides the common name, inputs, labels, stage and repeat). */
    Set<String> fields();

    /**
     * Adds the layers of one instance to {@code scope}, reading the scope's input. {@code first} is false for
     * the second and later instances of a repeat, which run at stride 1. {@code nested} reads layer lists
     * inside the block, one level deeper.
     */
    void expand(YamlMap args, String what, Scope scope, boolean first, LayerListReader nested);
}
