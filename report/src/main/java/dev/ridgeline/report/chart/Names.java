package dev.ridgeline.report.chart;

import java.util.ArrayList;
import java.util.List;

/**
 * Layer and group names as charts show them: without the prefix they all share, cut at a separator
 * ({@code /}, {@code .}, {@code _}, {@code :}), so that 26 ONNX paths such as
 * {@code /features/features.3/conv/conv.0/Conv} read {@code 3/conv/conv.0/Conv}.
 */
final class Names {
    private Names() {
    }

    static List<String> withoutCommonPrefix(List<String> names) {
        if (names.size() < 2) {
            return List.copyOf(names);
        }
        String first = names.get(0);
        int common = first.length();
        for (String n : names) {
            int i = 0;
            while (i < Math.min(common, n.length()) && n.charAt(i) == first.charAt(i)) {
                i++;
            }
            common = i;
        }
        int cut = 0;
        for (int i = common - 1; i >= 0; i--) {
            if ("/._:".indexOf(first.charAt(i)) >= 0) {
                cut = i + 1;
                break;
            }
        }
        List<String> shown = new ArrayList<>();
        for (String n : names) {
            String rest = n.substring(cut);
            shown.add(rest.isEmpty() ? n : rest);
        }
        return shown;
    }
}
