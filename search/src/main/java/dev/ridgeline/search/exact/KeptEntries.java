package dev.ridgeline.search.exact;

/**
 * The entries a filter pass has kept so far, for the question "does any of them prune this one?" without
 * asking each: {@link StaircaseTree} for three keys, {@link DominanceIndex} for more. Either changes no
 * answer, only its cost: a pruner it returns passed {@link Candidates#prunes}.
 */
sealed interface KeptEntries permits DominanceIndex, StaircaseTree {
    /** Empties it for a pass whose kept entries are among {@code from .. to - 1} of {@code c}. */
    void start(Candidates c, int from, int to);

    /** Adds kept entry e of {@code c}. */
    void add(Candidates c, int e);

    /** A kept entry that prunes entry e, or -1. */
    int findPruner(Candidates c, int e);

    long bytes();

    /** Drops the arrays (see {@link Candidates#shrink}). */
    void shrink();
}
