package dev.ridgeline.cli;

import dev.ridgeline.store.sweep.SweepFiles;

import dev.ridgeline.store.folder.OutputFile;
import dev.ridgeline.store.folder.SweepFolder;

import dev.ridgeline.core.BadInputException;
import dev.ridgeline.store.batch.BatchIndex;
import dev.ridgeline.store.batch.BatchMerge;
import dev.ridgeline.report.html.ReportWriter;
import dev.ridgeline.store.read.RunReader;
import dev.ridgeline.store.sweep.SummaryJson;
import dev.ridgeline.store.merge.SweepMerge;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

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
final class MergeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    Main root;

    @Parameters(arity = "1..*", paramLabel = "DIR",
            description = "Output folders of ridgeline sweep or ridgeline batch (or of earlier merges).")
    List<Path> inputs;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "The folder to write the merge into.")
    Path out;

    @Override
    public Integer call() {
        return Failures.guard(spec.commandLine().getErr(), root != null && root.debug, this::run);
    }

    private int run() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        for (Path in : inputs) {
            if (!Files.isDirectory(in)) {
                throw new BadInputException(in + ": no such folder; give output folders of sweep or batch");
            }
            if (Files.exists(out) && Files.isSameFile(in, out)) {
                throw new BadInputException("--out " + out + " is one of the inputs; merge into another folder");
            }
        }
        boolean sweeps = inputs.stream().allMatch(SweepMerge::isSweepOutput);
        boolean batches = inputs.stream().allMatch(BatchMerge::isBatchOutput);
        if (!sweeps && !batches) {
            Path odd = inputs.stream().filter(d -> !SweepMerge.isSweepOutput(d) && !BatchMerge.isBatchOutput(d))
                    .findFirst().orElse(inputs.get(0));
            throw new BadInputException(odd + (SweepMerge.isSweepOutput(odd) || BatchMerge.isBatchOutput(odd)
                    ? ": the inputs mix sweep outputs (summary.json) and batch outputs (index.json); merge one kind"
                    : ": holds neither summary.json (a sweep's output) nor index.json (a batch's output)"));
        }
        Path dir = SweepFolder.prepareFolder(out, sweeps ? List.of(SweepFiles.SUMMARY, SweepFiles.PARETO)
                : List.of(BatchIndex.JSON, BatchIndex.CSV));
        if (sweeps) {
            SweepMerge.Merged m = SweepMerge.merge(inputs);
            OutputFile.write(dir.resolve(SweepFiles.PARETO), w -> write(w, m.paretoCsv()));
            OutputFile.write(dir.resolve(SweepFiles.SUMMARY), w -> SummaryJson.write(m.summary(), w));
            stdout.printf("merged %d outputs of one sweep: %s points evaluated, shard %s, a front of %d points%n",
                    inputs.size(), m.summary().path("pointsEvaluated").asText(), m.summary().path("shard").asText(),
                    m.summary().path("frontSize").asInt());
            stdout.println("wrote " + dir.resolve(SweepFiles.PARETO) + ", " + dir.resolve(SweepFiles.SUMMARY));
            return Failures.OK;
        }
        BatchMerge.Merged m = BatchMerge.merge(inputs);
        for (Map.Entry<String, Path> e : m.jobFolders().entrySet()) {
            if (Files.isDirectory(e.getValue())) {
                copyFolder(e.getValue(), dir, e.getKey());
            }
        }
        OutputFile.write(dir.resolve(BatchIndex.CSV), w -> BatchIndex.writeCsv(m.index(), w));
        OutputFile.write(dir.resolve(BatchIndex.JSON), w -> BatchIndex.writeJson(m.index(), w));
        stdout.printf("merged %d batch outputs: %d jobs%n", inputs.size(), m.index().path("jobs").size());
        List<Path> ran = new java.util.ArrayList<>();
        for (com.fasterxml.jackson.databind.JsonNode row : m.index().path("jobs")) {
            if ("done".equals(row.path("status").asText())) {
                ran.add(dir.resolve(row.path("id").asText()));
            }
        }
        if (!ran.isEmpty()) {
            ReportWriter.Written page = ReportCommand.write(RunReader.read(ran), dir);
            stdout.println("wrote " + page.page() + " and " + page.charts().size() + " chart files");
        }
        stdout.println("wrote " + dir.resolve(BatchIndex.JSON) + ", " + dir.resolve(BatchIndex.CSV));
        return Failures.OK;
    }

    private static void write(java.io.Writer w, String text) {
        try {
            w.write(text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Copies a job folder into {@code dir} under {@code id}: staged, then moved into place in one rename. */
    private static void copyFolder(Path from, Path dir, String id) throws IOException {
        Path staging = Files.createDirectories(dir.resolve(".staging")).resolve(id + "." + UUID.randomUUID());
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path target = staging.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Path target = dir.resolve(id);
        if (Files.exists(target)) {
            dev.ridgeline.store.batch.JobFolders.delete(target);
        }
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        Files.deleteIfExists(dir.resolve(".staging"));
    }
}
