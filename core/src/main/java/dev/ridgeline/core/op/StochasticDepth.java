package dev.ridgeline.core.op;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Stochastic depth (torchvision.ops.StochasticDepth): drops a residual branch per sample ("row") or per
 * batch while training, the identity at inference; kept so that layer names match the source network.
 */
public record StochasticDepth(double p, Mode mode) implements Op {
    /** Whether a whole batch or each sample is dropped. */
    public enum Mode {
        ROW("row"), BATCH("batch");

        private final String id;

        Mode(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    public StochasticDepth {
        if (p < 0 || p > 1) {
            throw new IllegalArgumentException("stochastic depth probability must be in [0, 1], got " + p);
        }
        if (mode == null) {
            throw new IllegalArgumentException("mode is required");
        }
    }

    @Override
    public OpKind kind() {
        return OpKind.STOCHASTIC_DEPTH;
    }

    @Override
    public Map<String, Object> attributes() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("p", p);
        a.put("mode", mode.id());
        return a;
    }
}
