package dev.ridgeline.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** One in-process run of the command line: its exit code and what it printed. */
record Run(int exitCode, String out, String err) {

    /** Runs with Ridgeline's own error handling, as {@code java -jar ridgeline.jar} does. */
    static Run of(String... args) {
        return on(Main.commandLine(), args);
    }

    /** Runs on a bare {@code new CommandLine(new Main())}, without the handlers {@link Main#commandLine()} adds. */
    static Run bare(String... args) {
        return on(new CommandLine(new Main()), args);
    }

    private static Run on(CommandLine cmd, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        int code = cmd.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    /** Bad input: exit 2, one "ridgeline: error:" message, no exception names or stack frames. */
    Run assertCleanBadInput() {
        org.junit.jupiter.api.Assertions.assertEquals(2, exitCode, "exit code; stderr: " + err);
        org.junit.jupiter.api.Assertions.assertTrue(err.startsWith("ridgeline: error: "), err);
        org.junit.jupiter.api.Assertions.assertFalse(err.contains("Exception"), err);
        org.junit.jupiter.api.Assertions.assertFalse(err.contains("at dev."), err);
        org.junit.jupiter.api.Assertions.assertEquals("", out, "nothing on stdout");
        return this;
    }
}
