package dev.ridgeline.search.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.core.BadInputException;
import dev.ridgeline.core.count.Convention;
import dev.ridgeline.core.graph.Model;
import dev.ridgeline.core.graph.Node;
import dev.ridgeline.core.zoo.Zoo;
import dev.ridgeline.hardware.device.Devices;
import dev.ridgeline.hardware.device.Precision;
import dev.ridgeline.search.eval.CompiledEvaluator;
import dev.ridgeline.search.eval.EvaluatorCompiler;
import dev.ridgeline.search.eval.Goal;
import dev.ridgeline.search.eval.MeasureSetup;
import dev.ridgeline.search.eval.Metric;
import dev.ridgeline.search.eval.Objective;
import dev.ridgeline.search.job.Budget;
import dev.ridgeline.search.pareto.ParetoPoint;
import dev.ridgeline.search.space.ResolvedSpace;
import dev.ridgeline.search.space.SpaceBuilder;
import dev.ridgeline.search.space.SpaceSpec;
import dev.ridgeline.search.space.SpaceSpec.Granularity;
import dev.ridgeline.search.space.SpaceSpec.Selector;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The exact solver against the exhaustive sweep on random spaces of the zoo models. */
class ExactSolverTest {
    private static final List<String> MODELS = List.of("resnet18", "mobilenet_v2", "vgg16", "googlenet", "alexnet",
            "mobilenet_v1", "resnet50", "inception3b");
    private static final List<String> DEVICES = List.of("t4", "jetson-orin-nano-8gb", "jetson-nano", "a100-sxm-80gb");
    /** The metrics these evaluators measure (they predict no accuracy: it is NaN here). */
    private static final Metric[] METRICS = java.util.Arrays.stream(Metric.values())
            .filter(m -> m != Metric.ACCURACY).toArray(Metric[]::new);

    /** A random space, objectives and budgets, drawn from a seed. */
    record Case(String model, CompiledEvaluator evaluator, List<Objective> objectives, List<Budget> budgets) {
    }

    static Case draw(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        while (true) {
            String name = MODELS.get(random.nextInt(MODELS.size()));
            Model model = Zoo.load(name);
            List<String> stages = stages(model);
            try {
                SpaceSpec spec = spec(random, stages);
                ResolvedSpace space = SpaceBuilder.build(model, spec);
                BigInteger size = space.space().size();
                if (size.compareTo(BigInteger.valueOf(1_000_000)) > 0 || size.compareTo(BigInteger.valueOf(1000)) < 0) {
                    continue;
                }
                MeasureSetup setup = new MeasureSetup(Convention.byId("macs").orElseThrow(), 1 + random.nextInt(2),
                        random.nextBoolean() ? Precision.byId("fp16").orElseThrow() : Precision.byId("fp32").orElseThrow(),
                        Devices.preset(DEVICES.get(random.nextInt(DEVICES.size()))));
                CompiledEvaluator evaluator = EvaluatorCompiler.compile(space, setup);
                return new Case(name, evaluator, objectives(random), budgets(random, evaluator));
            } catch (BadInputException e) {
                // a selection this model cannot take: draw again
            }
        }
    }

    private static List<String> stages(Model model) {
        LinkedHashSet<String> stages = new LinkedHashSet<>();
        for (Node n : model.nodes()) {
            stages.add(n.labels().isEmpty() ? n.name() : n.labels().get(0));
        }
        return new ArrayList<>(stages);
    }

    private static SpaceSpec spec(SplittableRandom random, List<String> stages) {
        Granularity per = random.nextInt(3) == 0 ? Granularity.LAYER : Granularity.STAGE;
        List<String> widthStages = pick(random, stages, 2 + random.nextInt(6));
        List<Double> multipliers = random.nextBoolean() ? List.of(0.5, 1.0) : List.of(0.25, 0.5, 0.75, 1.0);
        List<SpaceSpec.WidthSpec> widths = List.of(new SpaceSpec.WidthSpec(
                new Selector(widthStages, List.of(), per, "job.yaml:1:1"), multipliers, List.of(), 8));
        List<SpaceSpec.KernelSpec> kernels = random.nextBoolean() ? List.of() : List.of(new SpaceSpec.KernelSpec(
                new Selector(pick(random, stages, 1 + random.nextInt(2)), List.of(), Granularity.STAGE, "job.yaml:2:1"),
                List.of(3, 5)));
        List<SpaceSpec.SeparableSpec> separables = random.nextInt(3) != 0 ? List.of() : List.of(
                new SpaceSpec.SeparableSpec(new Selector(pick(random, stages, 1), List.of(), Granularity.STAGE,
                        "job.yaml:3:1"), List.of(false, true)));
        SpaceSpec.ResolutionSpec resolution = random.nextInt(4) != 0 ? null : new SpaceSpec.ResolutionSpec(
                List.of(new int[] {160, 160}, new int[] {224, 224}), "job.yaml:4:1");
        return new SpaceSpec(widths, kernels, separables, resolution);
    }

