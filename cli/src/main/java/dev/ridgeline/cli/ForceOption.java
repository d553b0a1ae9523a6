package dev.ridgeline.cli;

import picocli.CommandLine.Option;

/**
 * The --force of prune and report, which write their result folders through the store: without it, an --out
 * folder holding files Ridgeline did not write is refused; with it, those files are kept beside the result.
 */
final class ForceOption {
    @Option(names = "--force",
            description = "Write into an --out folder that holds files ridgeline did not write (they are kept).")
    boolean force;
}
