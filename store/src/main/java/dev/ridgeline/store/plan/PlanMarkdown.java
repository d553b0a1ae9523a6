package dev.ridgeline.store.plan;

import dev.ridgeline.search.eval.Metric;
import dev.ridgeline.search.job.Budget;
import dev.ridgeline.prune.plan.PlanFile;
import dev.ridgeline.prune.Figures;
import dev.ridgeline.prune.PlanChanges;
import dev.ridgeline.prune.PrunePlan;
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
        md.append("Budgets: ").append(String.join(", ", r.budgets().stream().map(b -> b.metric().id() + " at most "
                + Figures.format(b.metric(), b.max())).toList())).append(".\n\n");
        String stage = String.join(" + ", plan.stage().stream().sorted().map(PlanFile.Change::id).toList());
        if (plan.feasible()) {
            md.append("**Meets the budgets** with ").append(stage).append(".\n\n");
        } else {
            md.append("**No plan meets the budgets.** The plan below cuts the most (").append(stage)
                    .append(") and misses ");
            md.append(String.join(", ", r.budgets().stream().filter(b -> !b.allows(plan.metrics()))
                    .map(b -> b.metric().id() + " by " + pct(b.excess(plan.metrics()))).toList())).append(".\n\n");
        }
        md.append("Channels first:\n\n");
        for (PrunePlan.StageAttempt a : plan.attempts()) {
            md.append("- ").append(a.note()).append('\n');
        }
        md.append(String.format(Locale.ROOT, "%nObjective (%s): keeps %s of the base model's %s.%n%n",
                r.objective().id(), pct(plan.baseScore() == 0 ? 0 : plan.score() / plan.baseScore()),
                num(plan.baseScore())));

        md.append("## Steps\n\n| step | params | MACs | latency | peak memory | saved by the step | saved in all |\n");
        md.append("|---|---|---|---|---|---|---|\n");
        double[] before = r.baseMetrics();
        row(md, "base model", before, null, null);
        double[] previous = before;
        for (PrunePlan.Step s : plan.steps()) {
            row(md, s.change().id(), s.metrics(), previous, before);
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
            s.append(short_(x)).append(' ').append(String.format(Locale.ROOT, "%+.1f%%", (b - a) / a * 100));
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
