package dev.ridgeline.core.io.yaml;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/** Finds the nearest known name to a misspelt one (Levenshtein distance), for "did you mean" hints. */
public final class Suggest {
    private Suggest() {
    }

    /** The closest candidate within a distance of a third of the name's length (at least 2), if any. */
    public static Optional<String> nearest(String name, Collection<String> candidates) {
        String n = name.toLowerCase(Locale.ROOT);
        int limit = Math.max(2, n.length() / 3);
        return candidates.stream()
                .filter(c -> distance(n, c.toLowerCase(Locale.ROOT)) <= limit)
                .min(Comparator.comparingInt((String c) -> distance(n, c.toLowerCase(Locale.ROOT))));
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
