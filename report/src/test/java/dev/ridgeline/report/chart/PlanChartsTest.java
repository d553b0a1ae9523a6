package dev.ridgeline.report.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ridgeline.report.html.RunFolders;
import dev.ridgeline.store.read.PlanRun;
import dev.ridgeline.store.read.RunReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A plan's waterfall per budgeted metric and its widths, with captions in numbers. */
class PlanChartsTest {

    @Test
    void eachBudgetedMetricGetsAWaterfallAndTheGroupsTheirWidths(@TempDir Path dir) throws Exception {
        PlanRun plan = (PlanRun) RunReader.read(RunFolders.plan(dir)).get(0);
        List<ChartSpec> charts = PlanCharts.all(plan);
        assertEquals(List.of("plan-latencySeconds", "plan-params", "plan-widths"),
                charts.stream().map(ChartSpec::id).toList());
        assertEquals("latency goes from 1.60 ms to 987 us (-38.1%); budget <= 1.00 ms; channels cut 476 us,"
                + " kernels cut 133 us.", charts.get(0).caption());
        assertEquals("4 of 5 channel groups are narrowed; they keep 624 of 1024 channels (60.9%); the most cut is"
                + " layer4 (256 of 512).", charts.get(2).caption());
        charts.forEach(ChartRenderer::render);
    }
}
