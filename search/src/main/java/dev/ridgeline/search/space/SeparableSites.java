package dev.ridgeline.search.space;

import dev.ridgeline.core.graph.Model;
import dev.ridgeline.core.graph.Node;
import dev.ridgeline.core.op.Activation;
import dev.ridgeline.core.op.BatchNorm;
import dev.ridgeline.core.op.Conv2d;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Places where a model can be standard or depthwise-separable. A site is named after its KxK conv:
 * <ul>
 *   <li>a standard KxK conv (groups 1, K &gt; 1); its separable form is a depthwise KxK conv
 *       ("NAME.depthwise") with BN and the conv's activation (ReLU if it has none) after it, then a 1x1
 *       pointwise conv that keeps the name NAME and whatever BN and activation followed the original;</li>
 *   <li>a depthwise KxK conv whose output reaches, through at most a BN and an activation used by
 *       nothing else, a 1x1 conv (groups 1); its standard form is one KxK conv named like the depthwise
 *       conv, producing the 1x1 conv's channels, followed by the 1x1 conv's BN and activation.</li>
 * </ul>
 */
public final class SeparableSites {
    /**
     * @param conv        the site's KxK conv (the standard conv, or the depthwise one)
     * @param separable   whether the base model has the separable form here
     * @param between     for a separable base: the BN and activation between depthwise and pointwise
     * @param pointwise   for a separable base: the 1x1 conv
     */
    public record Site(String conv, boolean separable, List<String> between, String pointwise) {
        public Site {
            between = List.copyOf(between);
        }
    }

    private SeparableSites() {
    }

    /** Every site of the model, by the name of its KxK conv, in model order. */
    public static Map<String, Site> find(Model model) {
        Map<String, List<Node>> consumers = new HashMap<>();
        for (Node n : model.nodes()) {
            for (String in : n.inputs()) {
                consumers.computeIfAbsent(in, k -> new ArrayList<>()).add(n);
            }
        }
        Map<String, Site> sites = new LinkedHashMap<>();
        for (Node n : model.nodes()) {
            if (!(n.op() instanceof Conv2d c) || c.window().kernelArea() == 1) {
                continue;
            }
            if (c.groups() == 1) {
                sites.put(n.name(), new Site(n.name(), false, List.of(), null));
            } else if (c.groups() == c.inChannels() && c.outChannels() == c.inChannels()) {
                pointwiseAfter(n, consumers).ifPresent(s -> sites.put(n.name(), s));
            }
        }
        return sites;
    }

    private static Optional<Site> pointwiseAfter(Node depthwise, Map<String, List<Node>> consumers) {
        List<String> between = new ArrayList<>();
        Node current = depthwise;
        for (int step = 0; step < 3; step++) {
            List<Node> next = consumers.getOrDefault(current.name(), List.of());
            if (next.size() != 1) {
                return Optional.empty();
            }
            Node n = next.get(0);
            if (n.op() instanceof Conv2d c && c.groups() == 1 && c.window().kernelArea() == 1
                    && c.window().strideH() == 1 && c.window().strideW() == 1) {
                return Optional.of(new Site(depthwise.name(), true, between, n.name()));
            }
            boolean allowed = (n.op() instanceof BatchNorm && between.isEmpty())
                    || (n.op() instanceof Activation && between.size() <= 1);
            if (!allowed) {
                return Optional.empty();
            }
            between.add(n.name());
            current = n;
        }
        return Optional.empty();
    }
}
