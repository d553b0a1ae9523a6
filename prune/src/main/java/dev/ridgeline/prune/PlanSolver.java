package dev.ridgeline.prune;

import java.util.Optional;

/**
 * Finds the point of a plan space with the highest score among those within every budget, exactly; empty
 * when none is. The planner depends on this seam only, so any exact solver (the {@code exact} strategy's
 * among them) can serve it.
 */
public interface PlanSolver {
    Optional<Solution> solve(PlanProblem problem);

    /** A short name for provenance ("elimination", "exhaustive"). */
    String id();
}
