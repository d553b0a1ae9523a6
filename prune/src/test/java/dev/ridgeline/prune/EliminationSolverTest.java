package dev.ridgeline.prune;

/** The exact strategy's eliminator (ExactSolver.maximize) as a plan solver, against exhaustive enumeration. */
class EliminationSolverTest extends PlanSolverContract {
    @Override
    PlanSolver solver() {
        return new EliminationSolver();
    }
}
