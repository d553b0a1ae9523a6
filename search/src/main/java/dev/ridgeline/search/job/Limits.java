package dev.ridgeline.search.job;

import dev.ridgeline.core.io.yaml.YamlNode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The exact strategy's limits as a job writes them: a duration ({@code 90}, {@code 90s}, {@code 2m}) and a size ({@code 1GB}). */
final class Limits {
    private static final Pattern DURATION = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)\\s*(s|m|h)?");
    private static final Pattern SIZE = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)\\s*(B|KB|MB|GB|KiB|MiB|GiB)?",
            Pattern.CASE_INSENSITIVE);

    private Limits() {
    }

    /** Seconds, more than 0 and at most a week: a number of seconds or one with the unit s, m or h. */
    static double seconds(YamlNode node, String what) {
        Matcher m = DURATION.matcher(node.text(what).trim());
        double seconds = Double.NaN;
        if (m.matches()) {
            double unit = m.group(2) == null ? 1 : switch (m.group(2)) {
                case "m" -> 60;
                case "h" -> 3600;
                default -> 1;
            };
            seconds = Double.parseDouble(m.group(1)) * unit;
        }
        if (!(seconds > 0 && seconds <= 7 * 24 * 3600)) {
            throw node.error("%s is a duration above 0 and at most a week: seconds (90), or with a unit s, m or h "
                    + "(90s, 2m, 1h); got '%s'", what, node.text(what));
        }
        return seconds;
    }

    /** Bytes, at least 1 MB: a number of bytes or one with the unit KB, MB or GB (powers of 1024). */
    static long bytes(YamlNode node, String what) {
        Matcher m = SIZE.matcher(node.text(what).trim());
        double bytes = Double.NaN;
        if (m.matches()) {
            String unit = m.group(2) == null ? "B" : m.group(2).toUpperCase(Locale.ROOT).replace("I", "");
            double scale = switch (unit) {
                case "KB" -> 1L << 10;
                case "MB" -> 1L << 20;
                case "GB" -> 1L << 30;
                default -> 1;
            };
            bytes = Double.parseDouble(m.group(1)) * scale;
        }
        if (!(bytes >= (1L << 20) && bytes <= Long.MAX_VALUE / 2)) {
            throw node.error("%s is a memory size of at least 1 MB: bytes (1073741824), or with a unit KB, MB or GB, "
                    + "powers of 1024 (512MB, 1GB); got '%s'", what, node.text(what));
        }
        return (long) bytes;
    }
}
