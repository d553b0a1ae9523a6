package dev.ridgeline.prune;

import dev.ridgeline.prune.plan.PlanFile;
import dev.ridgeline.prune.plan.PlanFile.Change;
import dev.ridgeline.search.eval.EvaluatorCompiler;
import dev.ridgeline.search.job.Budget;
import dev.ridgeline.search.space.ResolvedSpace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;

/**
 * Models small enough to derive every figure of a plan by hand, written as model files for a test.
 *
 * <p>{@link #CHAIN}: conv a (3 to A channels, 3x3, padding 1, no bias) on 8 x 8, conv b (A to B, 1x1, no bias),
 * global pool, flatten, fc (B to 10, no bias; {@link #chain(int, int, int)}: to F). Parameters 27 A + A B + 10 B; MACs 64 (27 A + A B) + 10 B. A and B
 * are channel groups of their own; fc's output is the model's, fixed.
 *
 * <p>{@link #SYMMETRIC}: the same on a 10 x 1 x 1 input with 1x1 convs: parameters = MACs = 10 A + A B + 10 B,
 * symmetric in A and B.
 */
final class TinyPlans {
    static final String CHAIN = "name: chain\ninput: [3, 8, 8]\nlayers:\n"
            + "  - conv: {name: a, out: %d, kernel: 3, padding: 1, bias: false}\n"
            + "  - relu: {name: ra}\n"
            + "  - conv: {name: b, out: %d, kernel: 1, bias: false}\n"
            + "  - relu: {name: rb}\n"
            + "  - global_avgpool: {name: gap}\n"
            + "  - flatten: {name: flat}\n"
            + "  - linear: {name: fc, out: %d, bias: false}\n";

    static final String SYMMETRIC = "name: symmetric\ninput: [10, 1, 1]\nlayers:\n"
            + "  - conv: {name: a, out: 16, kernel: 1, bias: false}\n"
            + "  - conv: {name: b, out: 16, kernel: 1, bias: false}\n"
            + "  - flatten: {name: flat}\n"
            + "  - linear: {name: fc, out: 10, bias: false}\n";

    private TinyPlans() {
    }

    /** Writes the model as model.yaml and a plan.yaml naming it with the given further lines; reads the plan. */
    static PlanFile plan(Path dir, String model, String planLines) {
        try {
            Files.writeString(dir.resolve("model.yaml"), model);
            Path plan = dir.resolve("plan.yaml");
            Files.writeString(plan, "model: model.yaml\n" + planLines);
            return dev.ridgeline.prune.plan.PlanReader.read(plan);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String chain(int a, int b) {
        return chain(a, b, 10);
    }

    /** The chain with fc's outputs F (10 above): parameters 27 A + A B + F B, MACs 64 (27 A + A B) + F B. */
    static String chain(int a, int b, int f) {
        return String.format(java.util.Locale.ROOT, CHAIN, a, b, f);
    }

    /** The plan's channel space with the given budgets and score. */
    static PlanProblem problem(PlanFile plan, List<Budget> budgets, Score score) {
        ResolvedSpace space = PruneSpace.build(plan, EnumSet.of(Change.CHANNELS));
        return new PlanProblem(space, EvaluatorCompiler.compile(space, plan.setup()), budgets, score);
    }
}
