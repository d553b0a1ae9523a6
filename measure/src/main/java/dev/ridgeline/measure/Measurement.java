package dev.ridgeline.measure;

import dev.ridgeline.measure.runtime.Environment;
import dev.ridgeline.measure.runtime.NodeTime;
import dev.ridgeline.measure.stats.Spread;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One design measured in ONNX Runtime: what ran (model name, batch), its timing spread, the per-kernel profile
 * mapped to Ridgeline layers, and where it ran.
 *
 * @param source what was measured, as the user named it (a model, or a job and row)
 */
public record Measurement(String source, String model, int batch, Spread spread, List<NodeTime> profile,
                          Environment environment) {
    public Measurement {
        profile = List.copyOf(profile);
    }

    /** Profiled seconds per Ridgeline layer, in the profile's order; kernels named by no layer go under "". */
    public Map<String, Double> secondsByLayer() {
        Map<String, Double> out = new LinkedHashMap<>();
        for (NodeTime t : profile) {
            out.merge(t.layer(), t.seconds(), Double::sum);
        }
        return out;
    }
}
