package dev.ridgeline.search.pareto;

import dev.ridgeline.search.eval.Goal;
import dev.ridgeline.search.eval.Metric;
import dev.ridgeline.search.eval.Objective;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** Random streams of evaluated points and the O(n²) front they should produce. */
final class Offers {
    private Offers() {
    }

    /** One offer: a point's metrics and choices (the same choices always come with the same metrics). */
    record Offer(double[] metrics, int[] choices) {
        ParetoPoint point() {
            return new ParetoPoint(metrics, choices);
        }
    }

    /** {@code count} objectives on distinct random metrics with random goals. */
    static List<Objective> objectives(Random random, int count) {
        List<Metric> metrics = new ArrayList<>(List.of(Metric.values()));
        Collections.shuffle(metrics, random);
        List<Objective> objectives = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            objectives.add(new Objective(metrics.get(k), random.nextBoolean() ? Goal.MIN : Goal.MAX));
        }
        return objectives;
    }

    /**
     * {@code offers} draws with replacement from {@code designPoints} distinct points, so exact duplicates
     * recur. Values are integers below {@code valueRange} (many ties and equal objective vectors with
     * different choices) or, for a range of 0, doubles in [0, 1). With {@code tradeOff} the objectives of
     * a point sum to about a constant, which makes most points Pareto-optimal.
     */
    static List<Offer> random(Random random, List<Objective> objectives, int designPoints, int offers,
                              int valueRange, boolean tradeOff) {
        List<Offer> pool = new ArrayList<>();
        Set<List<Integer>> seenChoices = new HashSet<>();
        while (pool.size() < designPoints) {
            int[] choices = {random.nextInt(4), random.nextInt(4), random.nextInt(4), random.nextInt(4), random.nextInt(8)};
            if (!seenChoices.add(Arrays.stream(choices).boxed().toList())) {
                continue;
            }
            double[] metrics = new double[Metric.COUNT];
            for (int m = 0; m < Metric.COUNT; m++) {
                metrics[m] = value(random, valueRange);
            }
            if (tradeOff) {
                Objective last = objectives.get(objectives.size() - 1);
                double sum = 0;
                for (Objective o : objectives.subList(0, objectives.size() - 1)) {
                    sum += o.minimized(metrics);
                }
                double spread = valueRange == 0 ? 1 : valueRange - 1;
                double oriented = (objectives.size() - 1) * spread - sum + (random.nextInt(3) - 1) * (valueRange == 0 ? 0.05 : 1);
                metrics[last.metric().ordinal()] = last.goal() == Goal.MIN ? oriented : -oriented;
            }
            pool.add(new Offer(metrics, choices));
        }
        List<Offer> stream = new ArrayList<>();
        for (int i = 0; i < offers; i++) {
            stream.add(pool.get(random.nextInt(pool.size())));
        }
        return stream;
    }

    private static double value(Random random, int valueRange) {
        return valueRange == 0 ? random.nextDouble() : random.nextInt(valueRange);
    }

    static ParetoArchive archive(List<Objective> objectives, List<Offer> offers) {
        ParetoArchive archive = new ParetoArchive(objectives);
        for (Offer o : offers) {
            archive.offer(o.metrics(), o.choices());
        }
        return archive;
    }

    /**
     * The front by definition: every offer that no other offer dominates, and that no other offer with equal
     * objective values precedes (smaller choices, or equal choices offered earlier); sorted like
     * {@link ParetoArchive#front()}.
     */
    static List<ParetoPoint> bruteForce(List<Objective> objectives, List<Offer> offers) {
        List<ParetoPoint> front = new ArrayList<>();
        for (int i = 0; i < offers.size(); i++) {
            Offer p = offers.get(i);
            boolean kept = true;
            for (int j = 0; j < offers.size() && kept; j++) {
                Offer q = offers.get(j);
                boolean noWorse = true;
                boolean better = false;
                for (Objective o : objectives) {
                    double a = o.minimized(q.metrics());
                    double b = o.minimized(p.metrics());
                    noWorse &= a <= b;
                    better |= a < b;
                }
                if (noWorse && better) {
                    kept = false;
                } else if (noWorse && j != i) {
                    int byChoices = Arrays.compare(q.choices(), p.choices());
                    kept = byChoices > 0 || (byChoices == 0 && j > i);
                }
            }
            if (kept) {
                front.add(p.point());
            }
        }
        front.sort((a, b) -> {
            for (Objective o : objectives) {
                double x = a.minimized(o);
                double y = b.minimized(o);
                if (x != y) {
                    return x < y ? -1 : 1;
                }
            }
            return Arrays.compare(a.choices(), b.choices());
        });
        return front;
    }
}