    private static List<String> pick(SplittableRandom random, List<String> from, int n) {
        List<String> picked = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String s = from.get(random.nextInt(from.size()));
            if (!picked.contains(s)) {
                picked.add(s);
            }
        }
        return picked;
    }

    /**
     * 2 to 4 objectives: a cost to lower (latency, peak memory or weight bytes) against capacity to raise
     * (MACs or params), and sometimes a third or fourth of either kind.
     */
    private static List<Objective> objectives(SplittableRandom random) {
        int count = 2 + random.nextInt(3);
        List<Metric> costs = new ArrayList<>(List.of(Metric.LATENCY_SECONDS, Metric.PEAK_ACTIVATION_BYTES,
                Metric.WEIGHT_BYTES));
        List<Metric> capacities = new ArrayList<>(List.of(Metric.MACS, Metric.PARAMS));
        List<Objective> objectives = new ArrayList<>();
        Metric cost = costs.remove(random.nextInt(costs.size()));
        objectives.add(new Objective(cost, Goal.MIN));
        if (cost == Metric.WEIGHT_BYTES) {
            // params against weight bytes is one metric twice: every point would tie
            capacities.remove(Metric.PARAMS);
        }
        objectives.add(new Objective(capacities.remove(random.nextInt(capacities.size())), Goal.MAX));
        while (objectives.size() < count) {
            if (!capacities.isEmpty() && random.nextBoolean()) {
                objectives.add(new Objective(capacities.remove(0), Goal.MAX));
            } else {
                Metric more = costs.remove(random.nextInt(costs.size()));
                if (more == Metric.WEIGHT_BYTES && objectives.stream().anyMatch(o -> o.metric() == Metric.PARAMS)) {
                    continue;
                }
                objectives.add(new Objective(more, Goal.MIN));
            }
        }
        return objectives;
    }

    /** Up to two budgets near the metrics of a random point (a max just above, a min just below). */
    private static List<Budget> budgets(SplittableRandom random, CompiledEvaluator evaluator) {
        int[] point = new int[evaluator.space().knobCount()];
        for (int k = 0; k < point.length; k++) {
            point[k] = random.nextInt(evaluator.space().choices(k));
        }
        double[] base = new double[Metric.COUNT];
        evaluator.evaluate(point, base);
        List<Budget> budgets = new ArrayList<>();
        int count = random.nextInt(3);
        for (int i = 0; i < count; i++) {
            Metric m = METRICS[random.nextInt(METRICS.length)];
            double v = base[m.ordinal()];
            boolean max = random.nextInt(4) != 0;
            budgets.add(max ? new Budget(m, v * (1 + 0.3 * random.nextDouble()), Double.NaN)
                    : new Budget(m, Double.NaN, v * (0.7 + 0.3 * random.nextDouble())));
        }
        return budgets;
    }

    @ParameterizedTest(name = "random space {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25,
        26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53,
        54, 55, 56, 57, 58, 59, 60})
    void exactFrontEqualsTheExhaustiveFrontVectorForVector(long seed) {
        Case c = draw(seed);
        List<ParetoPoint> expected = ExhaustiveFront.of(c.evaluator(), c.objectives(), c.budgets());
        ExactFront exact = ExactSolver.withDefaults().solve(c.evaluator(), c.objectives(), c.budgets());
        String what = c.model() + " " + c.evaluator().space().size() + " points, " + c.objectives() + " " + c.budgets();
        assertEquals(expected.size(), exact.front().size(), what);
        assertEquals(expected, exact.front(), what);
        assertTrue(exact.statistics().eliminations() > 0 || c.evaluator().space().knobCount() == 0, what);
    }

    @ParameterizedTest(name = "random space {0}")
    @ValueSource(longs = {101, 102, 103, 104, 105, 106, 107, 108})
    void withEpsilonEveryExactFrontPointLiesWithinOnePlusEpsilonOfAReturnedOne(long seed) {
        Case c = draw(seed);
        double epsilon = 0.05;
        List<ParetoPoint> exact = ExactSolver.withDefaults().solve(c.evaluator(), c.objectives(), c.budgets()).front();
        ExactFront approximate = ExactSolver.withDefaults().withEpsilon(epsilon)
                .solve(c.evaluator(), c.objectives(), c.budgets());
        assertEquals(epsilon, approximate.statistics().epsilon());
        assertTrue(approximate.front().size() <= exact.size(), approximate.front().size() + " > " + exact.size());
        double[] metrics = new double[Metric.COUNT];
        for (ParetoPoint q : approximate.front()) {
            c.evaluator().evaluate(q.choices(), metrics);
            assertTrue(java.util.Arrays.equals(metrics, q.metrics()), () -> "metrics of " + q);
            assertTrue(c.budgets().stream().allMatch(b -> b.allows(q.metrics())));
        }
        for (ParetoPoint p : exact) {
            boolean covered = approximate.front().stream().anyMatch(q -> c.objectives().stream().allMatch(o ->
                    o.goal() == Goal.MIN ? q.metric(o.metric()) <= p.metric(o.metric()) * (1 + epsilon)
                            : q.metric(o.metric()) * (1 + epsilon) >= p.metric(o.metric())));
            assertTrue(covered, () -> "no returned point within 1 + epsilon of " + p);
        }
    }
}
