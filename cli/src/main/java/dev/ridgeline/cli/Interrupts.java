package dev.ridgeline.cli;

import java.io.PrintWriter;
import java.util.function.Supplier;

/**
 * What to run next when a long command is stopped with Ctrl-C: a shutdown hook that prints it (the JVM then
 * exits with 130, as a shell expects of SIGINT), removed again when the command ends on its own.
 */
final class Interrupts implements AutoCloseable {
    private final Thread hook;

    private Interrupts(Thread hook) {
        this.hook = hook;
    }

    static Interrupts onInterrupt(PrintWriter err, Supplier<String> message) {
        Thread hook = new Thread(() -> {
            err.println();
            err.println("ridgeline: interrupted; " + message.get());
            err.flush();
        }, "ridgeline-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        return new Interrupts(hook);
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run: nothing to undo
        }
    }
}
