package dev.ridgeline.prune;

import dev.ridgeline.prune.onnx.WeightScores;
import dev.ridgeline.prune.plan.PlanFile;
import java.nio.file.Path;
import java.util.Optional;

/** The channel importance a plan is made with: from its importance file or its ONNX weights. */
public final class PlanScores {
    private PlanScores() {
    }

    /** Importance scores when the objective needs them; for ONNX with weights always (they pick the kept channels). */
    public static Optional<ChannelScores> of(PlanFile request) {
        if (request.objective() != PlanFile.PruneObjective.IMPORTANCE) {
            return request.modelFile() == null ? Optional.empty()
                    : WeightScores.tryOnnx(Path.of(request.modelFile()), request.model());
        }
        if (request.importance() != null) {
            return Optional.of(ImportanceCsv.read(Path.of(request.importance()), request.model(),
                    request.where().get("importance")));
        }
        return Optional.of(WeightScores.fromOnnx(Path.of(request.modelFile()), request.model(),
                request.where().get("objective")));
    }
}
