package dev.ridgeline.store.plan;

import dev.ridgeline.search.eval.Metric;
import dev.ridgeline.search.job.Budget;
import dev.ridgeline.prune.plan.PlanFile;
import dev.ridgeline.prune.Figures;
import dev.ridgeline.prune.PlanChanges;
import dev.ridgeline.prune.PrunePlan;
import dev.ridgeline.prune.AccuracyFloor;
import dev.ridgeline.search.accuracy.AccuracyPredictor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

/**
 * Writes a pruning plan's {@code plan.md} for a design review: the verdict and why, the steps in order
 * (channels, then kernels, then separable) with what each saves and the running total, the changes
 * themselves, and the baselines on the same budgets.
 */
public final class PlanMarkdown {
    private static final List<Metric> SHOWN = List.of(Metric.PARAMS, Metric.MACS, Metric.LATENCY_SECONDS,
            Metric.PEAK_ACTIVATION_BYTES);

    private PlanMarkdown() {
    }

    public static void write(PrunePlan plan, Writer out) {
        try {
            out.write(render(plan));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String render(PrunePlan plan) {
        PlanFile r = plan.request();
        StringBuilder md = new StringBuilder();
        String device = r.setup().device() == null ? "no device" : r.setup().device().id();
        md.append(String.format(Locale.ROOT, "# Pruning plan: %s on %s (%s, batch %d)%n%n", r.modelSpec(), device,
                r.setup().precision().id(), r.setup().batch()));
        md.append("Budgets: ").append(String.join(", ", r.budgets().stream().map(PlanMarkdown::budget).toList()))
                .append(".\n\n");
        String stage = String.join(" + ", plan.stage().stream().sorted().map(PlanFile.Change::id).toList());
        if (plan.feasible()) {
            md.append("**Meets the budgets** with ").append(stage).append(".\n\n");
        } else {
            md.append("**No plan meets the budgets.** The closest plan (").append(stage).append(") misses ");
            md.append(String.join("; ", r.budgets().stream().filter(b -> !b.allows(plan.metrics()))
                    .map(b -> miss(b, plan.metrics())).toList())).append(".");
            if (r.budgets().stream().anyMatch(b -> b.metric() == Metric.LATENCY_SECONDS && !b.allows(plan.metrics()))) {
                PlanFloor.of(plan).ifPresent(f -> md.append(String.format(Locale.ROOT, " What stops it: %d kernels"
                        + " still run, each with the device's fixed overhead of %s (%s in all, %.0f%% of the %s),"
                        + " which no channel cut removes; the other %s is the compute and memory time of the"
                        + " narrowest widths the plan allows (min keep %s).", f.kernels(),
                        Figures.format(Metric.LATENCY_SECONDS, f.overheadPerKernelSeconds()),
                        Figures.format(Metric.LATENCY_SECONDS, f.overheadSeconds()),
                        100 * f.overheadSeconds() / f.totalSeconds(),
                        Figures.format(Metric.LATENCY_SECONDS, f.totalSeconds()),
                        Figures.format(Metric.LATENCY_SECONDS, f.totalSeconds() - f.overheadSeconds()),
                        pct(r.minKeep()))));
            }
            if (AccuracyFloor.missesOnlyFloors(r.budgets(), plan.metrics())) {
                md.append(floorStops(plan));
            }
            md.append(" Its figures are shown below as the closest, not as a solution; no pruned model is written"
                    + " unless asked for (`prune --closest`, which writes it as closest.*).\n\n");
        }
        plan.accuracy().ifPresent(p -> md.append(predicted(plan, p)));
        md.append("Channels first:\n\n");
        for (PrunePlan.StageAttempt a : plan.attempts()) {
            md.append("- ").append(a.note()).append('\n');
        }
        md.append(String.format(Locale.ROOT, "%nObjective (%s): keeps %s of the base model's %s.%n%n",
                r.objective().id(), pct(plan.baseScore() == 0 ? 0 : plan.score() / plan.baseScore()),
                objective(r.objective(), plan.baseScore())));

        md.append("## Steps\n\n| step | params | MACs | latency | peak memory | saved by the step | saved in all |\n");
        md.append("|---|---|---|---|---|---|---|\n");
        double[] before = r.baseMetrics();
        row(md, "base model", before, null, null);
        double[] previous = before;
        for (PrunePlan.Step s : plan.steps()) {
            row(md, step(s.change()), s.metrics(), previous, before);
            previous = s.metrics();
        }
        md.append('\n');

        PlanChanges changes = PlanChanges.of(plan);
        md.append("## Channels\n\n");
        List<PlanChanges.GroupChange> cut = changes.groups().stream().filter(g -> g.width() != g.baseWidth()).toList();
        if (cut.isEmpty()) {
            md.append("No channel group changes.\n\n");
        } else {
            md.append("| layers | width | kept |\n|---|---|---|\n");
            for (PlanChanges.GroupChange g : cut) {
                md.append("| ").append(abbreviate(g.layers())).append(" | ").append(g.baseWidth()).append(" -> ")
                        .append(g.width()).append(" | ").append(pct(g.width() / (double) g.baseWidth()))
                        .append(" |\n");
            }
            md.append('\n');
        }
        md.append("## Kernels\n\n");
        if (changes.kernels().isEmpty()) {
            md.append("No kernel changes.\n\n");
        } else {
            changes.kernels().forEach(k -> md.append("- ").append(k.layer()).append(": ").append(k.from()).append('x')
                    .append(k.from()).append(" -> ").append(k.to()).append('x').append(k.to()).append('\n'));
            md.append('\n');
        }
        md.append("## Separable convolutions\n\n");
        if (changes.separable().isEmpty()) {
            md.append("No separable changes.\n\n");
        } else {
            changes.separable().forEach(s -> md.append("- ").append(s).append(": standard -> depthwise + pointwise\n"));
            md.append('\n');
        }
        md.append("## Baselines on the same budgets\n\n| plan | meets budgets | objective kept | latency | setting |\n");
        md.append("|---|---|---|---|---|\n");
        md.append("| this plan (exact) | ").append(plan.feasible() ? "yes" : "no").append(" | ")
                .append(pct(plan.score() / plan.baseScore())).append(" | ")
                .append(latency(plan.metrics())).append(" | ").append(plan.solver()).append(" |\n");
        for (PrunePlan.Baseline b : plan.baselines()) {
            md.append("| ").append(b.name()).append(" | ").append(b.feasible() ? "yes" : "no").append(" | ")
                    .append(b.feasible() ? pct(b.score() / plan.baseScore()) : "-").append(" | ")
                    .append(b.feasible() ? latency(b.metrics()) : "-").append(" | ").append(b.setting()).append(" |\n");
        }
        md.append(String.format(Locale.ROOT, "%n## Provenance%n%nPlan file %s (SHA-256 %s); model %s (SHA-256 %s); "
                + "device %s (%s); convention %s; solver %s, %.2f s.%n", r.source(), r.sha256(), r.modelSpec(),
                r.modelSha256(), device, r.setup().device() == null ? "-" : r.setup().device().source(),
                r.setup().convention().id(), plan.solver(), plan.wallSeconds()));
        return md.toString();
    }

    /** "latencySeconds at most 0.300 ms", "accuracy at least 65.00 accuracy". */
    private static String budget(Budget b) {
        List<String> parts = new java.util.ArrayList<>();
        if (!Double.isNaN(b.min())) {
            parts.add("at least " + Figures.format(b.metric(), b.min()));
        }
        if (!Double.isNaN(b.max())) {
            parts.add("at most " + Figures.format(b.metric(), b.max()));
        }
        return b.metric().id() + " " + String.join(" and ", parts);
    }

    /**
     * Why a floor on accuracy is missed, as the latency floor is explained: the plan shown is the most accurate
     * within the other budgets, so those budgets cost the rest; with the predictor's own error beside it.
     */
    private static String floorStops(PrunePlan plan) {
        AccuracyPredictor p = plan.accuracy().orElseThrow();
        List<Budget> ceilings = plan.request().budgets().stream().filter(b -> !Double.isNaN(b.max())).toList();
        String others = ceilings.isEmpty() ? "with every change the plan allows"
                : "within " + String.join(", ", ceilings.stream().map(PlanMarkdown::budget).toList());
        double chosen = p.predict(plan.chosen());
        double base = p.predict(plan.baseChoices());
        double floor = plan.request().budgets().stream().filter(b -> b.metric() == Metric.ACCURACY)
                .mapToDouble(Budget::min).filter(v -> !Double.isNaN(v)).max().orElse(Double.NaN);
        return String.format(Locale.ROOT, " What stops it: %s no plan is predicted more accurate than this one (%s, "
                + "against %s at the base widths): those budgets cost %.2f points where the floor allows %.2f. The "
                + "predictor's leave-one-out error is %.2f points RMS (%.2f at most), so a miss smaller than that is "
                + "within its uncertainty; measuring designs near the floor narrows it.", others,
                Figures.format(Metric.ACCURACY, chosen), Figures.format(Metric.ACCURACY, base), base - chosen,
                base - floor, p.looRmse(), p.looMaxAbs());
    }

    /** "Predicted accuracy: 66.20 (the base widths: 70.90), ..." with the predictor and whether it extrapolates. */
    private static String predicted(PrunePlan plan, AccuracyPredictor p) {
        return String.format(Locale.ROOT, "Predicted accuracy: %.2f (the base widths: %.2f)%s. Predictor: %s.%n%n",
                p.predict(plan.chosen()), p.predict(plan.baseChoices()), p.extrapolated(plan.chosen())
                        ? "; extrapolated: some width lies outside the measured range" : "", p.describe());
    }


    /** What a step does, in words: "narrow channel groups", not "channels". */
    static String step(PlanFile.Change change) {
        return switch (change) {
            case CHANNELS -> "narrow channel groups";
            case KERNELS -> "shrink kernels";
            case SEPARABLE -> "make convolutions depthwise-separable";
        };
    }

    /** How far a plan's metrics miss a budget: "latencySeconds by 0.42 ms (35.0% over its 1.20 ms)". */
    private static String miss(Budget b, double[] metrics) {
        double value = metrics[b.metric().ordinal()];
        boolean over = !Double.isNaN(b.max()) && value > b.max();
        double bound = over ? b.max() : b.min();
        return String.format(Locale.ROOT, "%s by %s (%s %s its %s %s: it reaches %s)", b.metric().id(),
                Figures.format(b.metric(), Math.abs(value - bound)), pct(b.excess(metrics)), over ? "over" : "under",
                over ? "maximum" : "minimum", Figures.format(b.metric(), bound), Figures.format(b.metric(), value));
    }

    /** The objective's base figure with its unit: MACs and params as counts, importance and accuracy as scores. */
    private static String objective(PlanFile.PruneObjective objective, double base) {
        return switch (objective) {
            case MACS -> Figures.format(Metric.MACS, base);
            case PARAMS -> Figures.format(Metric.PARAMS, base);
            case IMPORTANCE -> num(base) + " (sum of the kept channels' importance scores)";
            case ACCURACY -> num(base) + " (predicted accuracy, as the measured designs score it)";
        };
    }

    private static void row(StringBuilder md, String name, double[] m, double[] previous, double[] base) {
        md.append("| ").append(name);
        for (Metric x : SHOWN) {
            md.append(" | ").append(Double.isNaN(m[x.ordinal()]) ? "-" : Figures.format(x, m[x.ordinal()]));
        }
        md.append(" | ").append(previous == null ? "" : savings(previous, m)).append(" | ")
                .append(base == null ? "" : savings(base, m)).append(" |\n");
    }

    /** "params -31%, MACs -40%, latency -22%, peak -12%". */
    private static String savings(double[] from, double[] to) {
        StringBuilder s = new StringBuilder();
        for (Metric x : SHOWN) {
            double a = from[x.ordinal()];
            double b = to[x.ordinal()];
            if (Double.isNaN(a) || a == 0) {
                continue;
            }
            if (s.length() > 0) {
                s.append(", ");
            }
            String change = String.format(Locale.ROOT, "%+.1f%%", (b - a) / a * 100);
            s.append(short_(x)).append(' ').append(change.matches("[-+]0\\.0%") ? "unchanged" : change);
        }
        return s.toString();
    }

    private static String short_(Metric m) {
        return switch (m) {
            case PARAMS -> "params";
            case MACS -> "MACs";
            case LATENCY_SECONDS -> "latency";
            case PEAK_ACTIVATION_BYTES -> "peak";
            default -> m.id();
        };
    }

    private static String latency(double[] m) {
        double v = m[Metric.LATENCY_SECONDS.ordinal()];
        return Double.isNaN(v) ? "-" : Figures.format(Metric.LATENCY_SECONDS, v);
    }

    private static String pct(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.format(Locale.ROOT, "%,d", (long) v)
                : String.format(Locale.ROOT, "%.4g", v);
    }

    private static String abbreviate(List<String> layers) {
        return layers.size() <= 3 ? String.join(", ", layers)
                : String.join(", ", layers.subList(0, 3)) + " and " + (layers.size() - 3) + " more";
    }
}
