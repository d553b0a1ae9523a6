package dev.ridgeline.cli;

import dev.ridgeline.core.BadInputException;
import dev.ridgeline.core.RidgelineException;
import dev.ridgeline.store.folder.WriteFailedException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Turns what a command throws into an exit code and a message on stderr: bad input (a
 * {@link BadInputException} or a count too large for 64 bits) exits 2 with "ridgeline: error:" and
 * the message, a write the disk refused ({@link WriteFailedException}) exits 1 with its one line, anything else
 * exits 1 with a one-line description; stack traces only with --debug.
 */
final class Failures {
    static final int OK = 0;
    static final int FAILURE = 1;
    static final int BAD_INPUT = 2;

    static final String PREFIX = "ridgeline: error: ";
    static final String DEBUG_HINT = "(run with --debug for the stack trace)";

    private Failures() {
    }

    /** What analyze tells a user whose counts overflow: the flags that make them. */
    static final String ANALYZE_OVERFLOW_HINT = "try a smaller --batch or --input";

    /** Runs a command body, reporting its failures to {@code err}. */
    static int guard(PrintWriter err, boolean debug, Callable<Integer> body) {
        return guard(err, debug, ANALYZE_OVERFLOW_HINT, body);
    }

    /**
     * As {@link #guard(PrintWriter, boolean, Callable)}; {@code overflowHint} says what to change when a
     * count does not fit in 64 bits ("try a smaller --batch or --input").
     */
    static int guard(PrintWriter err, boolean debug, String overflowHint, Callable<Integer> body) {
        try {
            return body.call();
        } catch (BadInputException e) {
            err.println(PREFIX + e.getMessage());
            trace(err, debug, e);
            return BAD_INPUT;
        } catch (ArithmeticException e) {
            if (!String.valueOf(e.getMessage()).contains("overflow")) {
                return internal(err, debug, e);
            }
            // Math.*Exact: the user asked for a model, input or batch too large to count in a long
            err.println(PREFIX + "a count does not fit in 64 bits (" + e.getMessage() + "); " + overflowHint);
            trace(err, debug, e);
            return BAD_INPUT;
        } catch (WriteFailedException e) {
            // a full disk or an I/O error: one line naming the disk and the file, the previous result kept
            err.println(PREFIX + e.getMessage());
            trace(err, debug, e);
            return FAILURE;
        } catch (Exception e) {
            return internal(err, debug, e);
        } finally {
            err.flush();
        }
    }

    /**
     * As {@link #guard(PrintWriter, boolean, Callable)} for a command: its stderr, and the stack traces of the
     * root command's --debug ({@code root} is null when the command runs on its own).
     */
    static int guard(CommandSpec spec, Main root, Callable<Integer> body) {
        return guard(spec, root, ANALYZE_OVERFLOW_HINT, body);
    }

    /** As {@link #guard(CommandSpec, Main, Callable)}, with the hint for a count too large for 64 bits. */
    static int guard(CommandSpec spec, Main root, String overflowHint, Callable<Integer> body) {
        return guard(spec.commandLine().getErr(), root != null && root.debug, overflowHint, body);
    }

    /** A command group run without one of its commands: the usage on stderr, as bad input. */
    static int missingSubcommand(CommandSpec spec, String what) {
        PrintWriter err = spec.commandLine().getErr();
        err.println(PREFIX + what + " is required");
        spec.commandLine().usage(err);
        return BAD_INPUT;
    }

    /** Reports a failure of Ridgeline itself. */
    static int internal(PrintWriter err, boolean debug, Throwable e) {
        err.println("ridgeline: internal error: " + describe(e));
        if (debug) {
            e.printStackTrace(err);
        } else {
            err.println(DEBUG_HINT);
        }
        err.flush();
        return FAILURE;
    }

    private static void trace(PrintWriter err, boolean debug, Throwable e) {
        if (debug) {
            e.printStackTrace(err);
        }
    }

    /** Our own exceptions speak for themselves; anything else also names its type. */
    private static String describe(Throwable e) {
        String message = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
        if (e instanceof RidgelineException) {
            return message;
        }
        return message.isEmpty() ? e.getClass().getName() : e.getClass().getSimpleName() + ": " + message;
    }
}
