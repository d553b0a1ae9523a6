package dev.ridgeline.search.job;

import dev.ridgeline.core.io.yaml.YamlMap;
import dev.ridgeline.core.io.yaml.YamlNode;
import java.util.Set;

/**
 * Reads a job's {@code strategy}: a name ({@code exhaustive}) or a map with its type and settings. Every
 * setting is checked here, at its line, with the range it allows.
 */
final class StrategyReader {
    private static final int DEFAULT_POPULATION = 100;
    private static final long DEFAULT_EVALUATIONS = 20_000;

    private StrategyReader() {
    }

    static StrategySpec read(YamlNode node) {
        String type;
        YamlMap f;
        if (node.isScalar()) {
            type = node.text("strategy");
            f = null;
        } else {
            f = node.asMap("strategy");
            type = f.require("type", "strategy (exhaustive, exact, random or evolutionary)").text("field 'type'");
        }
        String what = "the " + type + " strategy";
        return switch (type) {
            case "exhaustive" -> exhaustive(f, what);
            case "exact" -> exact(f, what);
            case "random" -> {
                if (f == null) {
                    throw node.error("the random strategy needs a count: strategy: {type: random, count: 10000, "
                            + "seed: 1}");
                }
                f.allowOnly(what, Set.of("type", "count", "seed"));
                long count = f.require("count", what).asLongIn(YamlMap.label(what, "count"), 1,
                        StrategySpec.MAX_SAMPLED_POINTS);
                yield new StrategySpec.Random(count, seed(f, what));
            }
            case "evolutionary" -> evolutionary(f, what);
            default -> throw (f == null ? node : f.require("type", "")).error(
                    "unknown strategy '%s'; strategies: exhaustive, exact, random, evolutionary", type);
        };
    }

    private static StrategySpec exhaustive(YamlMap f, String what) {
        if (f == null || !f.has("limit")) {
            return new StrategySpec.Exhaustive(StrategySpec.DEFAULT_EXHAUSTIVE_LIMIT);
        }
        f.allowOnly(what, Set.of("type", "limit"));
        YamlNode limit = f.require("limit", what);
        return new StrategySpec.Exhaustive(limit.asLongIn(YamlMap.label(what, "limit"), 1, Long.MAX_VALUE),
                limit.location());
    }

    /** Epsilon is a relative tolerance in [0, 1); maxFront 0 means no cap but memory. */
    private static StrategySpec exact(YamlMap f, String what) {
        if (f == null) {
            return new StrategySpec.Exact(0, 0);
        }
        f.allowOnly(what, Set.of("type", "epsilon", "maxFront", "timeLimit", "memoryLimit"));
        double epsilon = f.doubleOr("epsilon", what, 0);
        if (!(epsilon >= 0 && epsilon < 1)) {
            throw f.require("epsilon", what).error(
                    "%s is a relative tolerance in [0, 1) (0.01: within 1%%), got %s",
                    YamlMap.label(what, "epsilon"), epsilon);
        }
        long maxFront = f.get("maxFront")
                .map(n -> n.asLongIn(YamlMap.label(what, "maxFront"), 0, Long.MAX_VALUE))
                .orElse(0L);
        double timeLimit = f.get("timeLimit").map(n -> Limits.seconds(n, YamlMap.label(what, "timeLimit"))).orElse(0.0);
        long memoryLimit = f.get("memoryLimit").map(n -> Limits.bytes(n, YamlMap.label(what, "memoryLimit")))
                .orElse(0L);
        return new StrategySpec.Exact(epsilon, maxFront, timeLimit, memoryLimit);
    }

    /** NSGA-II pairs its parents, so the population is even and at least 4; it evaluates at least one generation. */
    private static StrategySpec evolutionary(YamlMap f, String what) {
        if (f == null) {
            return new StrategySpec.Evolutionary(DEFAULT_POPULATION, DEFAULT_EVALUATIONS, 1);
        }
        f.allowOnly(what, Set.of("type", "population", "evaluations", "seed"));
        int population = f.intInOr("population", what, DEFAULT_POPULATION, 4, 1_000_000);
        if (population % 2 != 0) {
            throw f.require("population", what).error("%s must be an even number (NSGA-II pairs its parents), got %d",
                    YamlMap.label(what, "population"), population);
        }
        long evaluations = Math.max(DEFAULT_EVALUATIONS, population);
        if (f.has("evaluations")) {
            YamlNode n = f.require("evaluations", what);
            evaluations = n.asLongIn(YamlMap.label(what, "evaluations"), 1, StrategySpec.MAX_SAMPLED_POINTS);
            if (evaluations < population) {
                throw n.error("%s must be at least the population, %d (one generation), got %d",
                        YamlMap.label(what, "evaluations"), population, evaluations);
            }
        }
        return new StrategySpec.Evolutionary(population, evaluations, seed(f, what));
    }

    private static long seed(YamlMap f, String what) {
        return f.get("seed").map(n -> n.asLongIn(YamlMap.label(what, "seed"), Long.MIN_VALUE, Long.MAX_VALUE))
                .orElse(1L);
    }
}
