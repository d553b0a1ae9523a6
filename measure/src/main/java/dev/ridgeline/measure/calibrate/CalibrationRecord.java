package dev.ridgeline.measure.calibrate;

import dev.ridgeline.core.io.yaml.YamlMap;
import dev.ridgeline.core.io.yaml.YamlNode;
import java.nio.file.Path;

/**
 * What {@code validate} needs from a calibrated device file's {@code calibration} section: the threads and
 * optimization level the profile was fitted at. A file without the section (a datasheet preset, a hand-written
 * profile) is refused with what to do.
 */
public record CalibrationRecord(int threads, String optLevel, String runtimeVersion) {
    public static CalibrationRecord read(Path file) {
        YamlMap top = YamlNode.parse(file).asMap("a device profile");
        if (!top.has("calibration")) {
            throw top.node().error("%s has no 'calibration' section: validate checks a profile fitted on this"
                    + " machine; write one with ridgeline hardware calibrate --out %s (it measures for a few"
                    + " minutes), then validate that file", file, file);
        }
        YamlMap c = top.require("calibration", "a device profile").asMap("calibration");
        int threads = c.require("threads", "calibration (the intra-op threads it was fitted with)")
                .asInt("field 'threads' of calibration");
        if (threads < 1) {
            throw c.require("threads", "calibration").error("field 'threads' of calibration must be at least 1, got %s",
                    threads);
        }
        String opt = c.require("optLevel", "calibration (ORT's optimization level)").text("field 'optLevel'");
        String version = c.require("runtimeVersion", "calibration").text("field 'runtimeVersion'");
        return new CalibrationRecord(threads, opt, version);
    }
}
