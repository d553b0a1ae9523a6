package dev.ridgeline.cli;

import dev.ridgeline.hardware.device.DeviceProfile;
import dev.ridgeline.hardware.device.Devices;
import dev.ridgeline.report.hardware.DeviceListTable;
import dev.ridgeline.report.hardware.DeviceSheet;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ridgeline hardware list|show NAME|FILE}: the device presets and every figure of one device. */
@Command(name = "hardware",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Device profiles for latency estimates: the bundled presets, or your own .yaml file.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  ridgeline hardware list",
            "  ridgeline hardware show h100-sxm",
            "  ridgeline hardware show my-board.yaml",
            "  ridgeline analyze resnet50 --hardware h100-sxm --precision fp16"})
final class HardwareCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    Main root;

    /** Without a subcommand: the usage, as bad input. */
    @Override
    public Integer call() {
        return Failures.missingSubcommand(spec, "a hardware command");
    }

    @Command(name = "list",
            mixinStandardHelpOptions = true,
            description = "List the device presets: id, name, class, precisions, bandwidth and memory.",
            footerHeading = "%nExample:%n",
            footer = "  ridgeline hardware list")
    int list() {
        return guarded(() -> {
            List<DeviceProfile> devices = Devices.presetIds().stream().map(Devices::preset).toList();
            print(DeviceListTable.render(devices));
            return Failures.OK;
        });
    }

    @Command(name = "show",
            mixinStandardHelpOptions = true,
            description = "Show every figure of a device with its status and source: peaks per precision and"
                    + " engine, ridge points, bandwidth, memory, on-chip buffer, efficiencies and overhead.",
            footerHeading = "%nExamples:%n",
            footer = {"  ridgeline hardware show h100-sxm", "  ridgeline hardware show configs/hardware/h100-sxm.yaml"})
    int show(@Parameters(paramLabel = "NAME|FILE", description = "A preset id or a device .yaml file.")
             String device) {
        return guarded(() -> {
            print(DeviceSheet.render(Devices.resolve(device)));
            return Failures.OK;
        });
    }

    private int guarded(Callable<Integer> body) {
        return Failures.guard(spec.commandLine().getErr(), root != null && root.debug, body);
    }

    private void print(String text) {
        PrintWriter out = spec.commandLine().getOut();
        out.print(text);
        out.flush();
    }
}
