package dev.ridgeline.search.strategy;

import dev.ridgeline.search.eval.Metric;
import dev.ridgeline.search.eval.Objective;
import dev.ridgeline.search.eval.PointEvaluator;
import dev.ridgeline.search.space.DesignSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.uma.jmetal.problem.integerproblem.IntegerProblem;
import org.uma.jmetal.solution.integersolution.IntegerSolution;
import org.uma.jmetal.solution.integersolution.impl.DefaultIntegerSolution;
import org.uma.jmetal.util.bounds.Bounds;

/**
 * A design space as a jMetal integer problem: one variable per knob with bounds [0, choices - 1], the
 * objectives oriented for minimization, and one constraint, minus the filter's violation (jMetal counts
 * a negative constraint value as violated). Each solution keeps its metrics as an attribute.
 */
final class KnobProblem implements IntegerProblem {
    private static final long serialVersionUID = 1L;
    private static final String METRICS = "ridgeline.metrics";
    private static final String FEASIBLE = "ridgeline.feasible";

    private final DesignSpace space;
    private final PointEvaluator evaluator;
    private final List<Objective> objectives;
    private final PointFilter filter;
    private final SplittableRandom random;
    private final List<Bounds<Integer>> bounds;
    private final DefaultIntegerSolution prototype;

    KnobProblem(PointEvaluator evaluator, List<Objective> objectives, PointFilter filter, SplittableRandom random) {
        this.space = evaluator.space();
        this.evaluator = evaluator;
        this.objectives = List.copyOf(objectives);
        this.filter = filter;
        this.random = random;
        List<Bounds<Integer>> b = new ArrayList<>(space.knobCount());
        for (int k = 0; k < space.knobCount(); k++) {
            b.add(Bounds.create(0, space.choices(k) - 1));
        }
        this.bounds = List.copyOf(b);
        this.prototype = new DefaultIntegerSolution(bounds, objectives.size(), 1);
    }

    DesignSpace space() {
        return space;
    }

    @Override
    public List<Bounds<Integer>> variableBounds() {
        return bounds;
    }

    @Override
    public int numberOfVariables() {
        return bounds.size();
    }

    @Override
    public int numberOfObjectives() {
        return objectives.size();
    }

    @Override
    public int numberOfConstraints() {
        return 1;
    }

    @Override
    public String name() {
        return "ridgeline design space";
    }

    /** A uniformly random point, drawn from this run's seeded generator. */
    @Override
    public IntegerSolution createSolution() {
        DefaultIntegerSolution s = prototype.copy();
        for (int k = 0; k < bounds.size(); k++) {
            s.variables().set(k, random.nextInt(space.choices(k)));
        }
        return s;
    }

    @Override
    public IntegerSolution evaluate(IntegerSolution solution) {
        evaluate(solution, new int[bounds.size()]);
        return solution;
    }

    /** Evaluates with a caller's choices buffer; safe to call from many threads on distinct solutions. */
    void evaluate(IntegerSolution solution, int[] choices) {
        choices(solution, choices);
        double[] metrics = new double[Metric.COUNT];
        evaluator.evaluate(choices, metrics);
        for (int j = 0; j < objectives.size(); j++) {
            solution.objectives()[j] = objectives.get(j).minimized(metrics);
        }
        boolean feasible = filter.feasible(metrics);
        double violation = feasible ? 0.0 : filter.violation(metrics);
        if (!feasible && !(violation > 0)) {
            violation = 1.0;
        }
        solution.constraints()[0] = -violation;
        solution.attributes().put(METRICS, metrics);
        solution.attributes().put(FEASIBLE, feasible);
    }

    /** A key equal for equal points: the index where the space is indexable, else the choices. */
    Object key(IntegerSolution solution) {
        if (space.indexable()) {
            int[] choices = new int[bounds.size()];
            choices(solution, choices);
            return space.encode(choices);
        }
        return List.copyOf(solution.variables());
    }

    static void choices(IntegerSolution solution, int[] out) {
        for (int k = 0; k < out.length; k++) {
            out[k] = solution.variables().get(k);
        }
    }

    static double[] metrics(IntegerSolution solution) {
        return (double[]) solution.attributes().get(METRICS);
    }

    static boolean feasible(IntegerSolution solution) {
        return Boolean.TRUE.equals(solution.attributes().get(FEASIBLE));
    }
}
