package dev.ridgeline.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * A command whose body runs under {@link Failures#guard(CommandSpec, Main, String, Callable)}: its failures
 * become an exit code and a message on its stderr, with stack traces only under the root command's --debug.
 */
abstract class GuardedCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** The root command, null when the command runs on its own. */
    @ParentCommand
    Main root;

    @Override
    public final Integer call() {
        return Failures.guard(spec, root, overflowHint(), this::run);
    }

    /** What a user whose counts do not fit in 64 bits should change. */
    String overflowHint() {
        return Failures.ANALYZE_OVERFLOW_HINT;
    }

    /** The command's work; its exit code. */
    abstract int run() throws Exception;
}
