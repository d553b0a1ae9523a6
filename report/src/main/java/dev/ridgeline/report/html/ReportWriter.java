package dev.ridgeline.report.html;

import dev.ridgeline.core.BadInputException;
import dev.ridgeline.report.chart.ChartRenderer;
import dev.ridgeline.report.chart.ChartSpec;
import dev.ridgeline.report.chart.ComparisonCharts;
import dev.ridgeline.report.chart.LayerCharts;
import dev.ridgeline.report.chart.MemoryChart;
import dev.ridgeline.report.chart.ParetoChart;
import dev.ridgeline.report.chart.PlanCharts;
import dev.ridgeline.report.chart.RenderedChart;
import dev.ridgeline.report.chart.RooflineChart;
import dev.ridgeline.report.chart.RunDigest;
import dev.ridgeline.store.read.AnalysisRun;
import dev.ridgeline.store.read.PlanRun;
import dev.ridgeline.store.read.Run;
import dev.ridgeline.store.read.RunReader;
import dev.ridgeline.store.read.SweepRun;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Writes a design review into a folder: {@code charts/ID.svg} and {@code charts/ID.png} of every chart (for
 * slides) and {@code report.html}. Runs are read, drawn and let go one at a time (only a small
 * {@link RunDigest} of each is kept for the overview), so memory does not grow with their number. The charts
 * are drawn into a staging folder that replaces {@code charts/} only when every chart is drawn, and the page
 * is written last, atomically: a failure leaves the previous report as it was.
 */
public final class ReportWriter {
    public static final String PAGE = "report.html";
    public static final String CHARTS = "charts";
    /** The folder of the run pages of a review of more than {@link #PAGE_PER_RUN_ABOVE} runs. */
    public static final String RUNS = "runs";
    /**
     * Up to this many runs, one page holds them all (an 80-run review's is about 9 MB); above it report.html is
     * the overview and each run has a page of its own, so that no page grows with the review.
     */
    public static final int PAGE_PER_RUN_ABOVE = 100;

    private ReportWriter() {
    }

    /** What was written: the page, the chart files and the run pages (none when the page holds every run). */
    public record Written(Path page, List<Path> charts, List<Path> runPages) {
        public Written {
            charts = List.copyOf(charts);
            runPages = List.copyOf(runPages);
        }
    }

    /** The charts of one run, not yet drawn; with several runs their ids start with "runN-". */
    public static List<ChartSpec> charts(Run run, int number, boolean several) {
        List<ChartSpec> specs = new ArrayList<>();
        if (run instanceof SweepRun s) {
            specs.addAll(ParetoChart.all(s));
            s.baseModel().ifPresent(b -> specs.addAll(analysisCharts(b)));
        } else if (run instanceof AnalysisRun a) {
            specs.addAll(analysisCharts(a));
        } else if (run instanceof PlanRun p) {
            specs.addAll(PlanCharts.all(p));
        }
        String prefix = several ? "run" + number + "-" : "";
        return specs.stream().map(c -> c.withId(prefix + c.id())).toList();
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
        return write(runs.size(), runs, List::of, out, toolVersion, generated, PAGE_PER_RUN_ABOVE);
    }

    /** The review of the runs in these folders and files, each read only while it is drawn. */
    public static Written read(List<Path> sources, Path out, String toolVersion) {
        return read(sources, out, toolVersion, PAGE_PER_RUN_ABOVE);
    }

    /** As {@link #read(List, Path, String)}, with a page per run above {@code pagePerRunAbove} sources. */
    static Written read(List<Path> sources, Path out, String toolVersion, int pagePerRunAbove) {
        return write(sources.size(), sources, RunReader::read, out, toolVersion, Instant.now(), pagePerRunAbove);
    }

    private static <T> Written write(int count, List<T> sources, Function<T, List<Run>> reader, Path out,
                                     String toolVersion, Instant generated, int pagePerRunAbove) {
        if (count == 0) {
            throw new BadInputException("nothing to report: no run was given");
        }
        folder(out);
        Staging staging = Staging.in(out);
        try {
            List<RunDigest> digests = new ArrayList<>();
            boolean pages = count > pagePerRunAbove;
            String up = pages ? "../" : "";
            try (Writer sections = Files.newBufferedWriter(staging.sections(), StandardCharsets.UTF_8)) {
                boolean several = count > 1;
                for (T source : sources) {
                    List<Run> runs = reader.apply(source);
                    several |= runs.size() > 1;
                    for (Run run : runs) {
                        int number = digests.size() + 1;
                        digests.add(RunDigest.of(run, number));
                        List<RenderedChart> drawn = draw(charts(run, number, several), staging);
                        sections.write(RunSection.render(number, run, drawn, up));
                    }
                }
            }
            List<RenderedChart> overview = new ArrayList<>();
            if (digests.size() > 1) {
                List<ChartSpec> specs = new ArrayList<>();
                ComparisonCharts.heatmap(digests).ifPresent(specs::add);
                specs.addAll(ComparisonCharts.fronts(digests, RunDigest.labels(digests)));
                overview = draw(specs, staging);
            }
            List<RenderedChart> first = overview;
            Path page = out.resolve(PAGE);
            Path runPages = pages ? staging.runPages() : null;
            List<Path> staged = staging.page(w -> ReportPage.write(w, digests, first, staging.sections(), runPages,
                    toolVersion, generated.truncatedTo(ChronoUnit.SECONDS).toString()));
            List<Path> files = staging.commit(out.resolve(CHARTS), out.resolve(RUNS), page);
            return new Written(page, files, staged.stream().map(p -> out.resolve(RUNS).resolve(p.getFileName()))
                    .toList());
        } catch (IOException e) {
            throw dev.ridgeline.store.folder.WriteFailedException.of(out.resolve(PAGE), e,
                    "the report folder keeps its previous page");
        } finally {
            staging.clean();
        }
    }

    /** Draws a run's charts side by side on the machine's cores (each chart is an object of its own). */
    private static List<RenderedChart> draw(List<ChartSpec> specs, Staging staging) throws IOException {
        List<RenderedChart> drawn = specs.parallelStream().map(ChartRenderer::render).toList();
        for (RenderedChart chart : drawn) {
            staging.chart(chart.id() + ".svg", chart.svg());
            staging.chart(chart.id() + ".png", chart.png());
        }
        return drawn;
    }

    private static Path folder(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new BadInputException("--out " + dir + ": cannot create it (" + e + ")", e);
        }
    }
}
