package dev.ridgeline.measure.runtime;

import java.util.Locale;

/**
 * How a design is run: intra-op threads (pinned; one inter-op thread, sequential execution), warm-up runs that
 * are not timed, timed runs, ONNX Runtime's graph optimization level, and whether a profiled pass follows.
 *
 * @param optLevel one of {@code basic}, {@code extended}, {@code all} (ORT's BASIC_OPT, EXTENDED_OPT, ALL_OPT)
 */
public record RunOptions(int threads, int warmupRuns, int timedRuns, String optLevel, boolean profile) {
    public RunOptions {
        if (threads < 1 || warmupRuns < 0 || timedRuns < 3) {
            throw new IllegalArgumentException("threads >= 1, warm-up >= 0 and at least 3 timed runs needed, got "
                    + threads + ", " + warmupRuns + ", " + timedRuns);
        }
        optLevel = optLevel.toLowerCase(Locale.ROOT);
        if (!optLevel.equals("basic") && !optLevel.equals("extended") && !optLevel.equals("all")) {
            throw new IllegalArgumentException("optimization level must be basic, extended or all, got " + optLevel);
        }
    }

    public static RunOptions defaults(int threads) {
        return new RunOptions(threads, 5, 20, "all", false);
    }

    public RunOptions withProfile(boolean on) {
        return new RunOptions(threads, warmupRuns, timedRuns, optLevel, on);
    }

    public RunOptions withRuns(int warmup, int timed) {
        return new RunOptions(threads, warmup, timed, optLevel, profile);
    }
}
