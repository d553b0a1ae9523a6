package dev.ridgeline.cli;

import dev.ridgeline.store.folder.ResultFolder;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code ridgeline} command: a thin layer over core, hardware and report. Exit codes: 0 success, 1 a
 * failure of Ridgeline itself, 2 bad input (with a message and no stack trace).
 */
@Command(name = "ridgeline",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = {"Exact complexity of convolutional networks: params, MACs, FLOPs and memory of every layer.",
            "It also estimates their roofline latency on a device and sweeps design spaces for the Pareto front"
                + " under budgets."},
        subcommands = {AnalyzeCommand.class, SweepCommand.class, ExportCommand.class, PruneCommand.class,
            ReportCommand.class, BatchCommand.class, MergeCommand.class, MeasureCommand.class, ZooCommand.class,
            HardwareCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {
            "  ridgeline zoo list",
            "  ridgeline analyze resnet50",
            "  ridgeline analyze resnet50 --convention pytorch --format json",
            "  ridgeline analyze my_net.yaml --input 3x160x160 --batch 8 --out my_net.txt",
            "  ridgeline hardware list",
            "  ridgeline analyze mobilenet_v2 --hardware h100-sxm --precision fp16",
            "  ridgeline sweep configs/jobs/mobilenet_v2_orin_nano.yaml --out runs/mnv2 --report runs/mnv2",
            "  ridgeline export configs/jobs/mobilenet_v2_orin_nano.yaml --row 1 --from runs/mnv2 --out mnv2.yaml",
            "  ridgeline report runs/mnv2 --out review/mnv2",
            "  ridgeline prune configs/plans/resnet18_t4.yaml --out runs/r18-plan",
            "  ridgeline batch configs/batch/design-review.yaml --out runs/review",
            "",
            "Exit codes: 0 success, 1 a batch job failed (or an internal failure), 2 bad input."})
public final class Main implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "Print stack traces of failures.")
    boolean debug;

    public static void main(String[] args) {
        // charts are drawn off-screen, on machines without a display
        System.setProperty("java.awt.headless", "true");
        // Ctrl-C (SIGINT) mid-write: the folders keep their previous result; the next run tidies the staging
        Runtime.getRuntime().addShutdownHook(new Thread(() -> ResultFolder.uncommitted().forEach(out ->
                System.err.println("ridgeline: interrupted; " + out + " keeps its previous result"))));
        System.exit(commandLine().execute(args));
    }

    /** The command line with Ridgeline's error handling: "ridgeline: error: ..." and exit code 2 for bad arguments. */
    public static CommandLine commandLine() {
        CommandLine cmd = new CommandLine(new Main());
        cmd.setParameterExceptionHandler(Main::badArguments);
        cmd.setExecutionExceptionHandler((e, commandLine, parseResult) ->
                Failures.internal(commandLine.getErr(), debugRequested(commandLine), e));
        return cmd;
    }

    /** Without a command: the usage on stderr, as bad input. */
    @Override
    public Integer call() {
        return Failures.missingSubcommand(spec, "a command");
    }

    private static int badArguments(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        if (e instanceof UnmatchedArgumentException u && !cmd.getSubcommands().isEmpty() && !u.getUnmatched().isEmpty()
                && !u.getUnmatched().get(0).startsWith("-")) {
            // a word where a command belongs: say which commands there are
            err.println(Failures.PREFIX + "unknown command '" + u.getUnmatched().get(0) + "'; commands: "
                    + String.join(", ", cmd.getSubcommands().keySet()));
        } else {
            err.println(Failures.PREFIX + e.getMessage());
        }
        UnmatchedArgumentException.printSuggestions(e, err);
        err.println("see '" + cmd.getCommandSpec().qualifiedName() + " --help'");
        err.flush();
        return Failures.BAD_INPUT;
    }

    private static boolean debugRequested(CommandLine cmd) {
        CommandLine root = cmd;
        while (root.getParent() != null) {
            root = root.getParent();
        }
        return root.getCommand() instanceof Main main && main.debug;
    }
}
