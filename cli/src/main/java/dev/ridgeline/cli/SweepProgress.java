package dev.ridgeline.cli;

import dev.ridgeline.store.format.Quantities;
import dev.ridgeline.search.strategy.Progress;
import dev.ridgeline.search.strategy.ProgressListener;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.jline.terminal.spi.SystemStream;
import org.jline.terminal.spi.TerminalProvider;

/**
 * Shows a running sweep's progress on stderr, only once it has run for a while: a progress bar (points
 * done, points/s, ETA) when stderr is a terminal and CI is not set, else at most one plain line every
 * {@link #PLAIN_INTERVAL_SECONDS} seconds. Close it when the sweep ends.
 */
final class SweepProgress implements ProgressListener, AutoCloseable {
    /** Runs shorter than this show nothing. */
    static final double QUIET_SECONDS = 1.0;
    static final double PLAIN_INTERVAL_SECONDS = 5.0;

    private final boolean bar;
    private final PrintWriter plain;
    private final PrintStream terminal;
    private volatile ProgressBar progressBar;
    private double nextPlainSeconds = PLAIN_INTERVAL_SECONDS;

    private SweepProgress(boolean bar, PrintWriter plain, PrintStream terminal) {
        this.bar = bar;
        this.plain = plain;
        this.terminal = terminal;
    }

    /** A bar on {@code System.err} when it is an interactive terminal, else plain lines on {@code err}. */
    static SweepProgress forStderr(PrintWriter err) {
        return interactive() ? new SweepProgress(true, err, System.err) : plain(err);
    }

    /** Plain lines only. */
    static SweepProgress plain(PrintWriter err) {
        return new SweepProgress(false, err, null);
    }

    /** Whether stderr is a terminal a person watches: not under CI, not redirected. */
    static boolean interactive() {
        String ci = System.getenv("CI");
        if (ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false")) {
            return false;
        }
        try {
            return TerminalProvider.load("exec").isSystemStream(SystemStream.Error);
        } catch (Exception | LinkageError e) {
            // no way to ask: a console on stdin and stdout is the next best sign of a person watching
            return System.console() != null;
        }
    }

    @Override
    public void progress(Progress p) {
        if (p.elapsedSeconds() < QUIET_SECONDS && progressBar == null) {
            return;
        }
        if (bar) {
            if (progressBar == null) {
                if (p.done() >= p.total()) {
                    return;
                }
                progressBar = new ProgressBarBuilder()
                        .setTaskName("sweep")
                        .setInitialMax(p.total())
                        .setUnit(" points", 1)
                        .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
                        .setUpdateIntervalMillis(250)
                        .setConsumer(new ConsoleProgressBarConsumer(terminal))
                        .startsFrom(p.done(), Duration.ofNanos((long) (p.elapsedSeconds() * 1e9)))
                        .build();
            }
            progressBar.maxHint(p.total());
            progressBar.stepTo(p.done());
            progressBar.setExtraMessage(rate(p));
        } else if (p.done() < p.total() && p.elapsedSeconds() >= nextPlainSeconds) {
            plain.println(line(p));
            plain.flush();
            nextPlainSeconds = p.elapsedSeconds() + PLAIN_INTERVAL_SECONDS;
        }
    }

    /** "sweep: 120,000 of 236,196 points (50.8%), 19.2 k points/s, about 6.05 s left". */
    static String line(Progress p) {
        if (!p.note().isEmpty()) {
            return String.format(Locale.ROOT, "sweep: %s of %s knobs eliminated (%s), %s",
                    Quantities.grouped(p.done()), Quantities.grouped(p.total()), Quantities.percent(p.done(), p.total()),
                    p.note());
        }
        double eta = p.etaSeconds();
        return String.format(Locale.ROOT, "sweep: %s of %s points (%s), %s, %s",
                Quantities.grouped(p.done()), Quantities.grouped(p.total()), Quantities.percent(p.done(), p.total()),
                rate(p), Double.isNaN(eta) ? "time left unknown" : "about " + Quantities.seconds(eta) + " left");
    }

    /** "10.2 M points/s". */
    private static String rate(Progress p) {
        if (!p.note().isEmpty()) {
            return p.note();
        }
        return Quantities.human(Math.round(p.pointsPerSecond())) + " points/s";
    }

    @Override
    public void close() {
        if (progressBar != null) {
            progressBar.close();
            progressBar = null;
        }
    }
}
