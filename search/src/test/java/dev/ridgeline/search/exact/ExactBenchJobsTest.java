package dev.ridgeline.search.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.search.eval.CompiledEvaluator;
import dev.ridgeline.search.eval.EvaluatorCompiler;
import dev.ridgeline.search.eval.Goal;
import dev.ridgeline.search.eval.Metric;
import dev.ridgeline.search.eval.Objective;
import dev.ridgeline.search.eval.ReferenceEvaluator;
import dev.ridgeline.search.job.Job;
import dev.ridgeline.search.job.JobReader;
import dev.ridgeline.search.pareto.ParetoArchive;
import dev.ridgeline.search.pareto.ParetoPoint;
import dev.ridgeline.search.space.ResolvedSpace;
import dev.ridgeline.search.space.SpaceBuilder;
import dev.ridgeline.search.strategy.Evolutionary;
import dev.ridgeline.search.strategy.PointFilter;
import dev.ridgeline.search.strategy.PointSink;
import dev.ridgeline.search.strategy.RandomSampling;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The exact strategy on the benchmark jobs of 10^22 and 10^31 points: every front point re-measured the
 * long way, and neither random sampling nor NSGA-II finds a point that dominates one. The sample and
 * evaluation counts default to a size fit for every build; the recorded run in README.md (Benchmarks) used
 * {@code -Dridgeline.exact.samples=10000000 -Dridgeline.exact.evaluations=20000}.
 */
class ExactBenchJobsTest {
    private static final long SAMPLES = Long.getLong("ridgeline.exact.samples", 200_000);
    private static final int EVALUATIONS = Integer.getInteger("ridgeline.exact.evaluations", 20_000);

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"configs/bench/resnet50_per_layer_exact.yaml",
        "configs/bench/mobilenet_v2_per_layer_exact.yaml"})
    void theExactFrontHoldsAgainstTheReferencePathSamplingAndNsgaII(String file) {
        Job job = JobReader.read(Path.of(file));
        ResolvedSpace space = SpaceBuilder.build(job.model(), job.space());
        CompiledEvaluator evaluator = EvaluatorCompiler.compile(space, job.setup());
        ExactFront exact = ExactSolver.withDefaults().solve(evaluator, job.objectives(), job.budgets());
        List<ParetoPoint> front = exact.front();
        assertTrue(front.size() > 100, file + ": " + front.size());

        ReferenceEvaluator reference = new ReferenceEvaluator(space, job.setup());
        double[] slow = new double[Metric.COUNT];
        for (ParetoPoint p : front) {
            reference.evaluate(p.choices(), slow);
            for (Metric m : new Metric[] {Metric.PARAMS, Metric.MACS, Metric.FLOPS, Metric.WEIGHT_BYTES,
                    Metric.PEAK_ACTIVATION_BYTES}) {
                assertEquals(slow[m.ordinal()], p.metric(m), 0.0, m.id());
            }
            double latency = slow[Metric.LATENCY_SECONDS.ordinal()];
            assertEquals(latency, p.metric(Metric.LATENCY_SECONDS), latency * 1e-12, "latency");
        }

        PointFilter budgets = m -> job.budgets().stream().allMatch(b -> b.allows(m));
        Seeded sampled = RandomSampling.of(SAMPLES, 11).withThreads(2)
                .run(evaluator, budgets, () -> new Seeded(job.objectives(), front), Seeded::merge).sink();
        assertEquals(front, sampled.archive.front(), file + ": a random point dominates the exact front");

        Seeded evolved = Evolutionary.withDefaults().withMaxEvaluations(EVALUATIONS).withSeed(3).withThreads(1)
                .run(evaluator, job.objectives(), budgets, new Seeded(job.objectives(), front)).sink();
        assertEquals(front, evolved.archive.front(), file + ": NSGA-II found a point dominating the exact front");

        double share = hypervolumeShare(evolved.found, front, job.objectives());
        assertTrue(share > 0 && share <= 1, "share " + share);
        System.out.printf(Locale.ROOT, "%s: %s points, exact front %d points in %.2f s (largest intermediate front %d,"
                        + " %d MB); %d random samples and %d NSGA-II evaluations dominate none of it; NSGA-II reaches "
                        + "%.2f%% of its hypervolume%n", file, space.space().size(), front.size(),
                exact.statistics().wallSeconds(), exact.statistics().largestFront(),
                exact.statistics().peakBytes() >> 20, SAMPLES, EVALUATIONS, 100 * share);
    }

    /** NSGA-II's own front's hypervolume over the exact front's, from the exact front's worst corner. */
    private static double hypervolumeShare(ParetoArchive found, List<ParetoPoint> exact, List<Objective> objectives) {
        double[] reference = new double[objectives.size()];
        for (int k = 0; k < reference.length; k++) {
            Objective o = objectives.get(k);
            // the reference takes metric values; the worst of the exact front, oriented back
            double worst = exact.stream().mapToDouble(p -> p.minimized(o)).max().orElseThrow();
            reference[k] = o.goal() == Goal.MIN ? worst : -worst;
        }
        return ParetoArchive.hypervolume(found.front(), objectives, reference)
                / ParetoArchive.hypervolume(exact, objectives, reference);
    }

    @Test
    void aFrontThatOutgrowsTheMemoryLimitStopsWithAMessage() {
        Job job = JobReader.read(Path.of("configs/bench/mobilenet_v2_per_layer_exact.yaml"));
        CompiledEvaluator evaluator = EvaluatorCompiler.compile(SpaceBuilder.build(job.model(), job.space()),
                job.setup());
        ExactLimitException e = assertThrows(ExactLimitException.class, () -> ExactSolver.withDefaults()
                .withMaxBytes(1 << 20).solve(evaluator, job.objectives(), job.budgets()));
        assertTrue(e.getMessage().contains("memory limit") && e.getMessage().contains("epsilon"), e.getMessage());
    }

    /** An archive that starts with the exact front, and a second one with only what the search found. */
    private static final class Seeded implements PointSink {
        final ParetoArchive archive;
        final ParetoArchive found;

        Seeded(List<Objective> objectives, List<ParetoPoint> front) {
            archive = new ParetoArchive(objectives);
            found = new ParetoArchive(objectives);
            front.forEach(p -> archive.offer(p.metrics(), p.choices()));
        }

        @Override
        public void accept(long index, int[] choices, double[] metrics) {
            archive.offer(metrics, choices);
            found.offer(metrics, choices);
        }

        static Seeded merge(Seeded a, Seeded b) {
            a.archive.merge(b.archive);
            a.found.merge(b.found);
            return a;
        }
    }
}
