package dev.ridgeline.cli;


import dev.ridgeline.core.BadInputException;
import dev.ridgeline.hardware.device.DeviceProfile;
import dev.ridgeline.hardware.device.Devices;
import dev.ridgeline.measure.calibrate.Benchmarks;
import dev.ridgeline.measure.calibrate.Calibration;
import dev.ridgeline.measure.calibrate.CalibrationRecord;
import dev.ridgeline.measure.calibrate.Calibrator;
import dev.ridgeline.measure.runtime.OrtRuntime;
import dev.ridgeline.measure.runtime.RunOptions;
import dev.ridgeline.measure.validate.GenericCpu;
import dev.ridgeline.measure.validate.Validation;
import dev.ridgeline.store.folder.ResultFolder;
import dev.ridgeline.store.measure.CalibrationFiles;
import dev.ridgeline.store.measure.CalibrationReport;
import dev.ridgeline.report.measure.ValidationChart;
import dev.ridgeline.store.measure.ValidationFolder;
import dev.ridgeline.store.measure.ValidationReport;
import dev.ridgeline.search.job.Job;
import dev.ridgeline.search.job.JobReader;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What {@code hardware calibrate} and {@code hardware validate} do, apart from their options. */
final class CalibrationCommands {
    static final List<String> DEFAULT_JOBS = List.of("configs/jobs/mobilenet_v2_orin_nano.yaml",
            "configs/jobs/resnet18_t4.yaml");

    private CalibrationCommands() {
    }

    /** Random designs of the jobs' spaces the calibration adds, at a resolution validation does not use. */
    static final int CALIBRATION_DESIGNS = 8;
    static final int CALIBRATION_RESOLUTION = 160;

    static void calibrate(Path out, int threads, int runs, List<String> jobFiles, PrintWriter stdout,
                          PrintWriter stderr) {
        OrtRuntime.require();
        BadInputException.check(threads >= 1, "--threads must be at least 1, got %s", threads);
        BadInputException.check(runs >= 3, "--runs must be at least 3, got %s", runs);
        String file = out.getFileName().toString();
        BadInputException.check(file.endsWith(".yaml") || file.endsWith(".yml"),
                "--out %s: give a .yaml file name (the device file to write)", out);
        String id = file.replaceFirst("\\.ya?ml$", "");
        Path residuals = CalibrationFiles.residuals(out, id);
        List<dev.ridgeline.measure.calibrate.Benchmark> benchmarks = new ArrayList<>(Benchmarks.standard());
        List<dev.ridgeline.search.space.ResolvedSpace> spaces = new ArrayList<>();
        for (Job job : jobs(jobFiles)) {
            spaces.add(job.resolveSpace());
        }
        benchmarks.addAll(Benchmarks.designs(spaces, CALIBRATION_DESIGNS, 7, CALIBRATION_RESOLUTION));
        stderr.printf("calibrating on %d benchmarks with %d thread(s)...%n", benchmarks.size(), threads);
        stderr.flush();
        Calibration c = Calibrator.calibrate(benchmarks, RunOptions.defaults(threads).withRuns(3, runs), i -> {
            stderr.printf("  [%d/%d] %s%n", i + 1, benchmarks.size(), benchmarks.get(i).name());
            stderr.flush();
        });
        CalibrationFiles.write(out, id, c);
        Devices.resolve(out.toString()); // the file must read back as a device
        stdout.print(CalibrationReport.summary(c, out.toString(), residuals.toString()));
        stdout.flush();
    }

    static void validate(String deviceFile, int designs, List<String> jobFiles, long seed, String compare, int runs,
                         Path out, PrintWriter stdout, PrintWriter stderr) {
        OrtRuntime.require();
        BadInputException.check(designs >= 3, "--designs must be at least 3, got %s", designs);
        BadInputException.check(runs >= 3, "--runs must be at least 3, got %s", runs);
        Path path = Path.of(deviceFile);
        BadInputException.check(Files.isRegularFile(path), "%s: no such device file; write one with ridgeline"
                + " hardware calibrate --out %s", deviceFile, deviceFile);
        CalibrationRecord record = CalibrationRecord.read(path);
        DeviceProfile device = Devices.resolve(deviceFile);
        DeviceProfile comparison = compare == null ? GenericCpu.profile(record.threads()) : Devices.resolve(compare);
        List<Job> jobs = jobs(jobFiles);
        RunOptions options;
        try {
            options = new RunOptions(record.threads(), 3, runs, record.optLevel(), false);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(deviceFile + ": calibration: " + e.getMessage());
        }
        String name = device.id() + " (calibrated)";
        String other = comparison.id() + (compare == null ? " (uncalibrated)" : "");
        // --out is checked and locked before the measurements, which take long
        try (ResultFolder folder = out == null ? null : ValidationFolder.open(out)) {
            if (folder != null) {
                folder.notes().forEach(n -> stderr.println("ridgeline: " + n));
            }
            stderr.printf("measuring %d held-out designs with %d thread(s)...%n", designs, record.threads());
            stderr.flush();
            Validation.Result r = Validation.run(jobs, designs, seed, device, comparison, options, i -> {
                stderr.printf("  [%d/%d]%n", i + 1, designs);
                stderr.flush();
            });
            stdout.print(ValidationReport.summary(r, name, other));
            if (folder != null) {
                ValidationFolder.write(folder.staging(), r, name, other, ValidationChart.png(r, name, other));
                folder.commit();
                stdout.println("wrote " + out.resolve(ValidationFolder.CSV) + ", " + ValidationFolder.JSON + " and "
                        + ValidationFolder.PNG);
            }
        }
        stdout.flush();
    }

    private static List<Job> jobs(List<String> jobFiles) {
        List<Job> jobs = new ArrayList<>();
        for (String j : jobFiles) {
            BadInputException.check(Files.isRegularFile(Path.of(j)), "%s: no such job file; run from the project"
                    + " root or name the jobs with --jobs A.yaml,B.yaml", j);
            jobs.add(JobReader.read(Path.of(j)));
        }
        return jobs;
    }

}
