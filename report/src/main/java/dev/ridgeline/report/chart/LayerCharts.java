package dev.ridgeline.report.chart;

import dev.ridgeline.store.format.Quantities;
import dev.ridgeline.store.read.AnalysisRun;
import dev.ridgeline.store.read.LayerRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;

/**
 * Where a network's cost sits: the share of latency, MACs, params and activation bytes of each stage (stacked
 * bars), and the layers that cost most, coloured by stage.
 */
public final class LayerCharts {
    /** Stages shown by name; the rest are summed as "other stages". */
    static final int STAGES = 9;
    static final int TOP_LAYERS = 15;
    static final String OTHER = "other stages";

    private LayerCharts() {
    }

    /** A measure of a layer the charts compare. */
    record Measure(String name, ToDoubleFunction<LayerRow> value) {
    }

    static List<Measure> measures(AnalysisRun run) {
        List<Measure> measures = new ArrayList<>();
        if (run.roofs().isPresent()) {
            measures.add(new Measure("latency", l -> l.timed() ? l.seconds() : 0));
        }
        measures.add(new Measure("MACs", LayerRow::macs));
        measures.add(new Measure("params", LayerRow::params));
        measures.add(new Measure("activation bytes", LayerRow::activationBytes));
        return measures;
    }

    public static ChartSpec stageShares(AnalysisRun run) {
        List<Measure> measures = measures(run);
        Measure first = measures.get(0);
        Map<String, String> groupOf = stageGroups(run, first);
        Set<String> groups = new LinkedHashSet<>(groupOf.values());
        CategoryChart chart = ChartStyle.category("", "share of the model's total (%)");
        chart.getStyler().setStacked(true);
        chart.getStyler().setXAxisLabelRotation(0);
        chart.getStyler().setYAxisMax(100.0);
        List<String> names = measures.stream().map(Measure::name).toList();
        int colour = 0;
        for (String group : groups) {
            List<Number> shares = new ArrayList<>();
            for (Measure m : measures) {
                double total = run.layers().stream().mapToDouble(m.value()).sum();
                double part = run.layers().stream().filter(l -> groupOf.get(l.stage()).equals(group))
                        .mapToDouble(m.value()).sum();
                shares.add(total > 0 ? 100.0 * part / total : 0.0);
            }
            CategorySeries s = chart.addSeries(group, names, shares);
            s.setFillColor(ChartStyle.palette(colour++));
        }
        return new ChartSpec("stages", "Cost by stage", stageCaption(run, measures, groupOf), chart);
    }

    public static ChartSpec topLayers(AnalysisRun run) {
        Measure m = measures(run).get(0);
        Map<String, String> groupOf = stageGroups(run, m);
        List<LayerRow> top = run.layers().stream().filter(l -> m.value().applyAsDouble(l) > 0)
                .sorted(Comparator.comparingDouble(m.value()).reversed()).limit(TOP_LAYERS).toList();
        boolean seconds = m.name().equals("latency");
        CategoryChart chart = ChartStyle.category("", seconds ? "latency" : m.name());
        chart.getStyler().setStacked(true);
        if (seconds) {
            ChartStyle.ticks(chart.getStyler(), null, Quantities::seconds);
        } else {
            ChartStyle.ticks(chart.getStyler(), null, v -> Quantities.human(Math.round(v)));
        }
        List<String> names = top.stream().map(LayerRow::name).toList();
        Set<String> groups = new LinkedHashSet<>();
        top.forEach(l -> groups.add(groupOf.get(l.stage())));
        List<String> allGroups = new ArrayList<>(new LinkedHashSet<>(groupOf.values()));
        for (String group : groups) {
            List<Number> values = new ArrayList<>();
            for (LayerRow l : top) {
                values.add(groupOf.get(l.stage()).equals(group) ? m.value().applyAsDouble(l) : 0.0);
            }
            CategorySeries s = chart.addSeries(group, names, values);
            s.setFillColor(ChartStyle.palette(allGroups.indexOf(group)));
        }
        double total = run.layers().stream().mapToDouble(m.value()).sum();
        double shown = top.stream().mapToDouble(m.value()).sum();
        StringBuilder caption = new StringBuilder();
        caption.append("The ").append(top.size()).append(" layers with the most ").append(m.name()).append(" of ")
                .append(run.layers().size()).append(" take ").append(Quantities.percent(shown, total))
                .append(" of the total; the three largest are ");
        for (int i = 0; i < Math.min(3, top.size()); i++) {
            LayerRow l = top.get(i);
            caption.append(i == 0 ? "" : i == Math.min(3, top.size()) - 1 ? " and " : ", ").append(l.name())
                    .append(" (").append(l.op()).append(", ").append(format(m, m.value().applyAsDouble(l)))
                    .append(")");
        }
        return new ChartSpec("top-layers", "Top layers by " + m.name(), caption.append('.').toString(), chart);
    }

    /** Stage -> the group it is drawn in: the {@value #STAGES} costliest stages by name, the rest "other". */
    static Map<String, String> stageGroups(AnalysisRun run, Measure m) {
        Map<String, Double> cost = new LinkedHashMap<>();
        for (LayerRow l : run.layers()) {
            cost.merge(l.stage(), m.value().applyAsDouble(l), Double::sum);
        }
        List<String> kept = cost.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(STAGES)
                .map(Map.Entry::getKey).toList();
        // one stage beyond the limit is drawn by name rather than as an "other" of one
        boolean all = cost.size() <= STAGES + 1;
        Map<String, String> groupOf = new LinkedHashMap<>();
        for (String stage : cost.keySet()) {
            groupOf.put(stage, all || kept.contains(stage) ? stage : OTHER);
        }
        return groupOf;
    }

    private static String stageCaption(AnalysisRun run, List<Measure> measures, Map<String, String> groupOf) {
        StringBuilder s = new StringBuilder();
        s.append("The ").append(new LinkedHashSet<>(groupOf.keySet()).size()).append(" stages of ").append(run.model())
                .append(": ");
        List<String> parts = new ArrayList<>();
        for (Measure m : measures) {
            Map<String, Double> byStage = new LinkedHashMap<>();
            for (LayerRow l : run.layers()) {
                byStage.merge(l.stage(), m.value().applyAsDouble(l), Double::sum);
            }
            double total = byStage.values().stream().mapToDouble(Double::doubleValue).sum();
            Map.Entry<String, Double> top = byStage.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
            parts.add(top.getKey() + " holds " + Quantities.percent(top.getValue(), total) + " of the " + m.name());
        }
        return s.append(String.join("; ", parts)).append('.').toString();
    }

    private static String format(Measure m, double v) {
        return switch (m.name()) {
            case "latency" -> Quantities.seconds(v);
            case "activation bytes" -> Quantities.bytes(Math.round(v));
            default -> Quantities.human(Math.round(v));
        };
    }
}
