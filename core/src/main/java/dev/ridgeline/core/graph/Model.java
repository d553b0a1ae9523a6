package dev.ridgeline.core.graph;

import dev.ridgeline.core.BadInputException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An immutable network: a directed acyclic graph of named nodes over named inputs, kept in a
 * topological order. Built through {@link #builder(String)}, which rejects unknown input names,
 * duplicate names, wrong input counts and cycles, naming the nodes involved.
 */
public final class Model {
    private final String name;
    private final String description;
    private final List<ModelInput> inputs;
    private final List<Node> nodes;
    private final List<String> outputs;
    private final Map<String, Integer> indexByName;
    private final int[][] inputRefs;
    private final OptionalLong storedParams;
    private final Map<String, LayerPrecision> precisions;

    private Model(String name, String description, List<ModelInput> inputs, List<Node> nodes, List<String> outputs,
                  OptionalLong storedParams, Map<String, LayerPrecision> precisions) {
        this.name = name;
        this.description = description;
        this.storedParams = storedParams;
        this.precisions = Map.copyOf(precisions);
        this.inputs = List.copyOf(inputs);
        this.nodes = List.copyOf(nodes);
        this.outputs = List.copyOf(outputs);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            index.put(nodes.get(i).name(), i);
        }
        this.indexByName = Collections.unmodifiableMap(index);
        Map<String, Integer> inputIndex = new HashMap<>();
        for (int k = 0; k < inputs.size(); k++) {
            inputIndex.put(inputs.get(k).name(), k);
        }
        this.inputRefs = new int[nodes.size()][];
        for (int i = 0; i < nodes.size(); i++) {
            List<String> in = nodes.get(i).inputs();
            inputRefs[i] = new int[in.size()];
            for (int j = 0; j < in.size(); j++) {
                Integer producer = index.get(in.get(j));
                inputRefs[i][j] = producer != null ? producer : -1 - inputIndex.get(in.get(j));
            }
        }
    }

    /**
     * Where input {@code j} of node {@code i} comes from: the index of the producing node in {@link #nodes()},
     * or -1 - k for model input k. Precomputed, for passes that must not look names up.
     */
    public int inputRef(int node, int j) {
        return inputRefs[node][j];
    }

    public int inputCount(int node) {
        return inputRefs[node].length;
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    public String name() {
        return name;
    }

    /** What the model is, in a line (empty when its source gave none). */
    public String description() {
        return description;
    }

    public List<ModelInput> inputs() {
        return inputs;
    }

    /**
     * Weight elements as the source file stores them, a tensor several layers share counted once (an ONNX
     * export's initializers); empty when the source has no such notion. {@code params} counts every use.
     */
    public OptionalLong storedParams() {
        return storedParams;
    }

    /** The precision a layer runs in when the model fixes it (a quantized file's INT8 layers); empty otherwise. */
    public Optional<LayerPrecision> precisionOf(String nodeName) {
        return Optional.ofNullable(precisions.get(nodeName));
    }

    /** Every layer whose precision the model fixes, by node name. */
    public Map<String, LayerPrecision> precisions() {
        return precisions;
    }

    /** Nodes in topological order: every node comes after the nodes it reads. */
    public List<Node> nodes() {
        return nodes;
    }

    /** Names of the nodes whose results leave the model. */
    public List<String> outputs() {
        return outputs;
    }

    public Optional<Node> node(String nodeName) {
        Integer i = indexByName.get(nodeName);
        return i == null ? Optional.empty() : Optional.of(nodes.get(i));
    }

    /** Position of a node in {@link #nodes()}, or -1. */
    public int indexOf(String nodeName) {
        return indexByName.getOrDefault(nodeName, -1);
    }

    public boolean isInput(String tensorName) {
        return inputs.stream().anyMatch(in -> in.name().equals(tensorName));
    }

    @Override
    public String toString() {
        return "Model[" + name + ", " + nodes.size() + " nodes]";
    }

    /** Collects inputs and nodes in any order; {@link #build()} validates and sorts them. */
    public static final class Builder {
        private final String name;
        private String description = "";
        private final List<ModelInput> inputs = new ArrayList<>();
        private final List<Node> nodes = new ArrayList<>();
        private final List<String> outputs = new ArrayList<>();
        private OptionalLong storedParams = OptionalLong.empty();
        private final Map<String, LayerPrecision> precisions = new HashMap<>();

        private Builder(String name) {
            this.name = name;
        }

        public Builder description(String text) {
            this.description = text == null ? "" : text;
            return this;
        }

        /** The weight elements the source file stores, shared tensors once (see {@link Model#storedParams()}). */
        public Builder storedParams(OptionalLong elements) {
            this.storedParams = elements;
            return this;
        }

        /** Fixes the precision a node runs in (see {@link Model#precisionOf(String)}). */
        public Builder precision(String nodeName, LayerPrecision precision) {
            precisions.put(nodeName, precision);
            return this;
        }

        public Builder input(ModelInput input) {
            inputs.add(input);
            return this;
        }

        public Builder input(String inputName, Shape shape) {
            return input(new ModelInput(inputName, shape));
        }

        public Builder add(Node node) {
            SizeLimits.checkNodes(name, nodes.size() + 1L);
            nodes.add(node);
            return this;
        }

        public Builder output(String nodeName) {
            outputs.add(nodeName);
            return this;
        }

        public Model build() {
            BadInputException.check(!inputs.isEmpty(), "model '%s' has no input", name);
            BadInputException.check(!nodes.isEmpty(), "model '%s' has no layers", name);
            Map<String, Node> byName = new LinkedHashMap<>();
            Set<String> inputNames = new LinkedHashSet<>();
            for (ModelInput in : inputs) {
                BadInputException.check(inputNames.add(in.name()), "model '%s': input name '%s' is used twice",
                        name, in.name());
            }
            for (Node n : nodes) {
                BadInputException.check(!inputNames.contains(n.name()),
                        "node %s has the same name as a model input", n.describe());
                BadInputException.check(byName.putIfAbsent(n.name(), n) == null,
                        "node name '%s' is used twice", n.name());
            }
            for (Node n : nodes) {
                BadInputException.check(n.op().arity().accepts(n.inputs().size()),
                        "node %s takes %s, got %d: %s", n.describe(), n.op().arity().describe(),
                        n.inputs().size(), n.inputs());
                for (String in : n.inputs()) {
                    if (!byName.containsKey(in) && !inputNames.contains(in)) {
                        throw new BadInputException(String.format(
                                "node %s reads unknown input '%s'; known names: %s", n.describe(), in,
                                abbreviate(concat(inputNames, byName.keySet()))));
                    }
                }
            }
            List<Node> sorted = topologicalOrder(byName);
            List<String> outs = new ArrayList<>(outputs);
            if (outs.isEmpty()) {
                Set<String> consumed = nodes.stream().flatMap(n -> n.inputs().stream()).collect(Collectors.toSet());
                sorted.stream().map(Node::name).filter(n -> !consumed.contains(n)).forEach(outs::add);
            }
            for (String out : outs) {
                BadInputException.check(byName.containsKey(out), "model '%s': output '%s' is not a node", name, out);
            }
            for (String n : precisions.keySet()) {
                BadInputException.check(byName.containsKey(n), "model '%s': a precision is set for '%s', which is not "
                        + "a node", name, n);
            }
            return new Model(name, description, inputs, sorted, outs, storedParams, precisions);
        }

        /** Kahn's algorithm, keeping the given order among ready nodes; a leftover means a cycle. */
        private static List<Node> topologicalOrder(Map<String, Node> byName) {
            Map<String, Integer> pending = new HashMap<>();
            Map<String, List<String>> consumers = new HashMap<>();
            for (Node n : byName.values()) {
                int count = 0;
                for (String in : n.inputs()) {
                    if (byName.containsKey(in)) {
                        count++;
                        consumers.computeIfAbsent(in, k -> new ArrayList<>()).add(n.name());
                    }
                }
                pending.put(n.name(), count);
            }
            List<String> order = new ArrayList<>(byName.keySet());
            Map<String, Integer> position = new HashMap<>();
            for (int i = 0; i < order.size(); i++) {
                position.put(order.get(i), i);
            }
            java.util.PriorityQueue<String> ready = new java.util.PriorityQueue<>(
                    java.util.Comparator.comparingInt(position::get));
            pending.forEach((n, c) -> {
                if (c == 0) {
                    ready.add(n);
                }
            });
            List<Node> sorted = new ArrayList<>(byName.size());
            while (!ready.isEmpty()) {
                String n = ready.poll();
                sorted.add(byName.get(n));
                for (String c : consumers.getOrDefault(n, List.of())) {
                    if (pending.merge(c, -1, Integer::sum) == 0) {
                        ready.add(c);
                    }
                }
            }
            if (sorted.size() < byName.size()) {
                throw new BadInputException("the layers form a cycle: " + String.join(" -> ", findCycle(byName, pending)));
            }
            return sorted;
        }

        /** Walks back from a node still pending until a name repeats. */
        private static List<String> findCycle(Map<String, Node> byName, Map<String, Integer> pending) {
            String start = pending.entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey)
                    .findFirst().orElseThrow();
            Deque<String> path = new ArrayDeque<>();
            Map<String, Integer> seenAt = new HashMap<>();
            String current = start;
            while (!seenAt.containsKey(current)) {
                seenAt.put(current, path.size());
                path.addLast(current);
                current = byName.get(current).inputs().stream()
                        .filter(in -> pending.getOrDefault(in, 0) > 0).findFirst().orElseThrow();
            }
            List<String> cycle = new ArrayList<>(path).subList(seenAt.get(current), path.size());
            List<String> forward = new ArrayList<>(cycle);
            Collections.reverse(forward);
            forward.add(forward.get(0));
            return forward;
        }

        private static List<String> concat(Set<String> a, Set<String> b) {
            List<String> all = new ArrayList<>(a);
            all.addAll(b);
            return all;
        }

        private static String abbreviate(List<String> names) {
            return names.size() <= 12 ? names.toString()
                    : names.subList(0, 12) + " and " + (names.size() - 12) + " more";
        }
    }
}
