package dev.ridgeline.report.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RunDigestTest {
    private static RunDigest run(int n, String title, String budgets, String folder) {
        return new RunDigest(n, "sweep", title, "resnet18", "t4", "fp16", budgets, folder, Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    @Test
    void equalTitlesAreToldApartByTheirBudgetsThenByTheirFolders() {
        List<RunDigest> runs = List.of(run(1, "r18 on t4", "latency <= 10.0 ms", "a"),
                run(2, "r18 on t4", "latency <= 1.00 ms", "b"), run(3, "r18 on t4", "latency <= 1.00 ms", "c"),
                run(4, "mnv2 on t4", "", "d"), run(5, "vgg on t4", "", "e"), run(6, "vgg on t4", "", "e"));
        assertEquals(List.of("r18 on t4, latency <= 10.0 ms", "r18 on t4, latency <= 1.00 ms, b",
                "r18 on t4, latency <= 1.00 ms, c", "mnv2 on t4", "vgg on t4, e", "vgg on t4, e (2)"),
                RunDigest.labels(runs));
    }
}
