package dev.ridgeline.search.pareto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.search.eval.Objective;
import dev.ridgeline.search.pareto.Offers.Offer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The archive against the definition of a Pareto front (an O(n²) brute force), on random streams in 2, 3
 * and 4 dimensions with mixed goals, ties, equal objective vectors and repeated points.
 */
class ParetoArchivePropertiesTest {

    @Property(tries = 600)
    void frontIsTheNonDominatedSetWithOneRepresentativePerObjectiveVector(
            @ForAll Random random,
            @ForAll @IntRange(min = 2, max = 4) int dimensions,
            @ForAll @IntRange(min = 1, max = 300) int designPoints,
            @ForAll @IntRange(min = 0, max = 600) int offers,
            @ForAll @IntRange(min = 0, max = 8) int valueRange,
            @ForAll boolean tradeOff) {
        List<Objective> objectives = Offers.objectives(random, dimensions);
        List<Offer> stream = Offers.random(random, objectives, designPoints, offers, valueRange, tradeOff);
        ParetoArchive archive = Offers.archive(objectives, stream);
        List<ParetoPoint> expected = Offers.bruteForce(objectives, stream);
        assertEquals(expected, archive.front(), () -> "objectives " + objectives);
        assertEquals(expected.size(), archive.size());
    }

    @Property(tries = 300)
    void frontDoesNotDependOnOfferOrder(
            @ForAll Random random,
            @ForAll @IntRange(min = 2, max = 4) int dimensions,
            @ForAll @IntRange(min = 1, max = 400) int designPoints,
            @ForAll @IntRange(min = 0, max = 800) int offers,
            @ForAll @IntRange(min = 0, max = 6) int valueRange,
            @ForAll boolean tradeOff) {
        List<Objective> objectives = Offers.objectives(random, dimensions);
        List<Offer> stream = Offers.random(random, objectives, designPoints, offers, valueRange, tradeOff);
        List<Offer> shuffled = new ArrayList<>(stream);
        Collections.shuffle(shuffled, random);
        assertEquals(Offers.archive(objectives, stream).front(), Offers.archive(objectives, shuffled).front());
    }

    @Property(tries = 300)
    void mergingShardsInAnyOrderGivesTheFrontOfOnePass(
            @ForAll Random random,
            @ForAll @IntRange(min = 2, max = 4) int dimensions,
            @ForAll @IntRange(min = 1, max = 400) int designPoints,
            @ForAll @IntRange(min = 0, max = 800) int offers,
            @ForAll @IntRange(min = 0, max = 6) int valueRange,
            @ForAll boolean tradeOff,
            @ForAll @IntRange(min = 1, max = 7) int shards) {
        List<Objective> objectives = Offers.objectives(random, dimensions);
        List<Offer> stream = Offers.random(random, objectives, designPoints, offers, valueRange, tradeOff);
        List<ParetoArchive> archives = new ArrayList<>();
        for (int s = 0; s < shards; s++) {
            archives.add(new ParetoArchive(objectives));
        }
        for (Offer o : stream) {
            archives.get(random.nextInt(shards)).offer(o.metrics(), o.choices());
        }
        while (archives.size() > 1) {
            ParetoArchive into = archives.get(random.nextInt(archives.size()));
            ParetoArchive from = archives.get(random.nextInt(archives.size()));
            if (into != from) {
                List<ParetoPoint> before = from.front();
                into.merge(from);
                assertEquals(before, from.front(), "merge leaves its argument unchanged");
                archives.remove(from);
            }
        }
        assertEquals(Offers.archive(objectives, stream).front(), archives.get(0).front());
    }

    @Property(tries = 200)
    void offerReportsWhetherThePointEnteredTheFront(
            @ForAll Random random,
            @ForAll @IntRange(min = 2, max = 4) int dimensions,
            @ForAll @IntRange(min = 1, max = 60) int designPoints,
            @ForAll @IntRange(min = 0, max = 120) int offers,
            @ForAll @IntRange(min = 0, max = 5) int valueRange) {
        List<Objective> objectives = Offers.objectives(random, dimensions);
        ParetoArchive archive = new ParetoArchive(objectives);
        for (Offer o : Offers.random(random, objectives, designPoints, offers, valueRange, random.nextBoolean())) {
            Set<ParetoPoint> before = new HashSet<>(archive.front());
            boolean entered = archive.offer(o.metrics(), o.choices());
            Set<ParetoPoint> after = new HashSet<>(archive.front());
            ParetoPoint p = o.point();
            if (entered) {
                assertTrue(!before.contains(p) && after.contains(p), () -> p + " reported as entering " + after);
                assertTrue(after.size() <= before.size() + 1);
            } else {
                assertEquals(before, after, "a rejected offer changes nothing");
            }
        }
    }
}
