package dev.ridgeline.cli;

import dev.ridgeline.report.html.ReportFolder;
import dev.ridgeline.report.html.ReportWriter;
import dev.ridgeline.store.folder.Staging;
import java.util.Set;
import java.util.function.Function;
import dev.ridgeline.store.read.Run;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ridgeline report DIR... --out DIR}: a design-review page (report.html, self-contained) and its charts
 * (charts/*.svg and *.png) from what analyze and sweep wrote.
 */
@Command(name = "report",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = {"Write a design-review page (one offline report.html with its charts) from runs of sweep or prune.",
            "It also reads analyze --format json files, and compares several runs with each other."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  ridgeline report runs/mnv2 --out review/mnv2",
            "  ridgeline report r50.json mnv2.json runs/r18 --out review/all",
            "",
            "See docs/report.md for what each chart shows."})
final class ReportCommand extends GuardedCommand {
    @Parameters(arity = "1..*", paramLabel = "RUN",
            description = "A sweep folder (summary.json), a prune folder (plan.json), an analyze --format json file,"
                    + " or a folder of such files.")
    List<Path> runs;

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "The folder to write report.html and charts/ into (created if missing).")
    Path out;

    @Mixin
    ForceOption forceOption = new ForceOption();

    @Override
    int run() {
        long start = System.nanoTime();
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        ReportWriter.Written written = ReportFolder.writeFrom(out, forceOption.force, Version.current(), runs,
                note -> stderr.println("ridgeline: " + note));
        stdout.println(String.format(Locale.ROOT, "wrote %s%s and %d chart files in %s (%.1f s)", written.page(),
                runPages(written), written.charts().size(), out.resolve(ReportWriter.CHARTS),
                (System.nanoTime() - start) / 1e9));
        return Failures.OK;
    }

    /** ", a page per run in DIR/runs" when the review has run pages, else nothing. */
    static String runPages(ReportWriter.Written written) {
        return written.runPages().isEmpty() ? "" : ", " + written.runPages().size() + " run pages in "
                + written.page().resolveSibling(ReportWriter.RUNS);
    }

    /** Writes the report of some runs into a folder through the store; shared by analyze, sweep and prune. */
    static ReportWriter.Written write(Path out, boolean force, PrintWriter stderr,
                                      Function<Staging, List<Run>> runs) {
        return write(out, force, stderr, Set.of(), runs);
    }

    /** As above, when the report's folder also holds the files {@code also} (analyze's JSON). */
    static ReportWriter.Written write(Path out, boolean force, PrintWriter stderr, Set<String> also,
                                      Function<Staging, List<Run>> runs) {
        return ReportFolder.write(out, force, Version.current(), also, runs,
                note -> stderr.println("ridgeline: " + note));
    }
}
