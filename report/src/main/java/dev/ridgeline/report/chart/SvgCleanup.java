package dev.ridgeline.report.chart;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes VectorGraphics2D's SVG deterministic and fit to embed: no XML prolog or DOCTYPE, and clip-path ids
 * (which it derives from object hash codes) renumbered clip1, clip2, ... in order of appearance.
 */
final class SvgCleanup {
    private static final Pattern CLIP_ID = Pattern.compile("clip-?\\d+");

    private SvgCleanup() {
    }

    static String clean(String svg) {
        String s = svg;
        int start = s.indexOf("<svg");
        if (start > 0) {
            s = s.substring(start);
        }
        Map<String, String> renamed = new LinkedHashMap<>();
        Matcher m = CLIP_ID.matcher(s);
        StringBuilder out = new StringBuilder(s.length());
        while (m.find()) {
            String id = renamed.computeIfAbsent(m.group(), k -> "clip" + (renamed.size() + 1));
            m.appendReplacement(out, id);
        }
        m.appendTail(out);
        return out.toString().strip() + "\n";
    }
}
