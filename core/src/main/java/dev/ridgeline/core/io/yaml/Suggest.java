package dev.ridgeline.core.io.yaml;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Finds the known names nearest to a misspelt one (Levenshtein distance), for "did you mean" hints. */
public final class Suggest {
    private Suggest() {
    }

    /**
     * The candidates closest to {@code name}, all of them when several tie, within a distance of a third
     * of the name's length (at least 2); empty when none is that close.
     */
    public static List<String> nearest(String name, Collection<String> candidates) {
        String n = name.toLowerCase(Locale.ROOT);
        int limit = Math.max(2, n.length() / 3);
        int best = candidates.stream().mapToInt(c -> distance(n, c.toLowerCase(Locale.ROOT))).min()
                .orElse(Integer.MAX_VALUE);
        if (best > limit) {
            return List.of();
        }
        return candidates.stream().filter(c -> distance(n, c.toLowerCase(Locale.ROOT)) == best).distinct().toList();
    }

    /** " (did you mean 'kernel'?)", " (did you mean 'fp16' or 'fp32'?)", or "" when nothing is close. */
    public static String hint(String name, Collection<String> candidates) {
        List<String> near = nearest(name, candidates);
        if (near.isEmpty()) {
            return "";
        }
        return " (did you mean " + near.stream().map(s -> "'" + s + "'").collect(Collectors.joining(" or ")) + "?)";
    }

    /** Levenshtein distance between two names. */
    public static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
