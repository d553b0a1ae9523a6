package dev.ridgeline.report.chart;

import dev.ridgeline.search.eval.Metric;
import dev.ridgeline.store.read.MetricTable;
import java.util.List;

/**
 * The text a front point shows when hovered: which row of pareto.csv it is, every knob's choice, then its
 * metrics in their units. Knobs are the columns that name no metric, so a metric added to {@link Metric} is
 * shown as a metric without a change here.
 */
final class DesignTips {
    private DesignTips() {
    }

    static String[] of(MetricTable table, String run) {
        List<String> header = table.header();
        String[] tips = new String[table.rows().size()];
        for (int r = 0; r < tips.length; r++) {
            List<String> row = table.rows().get(r);
            StringBuilder knobs = new StringBuilder();
            StringBuilder metrics = new StringBuilder();
            for (int c = 0; c < header.size(); c++) {
                String column = header.get(c);
                if (Metric.byId(column).isPresent()) {
                    double v = number(row.get(c));
                    metrics.append('\n').append(MetricLabels.axis(column)).append(": ")
                            .append(MetricLabels.human(column, v));
                } else {
                    knobs.append('\n').append(column).append(" = ").append(row.get(c));
                }
            }
            tips[r] = run + ", design " + (r + 1) + " of pareto.csv" + knobs + metrics;
        }
        return tips;
    }

    private static double number(String cell) {
        try {
            return cell.isEmpty() ? Double.NaN : Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
