package dev.ridgeline.store.folder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.core.BadInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store's one way to replace a result folder: lock, staging, manifest, swap and recovery. */
class ResultFolderTest {
    @TempDir
    Path dir;

    private static final ResultFolder.Options SWEEP =
            new ResultFolder.Options(Set.of("summary.json", "pareto.csv", "points.csv"), false, false, false);

    private static void write(Path out, String summary, boolean points) {
        try (ResultFolder f = ResultFolder.open(out, "test", SWEEP)) {
            f.staging().writeBytes("summary.json", summary.getBytes(StandardCharsets.UTF_8));
            f.staging().writeBytes("pareto.csv", "a,b\n".getBytes(StandardCharsets.UTF_8));
            if (points) {
                f.staging().writeBytes("points.csv", "p\n".getBytes(StandardCharsets.UTF_8));
            }
            f.commit();
        }
    }

    static List<String> names(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aCommitReplacesWhatTheResultOwnsKeepsTheRestAndListsEveryFileInItsManifest() throws Exception {
        Path out = dir.resolve("out");
        write(out, "{1}", true);
        Files.writeString(out.resolve("notes.txt"), "mine");
        write(out, "{2}", false);
        assertEquals(List.of("manifest.json", "notes.txt", "pareto.csv", "summary.json"), names(out));
        assertEquals("{2}", Files.readString(out.resolve("summary.json")));
        assertEquals("mine", Files.readString(out.resolve("notes.txt")));
        assertTrue(Manifest.problem(out).isEmpty(), Manifest.problem(out).toString());
        assertEquals(List.of("out", ".out.ridgeline-lock"), names(dir).stream().sorted(
                (a, b) -> a.startsWith(".") == b.startsWith(".") ? a.compareTo(b) : a.startsWith(".") ? 1 : -1)
                .toList());
    }

    @Test
    void withoutACommitTheFolderKeepsItsPreviousResultAndNoStagingIsLeft() throws Exception {
        Path out = dir.resolve("out");
        write(out, "{1}", false);
        byte[] before = Files.readAllBytes(out.resolve("summary.json"));
        try (ResultFolder f = ResultFolder.open(out, "test", SWEEP)) {
            f.staging().writeBytes("summary.json", "{half".getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(new String(before), Files.readString(out.resolve("summary.json")));
        assertFalse(Files.exists(dir.resolve(".out.ridgeline-new")));
    }

    @Test
    void aSecondWriterIsRefusedAtOnceNamingTheHolder() {
        Path out = dir.resolve("out");
        try (ResultFolder first = ResultFolder.open(out, "ridgeline sweep a.yaml", SWEEP)) {
            BadInputException e = assertThrows(BadInputException.class,
                    () -> ResultFolder.open(out, "ridgeline sweep b.yaml", SWEEP));
            assertTrue(e.getMessage().contains("pid " + ProcessHandle.current().pid()), e.getMessage());
            assertTrue(e.getMessage().contains("ridgeline sweep a.yaml"), e.getMessage());
        }
        ResultFolder.open(out, "again", SWEEP).close();
    }

    @Test
    void aLockLeftByADeadProcessIsTakenOverWithANote() throws Exception {
        Path out = dir.resolve("out");
        Files.writeString(dir.resolve(".out.ridgeline-lock"), "pid 999999999 (ridgeline batch x.yaml, since then)\n");
        try (ResultFolder f = ResultFolder.open(out, "test", SWEEP)) {
            assertTrue(f.notes().stream().anyMatch(n -> n.contains("took over") && n.contains("pid 999999999")),
                    f.notes().toString());
        }
    }

    @Test
    void whatAKilledRunLeftIsRemovedOrPutBackByTheNextRun() throws Exception {
        Path out = dir.resolve("out");
        write(out, "{1}", false);
        // killed between the two renames of a swap: the old folder aside, none under the name
        Files.move(out, dir.resolve(".out.ridgeline-old"));
        Files.createDirectories(dir.resolve(".out.ridgeline-new"));
        Files.writeString(dir.resolve(".out.ridgeline-new/summary.json"), "{half");
        try (ResultFolder f = ResultFolder.open(out, "test", SWEEP)) {
            assertEquals(2, f.notes().size(), f.notes().toString());
        }
        assertEquals("{1}", Files.readString(out.resolve("summary.json")));
        // a temp file of an earlier version's atomic write inside the folder
        Files.writeString(out.resolve(".points.csv.1234.tmp"), "x".repeat(1000));
        write(out, "{2}", false);
        assertEquals(List.of("manifest.json", "pareto.csv", "summary.json"), names(out));
        assertEquals(List.of(".out.ridgeline-lock", "out"), names(dir));
    }

    @Test
    void aTruncatedMissingOrEditedFileIsNamedByItsManifest() throws Exception {
        Path out = dir.resolve("out");
        write(out, "{\"a\": 1}", true);
        Files.writeString(out.resolve("summary.json"), "{\"a\"");
        assertTrue(Manifest.problem(out).orElseThrow().contains("summary.json: 4 bytes"), Manifest.problem(out).get());
        write(out, "{\"a\": 1}", true);
        Files.writeString(out.resolve("pareto.csv"), "a,c\n");
        assertTrue(Manifest.problem(out).orElseThrow().contains("pareto.csv: its SHA-256 differs"));
        write(out, "{\"a\": 1}", true);
        Files.delete(out.resolve("points.csv"));
        assertTrue(Manifest.problem(out).orElseThrow().contains("points.csv: missing"));
        Files.writeString(out.resolve("manifest.json"), "{\"files\": [{\"path\": \"../x\", \"bytes\": 1, \"sha256\": \""
                + "0".repeat(64) + "\"}]}");
        assertTrue(Manifest.problem(out).orElseThrow().contains("not a plain folder name"));
    }

    @Test
    void aFolderHoldingFilesRidgelineDidNotWriteIsRefusedUnlessForced() throws Exception {
        Path out = dir.resolve("out");
        Files.createDirectories(out);
        Files.writeString(out.resolve("thesis.tex"), "mine");
        ResultFolder.Options report = new ResultFolder.Options(Set.of("report.html"), true, false, false);
        BadInputException e = assertThrows(BadInputException.class, () -> ResultFolder.open(out, "test", report));
        assertTrue(e.getMessage().contains("thesis.tex"), e.getMessage());
        assertEquals(List.of("thesis.tex"), names(out));
        try (ResultFolder f = ResultFolder.open(out, "test",
                new ResultFolder.Options(Set.of("report.html"), true, true, false))) {
            f.staging().writeBytes("report.html", new byte[] {1});
            f.commit();
        }
        assertEquals(List.of("manifest.json", "report.html", "thesis.tex"), names(out));
        // now every file is in the manifest: a second report needs no --force
        ResultFolder.open(out, "test", report).close();
    }

    @Test
    void namesFromFilesAreSinglePlainElements() {
        for (String bad : List.of("", " ", ".", "..", "../victim", "a/b", "a\\b")) {
            assertThrows(BadInputException.class, () -> Names.check(bad, "index.json: jobs[0].id"), bad);
        }
        assertEquals("t4-fp16", Names.check("t4-fp16", "x"));
        assertThrows(BadInputException.class, () -> Names.checkUnique(List.of("a", "a"), "x"));
    }

    @Test
    void aFullDiskIsOneLineNamingTheDiskAndTheFile() {
        RuntimeException e = WriteFailedException.of(dir.resolve("out/summary.json"),
                new java.nio.file.FileSystemException(dir.resolve(".out.ridgeline-new/summary.json").toString(), null,
                        "No space left on device"), "out keeps its previous result");
        assertTrue(e instanceof WriteFailedException);
        assertTrue(e.getMessage().contains("is full") && e.getMessage().contains("out/summary.json")
                && e.getMessage().contains("keeps its previous result") && !e.getMessage().contains("\n"),
                e.getMessage());
    }
}
