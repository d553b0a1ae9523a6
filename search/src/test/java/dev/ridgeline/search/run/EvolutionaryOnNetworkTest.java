package dev.ridgeline.search.run;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.search.eval.Goal;
import dev.ridgeline.search.eval.Objective;
import dev.ridgeline.search.job.Job;
import dev.ridgeline.search.job.JobReader;
import dev.ridgeline.search.job.StrategySpec;
import dev.ridgeline.search.pareto.ParetoArchive;
import dev.ridgeline.search.pareto.ParetoPoint;
import dev.ridgeline.search.strategy.Shard;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** NSGA-II on a real network's space, against the exhaustive front of the same space. */
class EvolutionaryOnNetworkTest {
    /** The stated budget: 3,000 evaluations of a 15,552-point space (under a fifth of it). */
    static final long EVALUATIONS = 3_000;

    @Test
    void nsgaIiReaches95PercentOfTheExhaustiveHypervolumeOnResnet18() {
        Job exhaustive = JobReader.read(Path.of("configs/jobs/resnet18_t4.yaml"));
        Job evolutionary = exhaustive.withStrategy(new StrategySpec.Evolutionary(100, EVALUATIONS, 1));
        List<ParetoPoint> exact = SweepRunner.run(exhaustive, Shard.ALL, false, 2, p -> { }).front();
        SweepResult found = SweepRunner.run(evolutionary, Shard.ALL, false, 2, p -> { });
        assertTrue(found.evaluated() <= EVALUATIONS + 100, "evaluations " + found.evaluated());
        double[] reference = reference(exact, exhaustive.objectives());
        double best = ParetoArchive.hypervolume(exact, exhaustive.objectives(), reference);
        double reached = ParetoArchive.hypervolume(found.front(), exhaustive.objectives(), reference);
        assertTrue(reached >= 0.95 * best, "NSGA-II reached " + reached / best + " of the exhaustive hypervolume");
    }

    /** The exact front's worst value per objective, 10% of its range further out. */
    static double[] reference(List<ParetoPoint> front, List<Objective> objectives) {
        double[] ref = new double[objectives.size()];
        for (int o = 0; o < ref.length; o++) {
            Objective obj = objectives.get(o);
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (ParetoPoint p : front) {
                double v = p.metrics()[obj.metric().ordinal()];
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            double margin = 0.1 * (hi - lo);
            ref[o] = obj.goal() == Goal.MIN ? hi + margin : lo - margin;
        }
        return ref;
    }
}
