package dev.ridgeline.measure.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a measurement was taken: the runtime and its settings, the CPU model (from /proc/cpuinfo), the frequency
 * governor (from sysfs; "unknown" where a container hides it), the cores the JVM sees, the OS and the JVM.
 */
public record Environment(String runtime, String runtimeVersion, String optLevel, int threads, String cpuModel,
                          String governor, int cores, String os, String java) {

    /** The environment of this process for runs with the given settings. */
    public static Environment detect(String runtimeVersion, String optLevel, int threads) {
        return new Environment("onnxruntime", runtimeVersion, optLevel, threads, readCpuModel(), readGovernor(),
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    }

    static String readCpuModel() {
        return read(Path.of("/proc/cpuinfo")).flatMap(text -> text.lines()
                .filter(l -> l.startsWith("model name") && l.contains(":"))
                .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst()).orElse("unknown");
    }

    static String readGovernor() {
        return read(Path.of("/sys/devices/system/cpu/cpu0/cpufreq/scaling_governor")).map(String::trim)
                .filter(s -> !s.isEmpty()).orElse("unknown (no cpufreq in sysfs)");
    }

    private static Optional<String> read(Path file) {
        try {
            return Files.isReadable(file) ? Optional.of(Files.readString(file)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
