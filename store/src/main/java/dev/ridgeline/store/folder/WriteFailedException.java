package dev.ridgeline.store.folder;

import dev.ridgeline.core.BadInputException;
import dev.ridgeline.core.RidgelineException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A result could not be written for a reason of the disk's (full, an I/O error): the folder keeps its
 * previous result, and the message is one line naming the disk and the file. Exit code 1.
 */
public final class WriteFailedException extends RidgelineException {
    private static final long serialVersionUID = 1L;

    private WriteFailedException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * What a failed write of {@code file} means for the user: a refused write (permissions, a read-only
     * disk) is bad input, a full disk or an I/O error this exception.
     *
     * @param kept what still holds the previous result ("runs/a keeps its previous result")
     */
    public static RuntimeException of(Path file, IOException e, String kept) {
        String reason = e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason()
                : String.valueOf(e.getMessage());
        if (e instanceof AccessDeniedException) {
            return new BadInputException("cannot write " + file + ": permission denied; " + kept, e);
        }
        if (reason.contains("Read-only file system")) {
            return new BadInputException("cannot write " + file + ": the disk " + disk(file) + " is read-only; "
                    + kept, e);
        }
        if (reason.contains("No space left on device") || reason.contains("Disk quota exceeded")) {
            return new WriteFailedException("the disk " + disk(file) + " is full (" + reason + ") while writing "
                    + file + "; " + kept, e);
        }
        return new WriteFailedException("cannot write " + file + " on the disk " + disk(file) + ": " + reason + "; "
                + kept, e);
    }

    /**
     * The same failure told in the user's terms: a file of a staging folder named where it was going, and what
     * keeps the previous result.
     */
    public WriteFailedException shownAs(Staging staging) {
        String message = getMessage().replace(staging.dir().toString(), staging.shown().toString());
        int cut = message.lastIndexOf("; ");
        return new WriteFailedException((cut < 0 ? message : message.substring(0, cut)) + "; " + staging.kept(),
                getCause());
    }

    /** The file store (mount point and device) that holds {@code file}, or its nearest existing parent. */
    static String disk(Path file) {
        Path p = file.toAbsolutePath();
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        try {
            return p == null ? "?" : Files.getFileStore(p).toString();
        } catch (IOException e) {
            return "holding " + p;
        }
    }
}
