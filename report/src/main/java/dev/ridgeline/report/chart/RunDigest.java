package dev.ridgeline.report.chart;

import dev.ridgeline.store.read.AnalysisRun;
import dev.ridgeline.store.read.PlanRun;
import dev.ridgeline.store.read.Run;
import dev.ridgeline.store.read.SweepRun;
import java.util.List;
import java.util.Optional;

/**
 * What the overview needs of one run, kept after the run itself is drawn and let go: what it asked (model,
 * device, precision, budgets, folder), its best design within budget, and its front in its first two
 * objectives with each design's tip. A few kilobytes a run, so the overview of a thousand runs fits easily.
 *
 * @param number  the run's place in the report, from 1
 * @param best    the best design within budget, empty when no design met the budgets (see {@code closest})
 * @param closest the design closest to the budgets when none met them
 * @param front   the front in the first two objectives, empty for a run that has none
 */
public record RunDigest(int number, String kind, String title, String model, String device, String precision,
                        String budgets, String folder, Optional<Best> best, Optional<Best> closest,
                        Optional<Front> front) {

    /** A design's latency and the figure it is best by (e.g. the most MACs within the latency budget). */
    public record Best(double latencySeconds, String metric, double value, String design) {
    }

    /** A front in two metrics, sorted by x, with a tip per design. */
    public record Front(SweepRun.Objective x, SweepRun.Objective y, double[] xs, double[] ys, String[] tips) {
    }

    public static RunDigest of(Run run, int number) {
        String folder = run.source().getFileName() == null ? run.source().toString()
                : run.source().getFileName().toString();
        if (run instanceof SweepRun s) {
            String budgets = String.join("; ", s.budgets().stream().map(RunDigest::budget).toList());
            return new RunDigest(number, "sweep", s.title(), s.model(), s.hardware(), s.precision(), budgets, folder,
                    best(s), closest(s), front(s));
        }
        if (run instanceof AnalysisRun a) {
            Optional<Best> total = a.roofs().map(r -> new Best(r.totalSeconds(), "", Double.NaN, "the model"));
            return new RunDigest(number, "analysis", a.title(), a.model(), a.device(), a.precision(), "", folder,
                    total, Optional.empty(), Optional.empty());
        }
        PlanRun p = (PlanRun) run;
        return new RunDigest(number, "plan", p.title(), p.model(), p.hardware(), p.precision(), "", folder,
                Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    /**
     * The best design within budget: of the front's designs, the best by the first objective to maximise
     * (MACs or params standing in for accuracy), else by the first objective; with its latency.
     */
    static Optional<Best> best(SweepRun s) {
        if (s.pareto().rows().isEmpty() || s.objectives().isEmpty() || !s.pareto().has("latencySeconds")) {
            return Optional.empty();
        }
        SweepRun.Objective by = s.objectives().stream().filter(o -> !o.minimize()).findFirst()
                .orElse(s.objectives().get(0));
        double[] values = s.pareto().numbers(by.metric());
        double[] latency = s.pareto().numbers("latencySeconds");
        int best = -1;
        for (int i = 0; i < values.length; i++) {
            if (Double.isFinite(values[i]) && (best < 0 || (by.minimize() ? values[i] < values[best]
                    : values[i] > values[best]) || values[i] == values[best] && latency[i] < latency[best])) {
                best = i;
            }
        }
        if (best < 0) {
            return Optional.empty();
        }
        String design = DesignTips.of(s.pareto(), s.title())[best];
        return Optional.of(new Best(latency[best], by.metric(), values[best], design));
    }

    private static Optional<Best> closest(SweepRun s) {
        if (!s.pareto().rows().isEmpty()) {
            return Optional.empty();
        }
        return s.chosen().filter(p -> p.metrics().containsKey("latencySeconds")).map(p -> new Best(
                p.metrics().get("latencySeconds"), "", Double.NaN, p.label()));
    }

    private static Optional<Front> front(SweepRun s) {
        if (s.objectives().size() < 2 || s.pareto().rows().isEmpty()) {
            return Optional.empty();
        }
        SweepRun.Objective x = s.objectives().get(0);
        SweepRun.Objective y = s.objectives().get(1);
        return Optional.of(new Front(x, y, s.pareto().numbers(x.metric()), s.pareto().numbers(y.metric()),
                DesignTips.of(s.pareto(), s.title())));
    }

    static String budget(SweepRun.BudgetBound b) {
        StringBuilder s = new StringBuilder();
        if (!Double.isNaN(b.min())) {
            s.append(MetricLabels.axis(b.metric())).append(" >= ").append(MetricLabels.human(b.metric(), b.min()));
        }
        if (!Double.isNaN(b.max())) {
            s.append(s.length() > 0 ? ", " : "").append(MetricLabels.axis(b.metric())).append(" <= ")
                    .append(MetricLabels.human(b.metric(), b.max()));
        }
        return s.toString();
    }

    /** The digests' titles made distinct: equal titles get what differs (the budgets, else the folder). */
    public static List<String> labels(List<RunDigest> digests) {
        java.util.Map<String, List<RunDigest>> byTitle = new java.util.LinkedHashMap<>();
        digests.forEach(d -> byTitle.computeIfAbsent(d.title(), k -> new java.util.ArrayList<>()).add(d));
        java.util.List<String> labels = new java.util.ArrayList<>();
        java.util.Set<String> used = new java.util.HashSet<>();
        for (RunDigest d : digests) {
            List<RunDigest> same = byTitle.get(d.title());
            String label = d.title();
            if (same.size() > 1) {
                boolean budgetsDiffer = same.stream().map(RunDigest::budgets).distinct().count() > 1;
                long sameBudgets = same.stream().filter(o -> o.budgets().equals(d.budgets())).count();
                if (budgetsDiffer) {
                    label += ", " + (d.budgets().isEmpty() ? "no budget" : d.budgets());
                }
                if (sameBudgets > 1) {
                    label += ", " + d.folder();
                }
            }
            String unique = label;
            for (int k = 2; !used.add(unique); k++) {
                unique = label + " (" + k + ")";
            }
            labels.add(unique);
        }
        return labels;
    }
}
