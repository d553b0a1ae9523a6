package dev.ridgeline.cli;

import dev.ridgeline.batch.MergeRun;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ridgeline merge DIR... --out DIR}: merges the shard outputs of one sweep (the exact front of
 * their union) or of one batch (the union of its jobs).
 */
@Command(name = "merge",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = {"Merge the shard outputs of one sweep into the front of the whole, or those of one batch.",
            "Outputs of different jobs or batches are refused."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  ridgeline merge runs/big/1 runs/big/2 runs/big/3 --out runs/big/all",
            "  ridgeline merge runs/review/shard-* --out runs/review/all"})
final class MergeCommand extends GuardedCommand {
    @Parameters(arity = "1..*", paramLabel = "DIR",
            description = "Output folders of ridgeline sweep or ridgeline batch (or of earlier merges).")
    List<Path> inputs;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "The folder to write the merge into.")
    Path out;

    @Override
    int run() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        MergeRun.Outcome m = MergeRun.run(inputs, out, Version.current(), n -> stderr.println("ridgeline: " + n));
        if (m.sweeps()) {
            stdout.printf("merged %d outputs of one sweep: %s points evaluated, shard %s, a front of %d points%n",
                    inputs.size(), m.tree().path("pointsEvaluated").asText(), m.tree().path("shard").asText(),
                    m.tree().path("frontSize").asInt());
        } else {
            stdout.printf("merged %d batch outputs: %d jobs%n", inputs.size(), m.tree().path("jobs").size());
            m.page().ifPresent(page -> stdout.println("wrote " + page.page() + ReportCommand.runPages(page) + " and "
                    + page.charts().size() + " chart files"));
        }
        stdout.println("wrote " + String.join(", ", m.files().stream().map(Path::toString).toList()));
        return Failures.OK;
    }
}
