package dev.ridgeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ridgeline.search.strategy.Progress;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class SweepProgressTest {

    @Test
    void plainProgressPrintsAtMostOneLineEveryFewSecondsAndNothingForAShortRun() {
        StringWriter text = new StringWriter();
        try (SweepProgress progress = SweepProgress.plain(new PrintWriter(text))) {
            progress.progress(new Progress(10, 1000, 0.25));
            progress.progress(new Progress(100, 1000, 2.0));
            progress.progress(new Progress(200, 1000, 5.0));
            progress.progress(new Progress(250, 1000, 6.0));
            progress.progress(new Progress(300, 1000, 9.9));
            progress.progress(new Progress(500, 1000, 10.0));
            progress.progress(new Progress(1000, 1000, 20.0));
        }
        List<String> lines = text.toString().lines().toList();
        assertEquals(List.of(
                "sweep: 200 of 1,000 points (20.0%), 40 points/s, about 20.0 s left",
                "sweep: 500 of 1,000 points (50.0%), 50 points/s, about 10.0 s left"), lines);
    }

    @Test
    void aRunThatEndsWithinTheQuietSpellPrintsNothing() {
        StringWriter text = new StringWriter();
        try (SweepProgress progress = SweepProgress.plain(new PrintWriter(text))) {
            progress.progress(new Progress(500, 1000, 0.5));
            progress.progress(new Progress(1000, 1000, 0.9));
        }
        assertEquals("", text.toString());
    }

    @Test
    void anUnknownRateSaysSo() {
        assertEquals("sweep: 0 of 10 points (0.0%), 0 points/s, time left unknown",
                SweepProgress.line(new Progress(0, 10, 0)));
    }
}
