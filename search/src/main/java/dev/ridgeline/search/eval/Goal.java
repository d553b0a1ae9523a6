package dev.ridgeline.search.eval;

import java.util.Locale;

/** Whether an objective is to be made small or large. */
public enum Goal {
    MIN, MAX;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
