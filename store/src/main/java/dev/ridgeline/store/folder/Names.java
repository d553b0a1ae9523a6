package dev.ridgeline.store.folder;

import dev.ridgeline.core.BadInputException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Checks a name read from a file before it becomes a file or folder name: not empty, no path separator, not
 * {@code .} or {@code ..}, so that nothing outside the result folder is ever named.
 */
public final class Names {
    private Names() {
    }

    /** Returns {@code name} when it is a safe single path element; bad input naming {@code where} otherwise. */
    public static String check(String name, String where) {
        if (name == null || name.isBlank()) {
            throw new BadInputException(where + ": empty; expected a folder name");
        }
        if (name.equals(".") || name.equals("..") || name.contains("/") || name.contains("\\")
                || name.indexOf('\0') >= 0) {
            throw new BadInputException(where + ": '" + name + "' is not a plain folder name (no '/', '\\', '.'"
                    + " or '..')");
        }
        return name;
    }

    /** Checks every name and that none occurs twice. */
    public static void checkUnique(Collection<String> names, String where) {
        Set<String> seen = new HashSet<>();
        for (String n : names) {
            check(n, where);
            if (!seen.add(n)) {
                throw new BadInputException(where + ": '" + n + "' occurs twice; names must be unique");
            }
        }
    }
}
