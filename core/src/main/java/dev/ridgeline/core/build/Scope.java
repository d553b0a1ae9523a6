package dev.ridgeline.core.build;

import dev.ridgeline.core.BadInputException;
import dev.ridgeline.core.graph.Node;
import dev.ridgeline.core.graph.Shape;
import dev.ridgeline.core.op.Op;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A naming scope of a {@link NetworkBuilder}: the model itself or one block instance. Layers added
 * here read the previous layer unless they name their inputs; "input" names the scope's input.
 */
public final class Scope {
    /** The reference that means the scope's input (the model input at the top level). */
    public static final String INPUT = "input";

    private final NetworkBuilder builder;
    private final Scope parent;
    private final String prefix;
    private final List<String> labels;
    private final String input;
    private final Map<String, String> locals = new LinkedHashMap<>();
    private final Map<String, Integer> autoCounters = new HashMap<>();
    private String last;

    Scope(NetworkBuilder builder, Scope parent, String prefix, List<String> labels, String input) {
        this.builder = builder;
        this.parent = parent;
        this.prefix = prefix;
        this.labels = List.copyOf(labels);
        this.input = input;
        this.last = input;
    }

    /** A nested scope named {@code localName} reading the given full tensor name. */
    public Scope childReading(String localName, List<String> extraLabels, String inputTensor) {
        List<String> all = new ArrayList<>(labels);
        for (String l : extraLabels) {
            if (!all.contains(l)) {
                all.add(l);
            }
        }
        return new Scope(builder, this, qualify(localName), all, inputTensor);
    }

    /** Records a child scope's result as this scope's latest output, addressable by the given names. */
    public void adopt(Scope child, String... localNames) {
        for (String n : localNames) {
            locals.put(n, child.last);
        }
        last = child.last;
    }

    public String qualify(String localName) {
        return prefix.isEmpty() ? localName : prefix + "." + localName;
    }

    /** The first free automatic name for an op type in this scope: conv1, conv2, ... */
    public String autoName(String type) {
        int k = autoCounters.merge(type, 1, Integer::sum);
        while (locals.containsKey(type + k) || builder.exists(qualify(type + k))) {
            k = autoCounters.merge(type, 1, Integer::sum);
        }
        return type + k;
    }

    /** The full tensor name a reference means here: "input", a local name, an outer name, or a full name. */
    public String resolve(String reference) {
        for (Scope s = this; s != null; s = s.parent) {
            if (INPUT.equals(reference)) {
                return s.input;
            }
            String full = s.locals.get(reference);
            if (full != null) {
                return full;
            }
        }
        if (builder.exists(reference)) {
            return reference;
        }
        throw new BadInputException("unknown input '" + reference + "'; layers can read '" + INPUT
                + "' or layers defined above them" + (locals.isEmpty() ? "" : ", such as " + knownNames()));
    }

    private String knownNames() {
        List<String> names = new ArrayList<>(locals.keySet());
        return names.size() <= 10 ? String.join(", ", names)
                : String.join(", ", names.subList(names.size() - 10, names.size()));
    }

    /** Adds a layer reading the given full tensor names; returns its full name. */
    public String add(String localName, Op op, List<String> inputTensors) {
        return add(localName, op, inputTensors, List.of());
    }

    /** Adds a layer with labels of its own besides the scope's. */
    public String add(String localName, Op op, List<String> inputTensors, List<String> extraLabels) {
        String full = qualify(localName);
        if (locals.containsKey(localName)) {
            throw new BadInputException("layer name '" + full + "' is used twice");
        }
        List<String> all = new ArrayList<>(labels);
        extraLabels.stream().filter(l -> !all.contains(l)).forEach(all::add);
        builder.add(new Node(full, op, inputTensors, all));
        locals.put(localName, full);
        last = full;
        return full;
    }

    /** Adds a layer reading this scope's latest output. */
    public String add(String localName, Op op) {
        return add(localName, op, List.of(last));
    }

    /** The nodes the whole model has so far, in every scope. */
    public int modelNodeCount() {
        return builder.nodeCount();
    }

    /** The latest output of this scope (its input before any layer was added). */
    public String last() {
        return last;
    }

    public String input() {
        return input;
    }

    public Shape shape(String tensor) {
        return builder.shape(tensor);
    }

    public Shape lastShape() {
        return builder.shape(last);
    }
}
