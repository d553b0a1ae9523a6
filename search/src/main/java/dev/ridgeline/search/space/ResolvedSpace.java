package dev.ridgeline.search.space;

import dev.ridgeline.core.graph.Model;
import java.util.Map;

/**
 * A design space resolved against its base model: the knobs, the channel groups and the separable sites,
 * and the model's family, which param knobs read their members from.
 */
public record ResolvedSpace(Model base, DesignSpace space, ChannelGroups groups, Map<String, SeparableSites.Site> sites,
                            ModelFamily family) {
    public ResolvedSpace {
        sites = Map.copyOf(sites);
    }

    /** A space over a model without parameters. */
    public ResolvedSpace(Model base, DesignSpace space, ChannelGroups groups, Map<String, SeparableSites.Site> sites) {
        this(base, space, groups, sites, ModelFamily.fixed(base));
    }

    /** Whether some knob sets a parameter of the model file (each point is then read from the file). */
    public boolean hasParamKnobs() {
        return space.knobs().stream().anyMatch(k -> k.target() instanceof KnobTarget.Param);
    }
}
