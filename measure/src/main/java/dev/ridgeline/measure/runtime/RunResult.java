package dev.ridgeline.measure.runtime;

import dev.ridgeline.measure.stats.Spread;
import java.util.List;

/** Timed runs of one model: their spread, the per-kernel profile (empty unless asked for) and the environment. */
public record RunResult(Spread spread, List<NodeTime> profile, Environment environment) {
    public RunResult {
        profile = List.copyOf(profile);
    }
}
