package dev.ridgeline.search.space;

import dev.ridgeline.core.graph.Model;
import dev.ridgeline.core.graph.Node;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The stages of a model: a layer's stage is its first label (the block or stage it was written in),
 * or its own name when it has none; stages are numbered from 1 in model order.
 */
public final class Stages {
    private Stages() {
    }

    public static String of(Node n) {
        return n.labels().isEmpty() ? n.name() : n.labels().get(0);
    }

    static List<String> ordered(Model model) {
        Set<String> stages = new LinkedHashSet<>();
        model.nodes().forEach(n -> stages.add(of(n)));
        return new ArrayList<>(stages);
    }

    /** A glob where * matches any run of characters (dots included) and ? one character. */
    public static Pattern glob(String glob) {
        StringBuilder re = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString());
    }
}
