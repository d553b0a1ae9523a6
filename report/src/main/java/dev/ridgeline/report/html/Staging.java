package dev.ridgeline.report.html;

import dev.ridgeline.core.BadInputException;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Where a report is drawn before it is shown: a hidden folder beside the page holding the new charts, the
 * runs' sections and the new page. {@link #commit} swaps the charts folder in and moves the page into place;
 * {@link #clean} removes whatever is left, so a failed report leaves no half-written charts folder.
 */
final class Staging {
    /** Writes the page's text. */
    interface PageText {
        /** Writes the page into {@code out}; returns the run pages it wrote beside it. */
        List<Path> write(Writer out) throws IOException;
    }

    private final Path root;
    private final Path charts;
    private final List<String> names = new ArrayList<>();

    private Staging(Path root) {
        this.root = root;
        this.charts = root.resolve("charts");
    }

    static Staging in(Path out) {
        Path root = out.resolve(".report-" + UUID.randomUUID() + ".tmp");
        try {
            Files.createDirectories(root.resolve("charts"));
        } catch (AccessDeniedException e) {
            throw new BadInputException("cannot write into " + out + ": permission denied", e);
        } catch (IOException e) {
            throw new BadInputException("cannot write into " + out + " (" + e + ")", e);
        }
        return new Staging(root);
    }

    Path sections() {
        return root.resolve("sections.html");
    }

    void chart(String name, byte[] bytes) throws IOException {
        Files.write(charts.resolve(name), bytes);
        names.add(name);
    }

    /** The folder of the run pages, created when first asked for. */
    Path runPages() throws IOException {
        return Files.createDirectories(root.resolve("runs"));
    }

    List<Path> page(PageText text) throws IOException {
        try (Writer w = Files.newBufferedWriter(root.resolve("report.html"), StandardCharsets.UTF_8)) {
            return text.write(w);
        }
    }

    /**
     * Swaps the new charts folder in for the old one and the new run pages for the old ones (an earlier report's
     * run pages go when this one has none), then moves the page into place; the chart files.
     */
    List<Path> commit(Path chartDir, Path runDir, Path page) throws IOException {
        if (Files.exists(chartDir)) {
            move(chartDir, root.resolve("old-charts"));
        }
        move(charts, chartDir);
        if (Files.exists(runDir)) {
            move(runDir, root.resolve("old-runs"));
        }
        if (Files.exists(root.resolve("runs"))) {
            move(root.resolve("runs"), runDir);
        }
        move(root.resolve("report.html"), page);
        return names.stream().map(chartDir::resolve).toList();
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    void clean() {
        if (!Files.exists(root)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException ignored) {
            // a leftover hidden folder is harmless; the report itself is complete or untouched
        }
    }
}
