package dev.ridgeline.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/** What the listing commands (hardware list and show, zoo list) share: a rendered text printed to stdout. */
final class Listings {
    private Listings() {
    }

    /** Renders the text and prints it, failures reported as every command's are. */
    static int print(CommandSpec spec, Main root, Callable<String> render) {
        return Failures.guard(spec, root, () -> {
            String text = render.call();
            PrintWriter out = spec.commandLine().getOut();
            out.print(text);
            out.flush();
            return Failures.OK;
        });
    }
}
