package dev.ridgeline.report.html;

import dev.ridgeline.core.BadInputException;
import dev.ridgeline.core.RidgelineException;
import dev.ridgeline.report.chart.ChartRenderer;
import dev.ridgeline.report.chart.ChartSpec;
import dev.ridgeline.report.chart.ComparisonCharts;
import dev.ridgeline.report.chart.LayerCharts;
import dev.ridgeline.report.chart.MemoryChart;
import dev.ridgeline.report.chart.ParetoChart;
import dev.ridgeline.report.chart.PlanCharts;
import dev.ridgeline.report.chart.RenderedChart;
import dev.ridgeline.report.chart.RooflineChart;
import dev.ridgeline.store.read.AnalysisRun;
import dev.ridgeline.store.read.PlanRun;
import dev.ridgeline.store.read.Run;
import dev.ridgeline.store.read.SweepRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes a design review into a folder: {@code charts/ID.svg} and {@code charts/ID.png} for every chart, then
 * {@code report.html}, each file atomically (a temporary file moved into place), the page last.
 */
public final class ReportWriter {
    public static final String PAGE = "report.html";
    public static final String CHARTS = "charts";

    private ReportWriter() {
    }

    /** What was written. */
    public record Written(Path page, List<Path> charts) {
    }

    /** The charts of every run (by run index) and of their comparison (index -1), not yet drawn. */
    public static Map<Integer, List<ChartSpec>> charts(List<Run> runs) {
        Map<Integer, List<ChartSpec>> all = new LinkedHashMap<>();
        for (int i = 0; i < runs.size(); i++) {
            List<ChartSpec> specs = new ArrayList<>();
            Run run = runs.get(i);
            if (run instanceof SweepRun s) {
                specs.addAll(ParetoChart.all(s));
                s.baseModel().ifPresent(b -> specs.addAll(analysisCharts(b)));
            } else if (run instanceof AnalysisRun a) {
                specs.addAll(analysisCharts(a));
            } else if (run instanceof PlanRun p) {
                specs.addAll(PlanCharts.all(p));
            }
            String prefix = runs.size() > 1 ? "run" + (i + 1) + "-" : "";
            all.put(i, specs.stream().map(c -> new ChartSpec(prefix + c.id(), c.title(), c.caption(), c.chart()))
                    .toList());
        }
        List<ChartSpec> comparison = new ArrayList<>();
        if (runs.size() > 1) {
            ComparisonCharts.heatmap(runs).ifPresent(comparison::add);
            ComparisonCharts.fronts(runs).ifPresent(comparison::add);
        }
        all.put(-1, comparison);
        return all;
    }

    private static List<ChartSpec> analysisCharts(AnalysisRun run) {
        List<ChartSpec> specs = new ArrayList<>();
        RooflineChart.of(run).ifPresent(specs::add);
        specs.add(LayerCharts.stageShares(run));
        specs.add(LayerCharts.topLayers(run));
        MemoryChart.of(run).ifPresent(specs::add);
        return specs;
    }

    public static Written write(List<Run> runs, Path out, String toolVersion) {
        return write(runs, out, toolVersion, Instant.now());
    }

    public static Written write(List<Run> runs, Path out, String toolVersion, Instant generated) {
        if (runs.isEmpty()) {
            throw new BadInputException("nothing to report: no run was given");
        }
        Path chartDir = folder(out.resolve(CHARTS));
        Map<Integer, List<RenderedChart>> rendered = new LinkedHashMap<>();
        List<Path> files = new ArrayList<>();
        for (Map.Entry<Integer, List<ChartSpec>> e : charts(runs).entrySet()) {
            List<RenderedChart> drawn = new ArrayList<>();
            for (ChartSpec spec : e.getValue()) {
                RenderedChart chart = ChartRenderer.render(spec);
                files.add(write(chartDir.resolve(chart.id() + ".svg"), chart.svg()));
                files.add(write(chartDir.resolve(chart.id() + ".png"), chart.png()));
                drawn.add(chart);
            }
            rendered.put(e.getKey(), drawn);
        }
        String page = ReportPage.render(runs, rendered, toolVersion,
                generated.truncatedTo(ChronoUnit.SECONDS).toString());
        Path pageFile = write(out.resolve(PAGE), page.getBytes(StandardCharsets.UTF_8));
        return new Written(pageFile, files);
    }

    private static Path folder(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new BadInputException("--out " + dir.getParent() + ": cannot create " + dir + " (" + e + ")", e);
        }
    }

    private static Path write(Path file, byte[] bytes) {
        Path temp = file.resolveSibling("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.write(temp, bytes);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            return file;
        } catch (java.nio.file.AccessDeniedException e) {
            throw new BadInputException("cannot write " + file + ": permission denied", e);
        } catch (IOException e) {
            throw new RidgelineException("cannot write " + file + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // the move succeeded or the write already failed
            }
        }
    }
}
