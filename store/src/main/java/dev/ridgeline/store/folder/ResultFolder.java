package dev.ridgeline.store.folder;

import dev.ridgeline.core.BadInputException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A result folder ({@code --out}) being replaced, the one way every command writes one. Opening it takes the
 * folder's lock (see {@link FolderLock}) and tidies what a killed run left; the new result is written into a
 * sibling staging folder {@code .NAME.ridgeline-new}; {@link #commit()} carries over the files of the old folder
 * this result does not replace, writes {@link Manifest manifest.json} last, then swaps the staging folder in by
 * renames. Until the commit the folder holds its previous result byte for byte; a run killed between the two
 * renames of the swap leaves the old folder as {@code .NAME.ridgeline-old}, which the next run puts back.
 */
public final class ResultFolder implements AutoCloseable {
    static final String NEW = ".ridgeline-new";
    static final String OLD = ".ridgeline-old";
    static final String LOCK = ".ridgeline-lock";

    /**
     * How a command treats what {@code --out} already holds.
     *
     * @param owned          the top-level names this kind of result replaces (more may be added with
     *                       {@link #replaces})
     * @param refuseForeign  refuse a folder holding files no ridgeline command wrote (not in its manifest)
     * @param force          the user's {@code --force}: write there anyway
     * @param keepStaging    keep a killed run's staging folder (a batch's {@code --resume} reuses its jobs)
     * @param folders        which of {@code owned} are folders (charts/); the others must not be
     */
    public record Options(Set<String> owned, boolean refuseForeign, boolean force, boolean keepStaging,
                          Set<String> folders) {
        public Options {
            owned = Set.copyOf(owned);
            folders = Set.copyOf(folders);
        }

        public Options(Set<String> owned, boolean refuseForeign, boolean force, boolean keepStaging) {
            this(owned, refuseForeign, force, keepStaging, Set.of());
        }
    }

    /** The folders open in this process, for what an interrupted run tells the user. */
    private static final Set<ResultFolder> OPEN = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final Path out;
    private final Path target;
    private final Path staging;
    private final Path aside;
    private final FolderLock lock;
    private final Set<String> owned;
    private final List<String> notes = new ArrayList<>();
    private final boolean keepStaging;
    private boolean committed;

    private ResultFolder(Path out, Path target, FolderLock lock, Options options) {
        this.out = out;
        this.target = target;
        this.staging = sibling(target, NEW);
        this.aside = sibling(target, OLD);
        this.lock = lock;
        this.owned = new LinkedHashSet<>(options.owned());
        this.keepStaging = options.keepStaging();
    }

    /**
     * Opens {@code out} for writing by {@code command} ("ridgeline sweep"): checks it can be written, takes its
     * lock, puts back or removes what a killed run left, refuses it per {@code options}, and makes an empty
     * staging folder (or keeps a killed run's, with {@code keepStaging}).
     */
    public static ResultFolder open(Path out, String command, Options options) {
        if (out.toString().isBlank()) {
            throw new BadInputException("--out is empty: give a folder to write into");
        }
        Path target = resolve(out);
        Path parent = target.getParent();
        if (parent == null) {
            throw new BadInputException("--out " + out + ": the root of the file system cannot be replaced; give a"
                    + " folder inside it");
        }
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw new BadInputException("--out " + out + ": a file of that name exists; give a folder");
        }
        for (String name : options.owned()) {
            if (!options.folders().contains(name) && Files.isDirectory(target.resolve(name))) {
                throw new BadInputException("cannot write " + out.resolve(name) + ": it is a directory");
            }
        }
        try {
            Files.createDirectories(parent);
        } catch (FileAlreadyExistsException e) {
            throw new BadInputException("--out " + out + ": " + e.getFile() + " is a file, not a folder", e);
        } catch (IOException e) {
            throw WriteFailedException.of(parent, e, out + " keeps its previous result");
        }
        FolderLock lock;
        try {
            lock = FolderLock.take(sibling(target, LOCK), out, command);
        } catch (AccessDeniedException e) {
            throw new BadInputException("--out " + out + ": permission denied in " + parent
                    + "; give a folder you can write", e);
        } catch (IOException e) {
            throw WriteFailedException.of(sibling(target, LOCK), e, out + " keeps its previous result");
        }
        ResultFolder folder = new ResultFolder(out, target, lock, options);
        try {
            lock.tookOver().ifPresent(folder.notes::add);
            folder.recover();
            if (!options.force() && options.refuseForeign()) {
                folder.refuseForeign();
            }
            Files.createDirectories(folder.staging);
            OPEN.add(folder);
        } catch (IOException e) {
            folder.closeQuietly();
            throw WriteFailedException.of(folder.staging, e, out + " keeps its previous result");
        } catch (RuntimeException e) {
            folder.closeQuietly();
            throw e;
        }
        return folder;
    }

    /** The folders this process has open and not committed (an interrupted run's, which keep their result). */
    public static List<Path> uncommitted() {
        return OPEN.stream().filter(f -> !f.committed).map(ResultFolder::out).toList();
    }

    /** The folder as the user named it. */
    public Path out() {
        return out;
    }

    /** Where the new result is written, before the commit. */
    public Staging staging() {
        return new Staging(staging, out, out + " keeps its previous result");
    }

    /** The previous result, when the folder holds one (for a batch's resume). */
    public java.util.Optional<Path> previous() {
        return Files.isDirectory(target) ? java.util.Optional.of(target) : java.util.Optional.empty();
    }

    /** Says that the new result replaces {@code name} of the old folder too (a batch's job folder). */
    public void replaces(String name) {
        owned.add(Names.check(name, "a result's file name"));
    }

    /** What opening and committing did that the user should hear about (a lock taken over, leftovers removed). */
    public List<String> notes() {
        return List.copyOf(notes);
    }

    /** Makes the new result the folder's: carries over what it does not replace, writes the manifest, swaps. */
    public void commit() {
        String kept = out + " keeps its previous result";
        try {
            if (Files.isDirectory(target)) {
                for (String name : entries(target)) {
                    if (!owned.contains(name) && !name.equals(Manifest.FILE) && !leftover(name)
                            && !Files.exists(staging.resolve(name), LinkOption.NOFOLLOW_LINKS)) {
                        Trees.linkOrCopy(target.resolve(name), staging.resolve(name));
                    }
                }
            }
            Manifest.of(staging).write(staging);
        } catch (IOException e) {
            throw WriteFailedException.of(out.resolve(Manifest.FILE), e, kept);
        }
        try {
            if (Files.exists(target)) {
                Trees.move(target, aside);
                try {
                    Trees.move(staging, target);
                } catch (IOException e) {
                    Trees.move(aside, target);
                    throw e;
                }
                Trees.delete(aside);
            } else {
                Trees.move(staging, target);
            }
            committed = true;
        } catch (IOException e) {
            throw WriteFailedException.of(out, e, kept);
        }
    }

    /** Without a commit, removes the staging folder (unless a resume may reuse it); releases the lock. */
    @Override
    public void close() {
        try {
            if (!committed && !keepStaging) {
                Trees.delete(staging);
            }
        } catch (IOException e) {
            notes.add("could not remove " + staging + " (" + e.getMessage() + "); the next run on " + out
                    + " removes it");
        } finally {
            OPEN.remove(this);
            closeQuietly();
        }
    }

    private void closeQuietly() {
        try {
            lock.close();
        } catch (IOException e) {
            // the OS releases the lock with the process in any case
        }
    }

    /** Puts back the old folder a run killed mid-swap left aside; removes stale staging and temp files. */
    private void recover() throws IOException {
        if (Files.exists(aside)) {
            if (Files.exists(target)) {
                Trees.delete(aside);
                notes.add("removed " + aside + ", the previous result a killed run had replaced");
            } else {
                Trees.move(aside, target);
                notes.add("put back " + out + " from " + aside + " (a run was killed while replacing it)");
            }
        }
        if (Files.exists(staging)) {
            if (keepStaging) {
                notes.add("reusing the jobs a killed run finished in " + staging);
            } else {
                Trees.delete(staging);
                notes.add("removed " + staging + ", left by a killed run");
            }
        }
        if (Files.isDirectory(target)) {
            for (String name : entries(target)) {
                if (leftover(name)) {
                    Trees.delete(target.resolve(name));
                    notes.add("removed " + out.resolve(name) + ", left by a killed run");
                }
            }
        }
    }

    /** Refuses a folder that holds files no ridgeline command wrote, naming a few. */
    private void refuseForeign() throws IOException {
        if (!Files.isDirectory(target)) {
            return;
        }
        Set<String> listed = new TreeSet<>();
        Manifest.read(target).ifPresent(m -> m.files().forEach(e -> listed.add(e.path())));
        List<String> foreign = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(target)) {
            for (Path p : (Iterable<Path>) walk.sorted()::iterator) {
                String name = target.relativize(p).toString().replace('\\', '/');
                if (Files.isDirectory(p) || name.equals(Manifest.FILE) || listed.contains(name)) {
                    continue;
                }
                foreign.add(name);
            }
        }
        if (!foreign.isEmpty()) {
            String some = String.join(", ", foreign.subList(0, Math.min(3, foreign.size())))
                    + (foreign.size() > 3 ? " and " + (foreign.size() - 3) + " more" : "");
            throw new BadInputException("--out " + out + " holds files ridgeline did not write there (" + some
                    + "); give an empty or new folder, or --force to write there anyway (nothing was changed)");
        }
    }

    /** Temp files and staging areas of earlier versions and of killed writes inside a result folder. */
    static boolean leftover(String name) {
        return name.equals(".staging") || (name.startsWith(".") && name.endsWith(".tmp"));
    }

    private static List<String> entries(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** The real folder behind {@code out} (a symbolic link is followed, so the swap replaces its target). */
    private static Path resolve(Path out) {
        Path abs = out.toAbsolutePath().normalize();
        try {
            return Files.exists(abs) ? abs.toRealPath() : abs;
        } catch (IOException e) {
            return abs;
        }
    }

    private static Path sibling(Path target, String suffix) {
        return target.resolveSibling("." + target.getFileName() + suffix);
    }
}
