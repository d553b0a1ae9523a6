package dev.ridgeline.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.store.read.Run;
import dev.ridgeline.store.read.RunReader;
import dev.ridgeline.store.read.SweepRun;
import java.io.BufferedWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep with a million points renders its report in under 10 s. The points are the ResNet-18 example's
 * 15,552, written 65 times over (1,010,880 rows, about 130 MB). The bound is on the CPU time of the process
 * while it reads and draws (JIT and GC included), so that other work on a shared machine cannot fail the test;
 * wall time is printed beside it.
 */
class ReportSpeedTest {
    static final int COPIES = 65;

    @Test
    void aMillionPointSweepRendersInUnderTenSeconds(@TempDir Path dir) throws Exception {
        Path sweep = RunFolders.sweep(Path.of("configs/jobs/resnet18_t4.yaml"), dir.resolve("r18"), true);
        List<String> lines = Files.readAllLines(sweep.resolve("points.csv"));
        try (BufferedWriter out = Files.newBufferedWriter(sweep.resolve("points.csv"))) {
            out.write(lines.get(0));
            out.write('\n');
            for (int copy = 0; copy < COPIES; copy++) {
                for (int i = 1; i < lines.size(); i++) {
                    out.write(lines.get(i));
                    out.write('\n');
                }
            }
        }
        long rows = (long) COPIES * (lines.size() - 1);
        assertTrue(rows > 1_000_000, "a million points: " + rows);

        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuStart = os.getProcessCpuTime();
        long wallStart = System.nanoTime();
        List<Run> runs = RunReader.read(sweep);
        ReportWriter.write(runs, dir.resolve("review"), RunFolders.VERSION);
        double cpuSeconds = (os.getProcessCpuTime() - cpuStart) / 1e9;
        double wallSeconds = (System.nanoTime() - wallStart) / 1e9;
        System.out.printf(Locale.ROOT, "report of a %,d-point sweep: %.2f s CPU, %.2f s wall%n", rows, cpuSeconds,
                wallSeconds);

        assertEquals(rows, ((SweepRun) runs.get(0)).cloud().orElseThrow().total());
        assertTrue(cpuSeconds < 10, "CPU seconds: " + cpuSeconds);
        assertTrue(Files.size(dir.resolve("review/report.html")) < 20_000_000, "the cloud is binned, not drawn point"
                + " by point");
    }
}
