package dev.ridgeline.report.html;

import dev.ridgeline.report.chart.MetricLabels;
import dev.ridgeline.report.html.HtmlTable.Cell;
import dev.ridgeline.store.read.PlanRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The question and tables of a pruning plan, with plan.json's figures. */
final class PlanSection {
    private PlanSection() {
    }

    static void question(Html html, PlanRun run) {
        html.open("dl", "class=\"question\"");
        html.entry("model", run.model());
        html.entry("device", run.hardware().isEmpty() ? "none: latency not measured" : run.hardware());
        html.entry("precision", run.precision() + ", batch " + run.batch());
        html.entry("budgets", run.budgets().isEmpty() ? "none" : run.budgets().stream().map(SweepSection::budget)
                .collect(Collectors.joining("; ")));
        html.entry("objective", "keep the most " + run.objective());
        html.entry("convention", run.convention());
        html.entry("verdict", (run.feasible() ? "meets the budgets" : "no plan meets the budgets") + " with "
                + run.stage() + (run.why().isEmpty() ? "" : " (" + run.why() + ")"));
        html.close("dl");
    }

    static void tables(Html html, PlanRun run) {
        TreeSet<String> metrics = new TreeSet<>(run.before().keySet());
        HtmlTable change = new HtmlTable("Before and after", "plan.json#before,after",
                List.of("metric", "before", "after", "change"));
        for (String m : metrics) {
            double before = run.before().get(m);
            double after = run.after().getOrDefault(m, Double.NaN);
            change.row(List.of(Cell.text(m), Cell.shown(MetricLabels.human(m, before), HtmlTable.figure(before)),
                    Cell.shown(MetricLabels.human(m, after), HtmlTable.figure(after)), Cell.number(before == 0
                            || Double.isNaN(before) || Double.isNaN(after) ? "-"
                            : String.format(Locale.ROOT, "%+.1f%%", 100 * (after - before) / before))));
        }
        change.writeTo(html);

        List<String> header = new ArrayList<>(List.of("step", "change"));
        header.addAll(metrics);
        HtmlTable steps = new HtmlTable("Steps (cumulative)", "plan.json#steps", header);
        int i = 1;
        for (PlanRun.Step s : run.steps()) {
            List<Cell> row = new ArrayList<>(List.of(Cell.number(Integer.toString(i++)), Cell.text(s.change())));
            for (String m : metrics) {
                double v = s.metrics().getOrDefault(m, Double.NaN);
                row.add(Cell.shown(MetricLabels.human(m, v), HtmlTable.figure(v)));
            }
            steps.row(row);
        }
        steps.writeTo(html);

        HtmlTable groups = new HtmlTable("Channel groups", "plan.json#groups", List.of("group", "baseWidth", "width"));
        for (PlanRun.Group g : run.groups()) {
            groups.row(List.of(Cell.text(g.name()), Cell.number(Long.toString(g.baseWidth())),
                    Cell.number(Long.toString(g.width()))));
        }
        groups.writeTo(html);
    }

    static void provenance(Html html, PlanRun run) {
        html.entry("plan output", run.source().toString());
        html.entry("plan file", run.planFile().isEmpty() ? "not recorded" : run.planFile());
        html.entry("plan SHA-256", run.planSha256().isEmpty() ? "not recorded" : run.planSha256());
        html.entry("model", run.model());
        html.entry("model SHA-256", run.modelSha256().isEmpty() ? "not recorded" : run.modelSha256());
        if (!run.hardware().isEmpty()) {
            html.entry("device", run.hardware());
            html.entry("device source", run.hardwareSource().isEmpty() ? "not recorded" : run.hardwareSource());
        }
        html.entry("planned with", "ridgeline " + (run.toolVersion().isEmpty() ? "(version not recorded)"
                : run.toolVersion()));
    }
}
