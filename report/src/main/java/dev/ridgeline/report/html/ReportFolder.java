package dev.ridgeline.report.html;

import dev.ridgeline.store.folder.ResultFolder;
import dev.ridgeline.store.folder.Staging;
import dev.ridgeline.store.folder.WriteFailedException;
import dev.ridgeline.store.read.Run;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A design review's result folder: report.html and charts/ committed together through the store, so that the
 * folder holds the whole old page or the whole new one. Refuses a folder holding files ridgeline did not write
 * unless forced.
 */
public final class ReportFolder {
    /** The files a report replaces. */
    public static final Set<String> FILES = Set.of(ReportWriter.PAGE, ReportWriter.CHARTS, ReportWriter.RUNS);
    /** Which of {@link #FILES} are folders. */
    public static final Set<String> FOLDERS = Set.of(ReportWriter.CHARTS, ReportWriter.RUNS);

    private ReportFolder() {
    }

    /**
     * Writes the report of {@code runs} (read from the staged folder, so that files staged beside the page are
     * read as they will be) into {@code out}.
     *
     * @param also   more files this result replaces (analyze's analysis.json)
     * @param notes  told what the store did (a lock taken over, leftovers removed)
     */
    public static ReportWriter.Written write(Path out, boolean force, String toolVersion, Set<String> also,
                                             Function<Staging, List<Run>> runs, Consumer<String> notes) {
        Set<String> owned = new HashSet<>(FILES);
        owned.addAll(also);
        try (ResultFolder folder = ResultFolder.open(out, "ridgeline report",
                new ResultFolder.Options(owned, true, force, false, FOLDERS))) {
            folder.notes().forEach(notes);
            ReportWriter.Written written = into(folder.staging(), runs.apply(folder.staging()), toolVersion);
            folder.commit();
            return written;
        }
    }

    /**
     * Writes the report of the runs in {@code sources} (folders and files, each read only while it is drawn, so
     * memory does not grow with their number) into {@code out}.
     */
    public static ReportWriter.Written writeFrom(Path out, boolean force, String toolVersion, List<Path> sources,
                                                 Consumer<String> notes) {
        try (ResultFolder folder = ResultFolder.open(out, "ridgeline report",
                new ResultFolder.Options(FILES, true, force, false, FOLDERS))) {
            folder.notes().forEach(notes);
            ReportWriter.Written written = intoFrom(folder.staging(), sources, toolVersion);
            folder.commit();
            return written;
        }
    }

    /** The page names the runs it read from the staged folder where they will be once committed. */
    private static void namePlacesAsCommitted(Staging staging, Path page) {
        try {
            String html = Files.readString(page, StandardCharsets.UTF_8);
            String named = html.replace(staging.dir().toString(), staging.shown().toString());
            if (!named.equals(html)) {
                Files.writeString(page, named, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw WriteFailedException.of(staging.shown().resolve(ReportWriter.PAGE), e, staging.kept());
        }
    }

    /** Writes a report into a folder being staged; returns where its files will be. */
    public static ReportWriter.Written into(Staging staging, List<Run> runs, String toolVersion) {
        return placed(staging, () -> ReportWriter.write(runs, staging.dir(), toolVersion));
    }

    /**
     * Writes the report of the runs in {@code sources} into a folder being staged (a batch's or a merge's),
     * reading each only while it is drawn; returns where its files will be.
     */
    public static ReportWriter.Written intoFrom(Staging staging, List<Path> sources, String toolVersion) {
        return placed(staging, () -> ReportWriter.read(sources, staging.dir(), toolVersion));
    }

    private static ReportWriter.Written placed(Staging staging, java.util.function.Supplier<ReportWriter.Written> write) {
        ReportWriter.Written w;
        try {
            w = write.get();
        } catch (WriteFailedException e) {
            throw e.shownAs(staging);
        }
        Path dir = staging.dir();
        namePlacesAsCommitted(staging, w.page());
        w.runPages().forEach(p -> namePlacesAsCommitted(staging, p));
        return new ReportWriter.Written(staging.shown().resolve(dir.relativize(w.page()).toString()),
                w.charts().stream().map(c -> staging.shown().resolve(dir.relativize(c).toString())).toList(),
                w.runPages().stream().map(c -> staging.shown().resolve(dir.relativize(c).toString())).toList());
    }
}
