package dev.ridgeline.store.folder;

import dev.ridgeline.core.BadInputException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * One writer per result folder: an OS lock on a lock file beside the folder, which holds the pid and command
 * of the process that has it. The OS drops the lock when that process dies, however it dies; a second writer
 * is refused at once with a message naming the holder.
 */
final class FolderLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;
    private final Optional<String> tookOver;

    private FolderLock(FileChannel channel, FileLock lock, Optional<String> tookOver) {
        this.channel = channel;
        this.lock = lock;
        this.tookOver = tookOver;
    }

    /**
     * Takes the lock of {@code file} for {@code command}, or throws bad input naming the process that has it.
     *
     * @param folder the folder it guards, for messages
     */
    static FolderLock take(Path file, Path folder, String command) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // this JVM holds it already
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        String holder = contents(channel);
        if (lock == null) {
            channel.close();
            throw new BadInputException(folder + " is being written by another ridgeline process ("
                    + (holder.isBlank() ? "one that has not said which" : holder) + "; lock file " + file
                    + "); wait for it to finish or give another --out");
        }
        Optional<String> tookOver = holder.isBlank() ? Optional.empty()
                : Optional.of("took over the lock of " + folder + " from " + holder + ", which is no longer running");
        ProcessHandle self = ProcessHandle.current();
        String me = "pid " + self.pid() + " (" + command + ", since "
                + Instant.now().truncatedTo(ChronoUnit.SECONDS) + ")";
        channel.truncate(0);
        channel.write(ByteBuffer.wrap((me + "\n").getBytes(StandardCharsets.UTF_8)), 0);
        return new FolderLock(channel, lock, tookOver);
    }

    /** A note when the lock was left by a process that died holding it (its record was not cleared). */
    Optional<String> tookOver() {
        return tookOver;
    }

    private static String contents(FileChannel channel) throws IOException {
        long size = Math.min(channel.size(), 4096);
        ByteBuffer buffer = ByteBuffer.allocate((int) size);
        channel.read(buffer, 0);
        return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).strip();
    }

    /** Clears the holder's record and releases the lock. */
    @Override
    public void close() throws IOException {
        try {
            channel.truncate(0);
            lock.release();
        } finally {
            channel.close();
        }
    }
}
