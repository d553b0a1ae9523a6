package dev.ridgeline.report.html;

import dev.ridgeline.core.count.Convention;
import dev.ridgeline.core.count.CostReport;
import dev.ridgeline.core.count.Counter;
import dev.ridgeline.core.io.ModelLoader;
import dev.ridgeline.core.shape.ShapeInference;
import dev.ridgeline.hardware.device.Devices;
import dev.ridgeline.hardware.device.Precision;
import dev.ridgeline.hardware.roofline.LatencyReport;
import dev.ridgeline.hardware.roofline.Roofline;
import dev.ridgeline.hardware.roofline.RooflineOptions;
import dev.ridgeline.store.analysis.AnalysisJson;
import dev.ridgeline.store.analysis.Provenance;
import dev.ridgeline.store.sweep.ParetoCsv;
import dev.ridgeline.store.sweep.PointsCsv;
import dev.ridgeline.store.sweep.SummaryJson;
import dev.ridgeline.search.job.JobReader;
import dev.ridgeline.search.run.SweepResult;
import dev.ridgeline.search.run.SweepRunner;
import dev.ridgeline.search.strategy.Shard;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/** What analyze and sweep write, produced in-process the way the command line does, for the report's tests. */
public final class RunFolders {
    public static final String VERSION = "test";

    private RunFolders() {
    }

    /** A sweep folder as {@code ridgeline sweep JOB --out DIR [--all-points]} leaves it. */
    public static Path sweep(Path job, Path dir, boolean allPoints) throws IOException {
        SweepResult result = SweepRunner.run(JobReader.read(job), Shard.ALL, allPoints, 2, p -> { });
        Files.createDirectories(dir);
        if (allPoints) {
            write(dir.resolve("points.csv"), w -> PointsCsv.write(result, w));
        }
        write(dir.resolve("pareto.csv"), w -> ParetoCsv.write(result, w));
        write(dir.resolve("summary.json"), w -> SummaryJson.write(result, VERSION, w));
        return dir;
    }

    /** The JSON of {@code ridgeline analyze MODEL --hardware DEVICE --precision P --format json}. */
    public static Path analysis(String model, String device, String precision, Path file) throws IOException {
        Precision p = Precision.byId(precision).orElseThrow();
        CostReport report = Counter.count(ShapeInference.infer(ModelLoader.load(model), 1),
                Convention.byId("macs").orElseThrow(), p.bytes());
        Optional<LatencyReport> latency = Optional.of(Roofline.time(report, Devices.resolve(device),
                RooflineOptions.of(p)));
        Files.createDirectories(file.getParent());
        write(file, w -> AnalysisJson.write(report, latency, Provenance.of(VERSION, model, ModelLoader.sha256(model)),
                w));
        return file;
    }

    /** A folder as {@code ridgeline prune} leaves it: the test plan.json (ResNet-18 on a T4, channels then kernels). */
    public static Path plan(Path dir) throws IOException {
        Files.createDirectories(dir);
        try (java.io.InputStream in = RunFolders.class.getResourceAsStream("/dev/ridgeline/report/run/plan.json")) {
            Files.copy(in, dir.resolve("plan.json"));
        }
        return dir;
    }

    static void write(Path file, Consumer<Writer> content) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            content.accept(w);
        }
    }
}
