package dev.ridgeline.search.strategy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.uma.jmetal.algorithm.multiobjective.nsgaii.NSGAII;
import org.uma.jmetal.operator.crossover.CrossoverOperator;
import org.uma.jmetal.operator.selection.SelectionOperator;
import org.uma.jmetal.solution.integersolution.IntegerSolution;
import org.uma.jmetal.util.comparator.dominanceComparator.impl.DominanceWithConstraintsComparator;

/**
 * jMetal's NSGA-II with constrained dominance, which spends its evaluations on new points: a child that
 * repeats a point already evaluated in this run is moved one knob at a time, up to {@value #TRIES} times,
 * until it is new. On small discrete spaces plain NSGA-II re-evaluates the same points over and over
 * (5 to 8 evaluations per distinct point on the 15,625-point test space) and its population fills with
 * copies. Remembers every evaluated point, one boxed key each.
 */
final class DistinctNsgaII extends NSGAII<IntegerSolution> {
    private static final long serialVersionUID = 1L;
    static final int TRIES = 32;

    private final KnobProblem problem;
    private final KnobOperators.KnobMutation mutation;
    private final Set<Object> seen = new HashSet<>();

    DistinctNsgaII(KnobProblem problem, int maxEvaluations, int populationSize,
            CrossoverOperator<IntegerSolution> crossover, KnobOperators.KnobMutation mutation,
            SelectionOperator<List<IntegerSolution>, IntegerSolution> selection, PopulationEvaluator evaluator) {
        super(problem, maxEvaluations, populationSize, populationSize, populationSize, crossover, mutation,
                selection, new DominanceWithConstraintsComparator<>(), evaluator);
        this.problem = problem;
        this.mutation = mutation;
    }

    @Override
    protected List<IntegerSolution> createInitialPopulation() {
        List<IntegerSolution> population = super.createInitialPopulation();
        population.forEach(this::makeNew);
        return population;
    }

    @Override
    protected List<IntegerSolution> reproduction(List<IntegerSolution> matingPool) {
        List<IntegerSolution> offspring = super.reproduction(matingPool);
        offspring.forEach(this::makeNew);
        return offspring;
    }

    private void makeNew(IntegerSolution s) {
        for (int tries = 0; tries < TRIES && !seen.add(problem.key(s)); tries++) {
            mutation.perturb(s);
        }
    }
}
