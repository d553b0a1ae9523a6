package dev.ridgeline.report.chart;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes VectorGraphics2D's SVG deterministic and fit to embed: no XML prolog or DOCTYPE, clip-path ids
 * (which it derives from object hash codes) renumbered clip1, clip2, ... in order of appearance, and
 * coordinates rounded to 1/100 of a pixel (XChart draws text as glyph outlines with up to 11 decimals; the
 * rounding makes the file a third smaller and changes nothing one can see).
 */
final class SvgCleanup {
    private static final Pattern CLIP_ID = Pattern.compile("clip-?\\d+");
    private static final Pattern LONG_DECIMAL = Pattern.compile("-?\\d+\\.\\d{3,}");

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
        return round(out.toString()).strip() + "\n";
    }

    /** Every number with more than two decimals, rounded half up to two (trailing zeros dropped). */
    static String round(String svg) {
        Matcher m = LONG_DECIMAL.matcher(svg);
        StringBuilder out = new StringBuilder(svg.length());
        while (m.find()) {
            BigDecimal rounded = new BigDecimal(m.group()).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
            String text = rounded.signum() == 0 ? "0" : rounded.toPlainString();
            m.appendReplacement(out, text);
        }
        m.appendTail(out);
        return out.toString();
    }
}
