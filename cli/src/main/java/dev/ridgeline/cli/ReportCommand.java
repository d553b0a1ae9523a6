package dev.ridgeline.cli;

import dev.ridgeline.core.BadInputException;
import dev.ridgeline.report.html.ReportWriter;
import dev.ridgeline.store.read.Run;
import dev.ridgeline.store.read.RunReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

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
final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    Main root;

    @Parameters(arity = "1..*", paramLabel = "RUN",
            description = "A sweep folder (summary.json), a prune folder (plan.json), an analyze --format json file,"
                    + " or a folder of such files.")
    List<Path> runs;

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "The folder to write report.html and charts/ into (created if missing).")
    Path out;

    @Override
    public Integer call() {
        return Failures.guard(spec.commandLine().getErr(), root != null && root.debug, this::run);
    }

    private int run() {
        long start = System.nanoTime();
        List<Run> read = RunReader.read(runs);
        ReportWriter.Written written = write(read, out);
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println(String.format(Locale.ROOT, "wrote %s and %d chart files in %s (%.1f s)", written.page(),
                written.charts().size(), out.resolve(ReportWriter.CHARTS), (System.nanoTime() - start) / 1e9));
        return Failures.OK;
    }

    /** Writes the report of some runs into a folder, created if missing; shared by analyze and sweep --report. */
    static ReportWriter.Written write(List<Run> runs, Path out) {
        folder(out);
        return ReportWriter.write(runs, out, Version.current());
    }

    /** The output folder, created if missing. */
    static void folder(Path out) {
        try {
            Files.createDirectories(out);
        } catch (FileAlreadyExistsException e) {
            throw new BadInputException(out + ": a file of that name exists; give a folder", e);
        } catch (IOException e) {
            throw new BadInputException(out + ": cannot create the folder: " + e.getMessage(), e);
        }
    }
}
