package dev.ridgeline.measure.validate;

import dev.ridgeline.core.count.Convention;
import dev.ridgeline.core.count.Counter;
import dev.ridgeline.core.graph.Model;
import dev.ridgeline.core.shape.ShapeInference;
import dev.ridgeline.hardware.device.DeviceProfile;
import dev.ridgeline.hardware.device.Precision;
import dev.ridgeline.hardware.roofline.Roofline;
import dev.ridgeline.hardware.roofline.RooflineOptions;
import dev.ridgeline.measure.Measurement;
import dev.ridgeline.measure.Measurer;
import dev.ridgeline.measure.runtime.Environment;
import dev.ridgeline.measure.runtime.RunOptions;
import dev.ridgeline.search.apply.DesignApplier;
import dev.ridgeline.search.job.Job;
import dev.ridgeline.search.space.DesignSpace;
import dev.ridgeline.search.space.ResolvedSpace;
import dev.ridgeline.search.space.SpaceBuilder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;

/**
 * Validates a device profile on held-out designs: random points (seeded, distinct) of the jobs' design spaces,
 * taken in turn from each job, built as models, run in ONNX Runtime at batch 1 in FP32 and predicted by the
 * roofline with the profile (and with a comparison profile, e.g. an uncalibrated generic CPU). Predictions are
 * compared with each design's fastest run, as in calibration.
 */
public final class Validation {
    /** The validation's points, accuracies and environment. */
    public record Result(List<ValidationPoint> points, Accuracy accuracy, Accuracy compared, Environment environment) {
        /** The profile's accuracy against the medians instead of the fastest runs. */
        public Accuracy accuracyOnMedians() {
            return Accuracy.of(points.stream().mapToDouble(ValidationPoint::medianSeconds).toArray(),
                    points.stream().mapToDouble(ValidationPoint::predictedSeconds).toArray());
        }
    }

    private Validation() {
    }

    public static Result run(List<Job> jobs, int designs, long seed, DeviceProfile device, DeviceProfile comparison,
                             RunOptions options, IntConsumer progress) {
        List<ResolvedSpace> spaces = jobs.stream().map(j -> SpaceBuilder.build(j.model(), j.space())).toList();
        List<Set<String>> seen = new ArrayList<>();
        spaces.forEach(s -> seen.add(new HashSet<>()));
        SplittableRandom random = new SplittableRandom(seed);
        List<ValidationPoint> points = new ArrayList<>();
        Environment environment = null;
        for (int i = 0; i < designs; i++) {
            int j = i % jobs.size();
            DesignSpace space = spaces.get(j).space();
            int[] choices = new int[space.knobCount()];
            String key;
            int attempts = 0;
            do {
                for (int k = 0; k < choices.length; k++) {
                    choices[k] = random.nextInt(space.choices(k));
                }
                key = Arrays.toString(choices);
            } while (!seen.get(j).add(key) && ++attempts < 1000);
            Model model = new DesignApplier(spaces.get(j)).apply(choices);
            Measurement m = Measurer.measure(jobs.get(j).source() + " " + key, model, 1, options.withProfile(false));
            environment = m.environment();
            points.add(new ValidationPoint(jobs.get(j).source(), key, m.spread().minSeconds(),
                    m.spread().medianSeconds(), m.spread().relativeSpread(), predict(model, device),
                    predict(model, comparison)));
            progress.accept(i);
        }
        double[] measured = points.stream().mapToDouble(ValidationPoint::measuredSeconds).toArray();
        return new Result(points, Accuracy.of(measured, points.stream().mapToDouble(ValidationPoint::predictedSeconds)
                .toArray()), Accuracy.of(measured, points.stream().mapToDouble(ValidationPoint::comparedSeconds)
                .toArray()), environment);
    }

    /** The roofline latency of a model at batch 1 in FP32 on a device, with the device's fusion. */
    public static double predict(Model model, DeviceProfile device) {
        return Roofline.time(Counter.count(ShapeInference.infer(model, 1), Convention.MACS, Precision.FP32.bytes()),
                device, RooflineOptions.of(Precision.FP32)).totalSeconds();
    }
}
