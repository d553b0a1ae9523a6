package dev.ridgeline.search.space;

import dev.ridgeline.core.graph.Model;
import java.util.Map;

/** A design space resolved against its base model: the knobs, the channel groups and the separable sites. */
public record ResolvedSpace(Model base, DesignSpace space, ChannelGroups groups, Map<String, SeparableSites.Site> sites) {
    public ResolvedSpace {
        sites = Map.copyOf(sites);
    }
}
