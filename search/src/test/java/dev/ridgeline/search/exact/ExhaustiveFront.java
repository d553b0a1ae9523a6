package dev.ridgeline.search.exact;

import dev.ridgeline.search.eval.Objective;
import dev.ridgeline.search.eval.PointEvaluator;
import dev.ridgeline.search.job.Budget;
import dev.ridgeline.search.pareto.ParetoArchive;
import dev.ridgeline.search.pareto.ParetoPoint;
import dev.ridgeline.search.strategy.Exhaustive;
import dev.ridgeline.search.strategy.PointSink;
import dev.ridgeline.search.strategy.Shard;
import java.util.List;

/** The front the exhaustive strategy finds, for comparison with the exact solver's. */
final class ExhaustiveFront {
    private ExhaustiveFront() {
    }

    static List<ParetoPoint> of(PointEvaluator evaluator, List<Objective> objectives, List<Budget> budgets) {
        return Exhaustive.withDefaults().withThreads(2)
                .run(evaluator, m -> budgets.stream().allMatch(b -> b.allows(m)), Shard.ALL,
                        () -> new Sink(objectives), Sink::merge)
                .sink().archive.front();
    }

    private static final class Sink implements PointSink {
        final ParetoArchive archive;

        Sink(List<Objective> objectives) {
            archive = new ParetoArchive(objectives);
        }

        @Override
        public void accept(long index, int[] choices, double[] metrics) {
            archive.offer(metrics, choices);
        }

        static Sink merge(Sink a, Sink b) {
            a.archive.merge(b.archive);
            return a;
        }
    }
}
