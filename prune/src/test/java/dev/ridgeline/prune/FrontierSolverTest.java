package dev.ridgeline.prune;

/** The planner's default solver, layer by layer over frontiers, against exhaustive enumeration. */
class FrontierSolverTest extends PlanSolverContract {
    @Override
    PlanSolver solver() {
        return new FrontierSolver();
    }
}
