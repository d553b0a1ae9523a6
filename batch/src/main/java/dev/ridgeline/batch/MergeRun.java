package dev.ridgeline.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ridgeline.core.BadInputException;
import dev.ridgeline.report.html.ReportFolder;
import dev.ridgeline.report.html.ReportWriter;
import dev.ridgeline.store.batch.BatchIndex;
import dev.ridgeline.store.batch.BatchMerge;
import dev.ridgeline.store.folder.Manifest;
import dev.ridgeline.store.folder.ResultFolder;
import dev.ridgeline.store.folder.Staging;
import dev.ridgeline.store.folder.Trees;
import dev.ridgeline.store.folder.WriteFailedException;
import dev.ridgeline.store.merge.SweepMerge;
import dev.ridgeline.store.sweep.SummaryJson;
import dev.ridgeline.store.sweep.SweepWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Merging output folders into one result folder: the shards of one sweep (the front of their union) or of one
 * batch (the union of its jobs, each job folder copied after it is checked against its manifest). Every input is
 * verified before anything is written; the merge is committed in one step (see {@link ResultFolder}).
 */
public final class MergeRun {
    private MergeRun() {
    }

    /** What a merge wrote: the merged summary.json or index.json, the files, and a batch's design review. */
    public record Outcome(boolean sweeps, ObjectNode tree, List<Path> files, Optional<ReportWriter.Written> page) {
    }

    public static Outcome run(List<Path> inputs, Path out, String toolVersion, Consumer<String> notes) {
        for (Path in : inputs) {
            if (!Files.isDirectory(in)) {
                throw new BadInputException(in + ": no such folder; give output folders of sweep or batch");
            }
            try {
                if (Files.exists(out) && Files.isSameFile(in, out)) {
                    throw new BadInputException("--out " + out + " is one of the inputs; merge into another folder");
                }
            } catch (IOException e) {
                throw new BadInputException(in + ": cannot read (" + e.getMessage() + ")");
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
        for (Path in : inputs) {
            if (!Files.isRegularFile(in.resolve(Manifest.FILE))) {
                // its files cannot be checked: from a ridgeline before manifests, or put together by hand
                throw new BadInputException(in + ": no " + Manifest.FILE + ", so its files cannot be checked (it was"
                        + " written before result folders had manifests, or not by ridgeline); run its "
                        + (sweeps ? "sweep" : "batch") + " again with this version, then merge");
            }
            Manifest.verify(in);
        }
        if (sweeps) {
            SweepMerge.Merged m = SweepMerge.merge(inputs);
            try (ResultFolder folder = open(out, SweepWriter.FILES, notes)) {
                Staging s = folder.staging();
                Path pareto = s.write("pareto.csv", w -> text(w, m.paretoCsv()));
                Path summary = s.write("summary.json", w -> SummaryJson.write(m.summary(), w));
                folder.commit();
                return new Outcome(true, m.summary(), List.of(pareto, summary), Optional.empty());
            }
        }
        BatchMerge.Merged m = BatchMerge.merge(inputs);
        Set<String> owned = new HashSet<>(ReportFolder.FILES);
        owned.add(BatchIndex.JSON);
        owned.add(BatchIndex.CSV);
        for (JsonNode row : m.index().path("jobs")) {
            Path from = m.jobFolders().get(row.path("id").asText());
            if (Files.isDirectory(from)) {
                Manifest.verify(from);
            } else if ("done".equals(row.path("status").asText())) {
                throw new BadInputException(from + ": missing, though its batch's index.json lists the job as done");
            }
        }
        try (ResultFolder folder = open(out, owned, notes)) {
            m.jobFolders().keySet().forEach(folder::replaces);
            Staging s = folder.staging();
            List<Path> ran = new ArrayList<>();
            for (Map.Entry<String, Path> e : m.jobFolders().entrySet()) {
                if (Files.isDirectory(e.getValue())) {
                    try {
                        Trees.copy(e.getValue(), s.dir().resolve(e.getKey()));
                    } catch (IOException x) {
                        throw WriteFailedException.of(out.resolve(e.getKey()), x, out + " keeps its previous result");
                    }
                }
            }
            for (JsonNode row : m.index().path("jobs")) {
                if ("done".equals(row.path("status").asText())) {
                    ran.add(s.dir().resolve(row.path("id").asText()));
                }
            }
            Path csv = s.write(BatchIndex.CSV, w -> BatchIndex.writeCsv(m.index(), w));
            Path json = s.write(BatchIndex.JSON, w -> BatchIndex.writeJson(m.index(), w));
            Optional<ReportWriter.Written> page = ran.isEmpty() ? Optional.empty()
                    : Optional.of(ReportFolder.intoFrom(s, ran, toolVersion));
            folder.commit();
            return new Outcome(false, m.index(), List.of(json, csv), page);
        }
    }

    private static ResultFolder open(Path out, Set<String> owned, Consumer<String> notes) {
        ResultFolder folder = ResultFolder.open(out, "ridgeline merge",
                new ResultFolder.Options(owned, false, true, false, ReportFolder.FOLDERS));
        folder.notes().forEach(notes);
        return folder;
    }

    private static void text(java.io.Writer w, String text) {
        try {
            w.write(text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
