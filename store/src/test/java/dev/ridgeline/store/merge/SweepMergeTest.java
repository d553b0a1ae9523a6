package dev.ridgeline.store.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ridgeline.core.BadInputException;
import dev.ridgeline.store.format.Json;
import dev.ridgeline.store.sweep.ParetoCsv;
import dev.ridgeline.store.sweep.SummaryJson;
import dev.ridgeline.search.eval.Metric;
import dev.ridgeline.search.job.Job;
import dev.ridgeline.search.job.JobReader;
import dev.ridgeline.search.pareto.ParetoArchive;
import dev.ridgeline.search.run.RecordedPoints;
import dev.ridgeline.search.run.SweepResult;
import dev.ridgeline.search.run.SweepRunner;
import dev.ridgeline.search.strategy.Shard;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterProperty;
import org.junit.jupiter.api.Test;

/**
 * Merging sweep outputs: any partition of a sweep's points into shard outputs, merged in any order and
 * grouping, gives the output of the whole; merging an output with itself changes nothing.
 */
class SweepMergeTest {
    /** ResNet-18 on a T4: 15,552 points, three objectives, every point recorded once for all tries. */
    private static SweepResult whole;

    /** Swept on first use, not in a static initializer, whose lambda the sweep's workers could not call. */
    private static synchronized SweepResult whole() {
        if (whole == null) {
            Job job = JobReader.read(Path.of("configs/jobs/resnet18_t4.yaml"));
            whole = SweepRunner.run(job, Shard.ALL, true, 2, p -> { });
        }
        return whole;
    }

    private final List<Path> temps = new ArrayList<>();

    @AfterProperty
    void cleanUp() throws IOException {
        for (Path t : temps) {
            dev.ridgeline.store.batch.JobFolders.delete(t);
        }
        temps.clear();
    }

    @Property(tries = 25)
    void anyPartitionMergedInAnyGroupingGivesTheWholeFront(@ForAll @IntRange(min = 1, max = 6) int parts,
                                                           @ForAll long seed) throws IOException {
        Random random = new Random(seed);
        List<Path> shards = partition(parts, random);
        Path merged = mergeInRandomTree(new ArrayList<>(shards), random);
        assertEquals(csv(whole()), Files.readString(merged.resolve("pareto.csv")));
        ObjectNode summary = (ObjectNode) Json.read(merged.resolve("summary.json"), "summary");
        assertEquals(whole().evaluated(), summary.get("pointsEvaluated").asLong());
        assertEquals(whole().feasible(), summary.get("feasiblePoints").asLong());
        assertEquals(whole().front().size(), summary.get("frontSize").asInt());
        assertEquals("all", summary.get("shard").asText());
        // idempotent: a result merged with itself is itself
        Path again = write(SweepMerge.merge(List.of(merged, merged)));
        assertEquals(Files.readString(merged.resolve("pareto.csv")), Files.readString(again.resolve("pareto.csv")));
        assertEquals(Files.readString(merged.resolve("summary.json")), Files.readString(again.resolve("summary.json")));
        // and with one of its parts
        Path withPart = write(SweepMerge.merge(List.of(merged, shards.get(random.nextInt(parts)))));
        assertEquals(Files.readString(merged.resolve("summary.json")),
                Files.readString(withPart.resolve("summary.json")));
    }

    @Test
    void outputsOfDifferentJobsAreRefused() throws IOException {
        List<Path> shards = partition(2, new Random(1));
        Path summary = shards.get(1).resolve("summary.json");
        Files.writeString(summary, Files.readString(summary).replace(whole().job().sha256(), "0".repeat(64)));
        BadInputException e = assertThrows(BadInputException.class, () -> SweepMerge.merge(shards));
        assertTrue(e.getMessage().contains("an output of another job"), e.getMessage());
        cleanUp();
    }

    @Test
    void aDamagedSummaryNamesTheFile() throws IOException {
        List<Path> shards = partition(2, new Random(2));
        Files.writeString(shards.get(0).resolve("summary.json"), "{\"spaceSize\": 3,");
        BadInputException e = assertThrows(BadInputException.class, () -> SweepMerge.merge(shards));
        assertTrue(e.getMessage().startsWith(shards.get(0).resolve("summary.json") + ": damaged JSON"),
                e.getMessage());
        cleanUp();
    }

    /** Writes one shard output per part of a random partition of the whole sweep's points. */
    private List<Path> partition(int parts, Random random) throws IOException {
        RecordedPoints all = whole().points().orElseThrow();
        List<ParetoArchive> archives = new ArrayList<>();
        long[] evaluated = new long[parts];
        long[] feasible = new long[parts];
        for (int p = 0; p < parts; p++) {
            archives.add(new ParetoArchive(whole().job().objectives()));
        }
        int knobs = all.knobs();
        for (int i = 0; i < all.size(); i++) {
            int p = random.nextInt(parts);
            evaluated[p]++;
            if (all.feasible()[i]) {
                feasible[p]++;
                int[] choices = Arrays.copyOfRange(all.choices(), i * knobs, (i + 1) * knobs);
                double[] metrics = Arrays.copyOfRange(all.metrics(), i * Metric.COUNT, (i + 1) * Metric.COUNT);
                archives.get(p).offer(metrics, choices);
            }
        }
        List<Path> dirs = new ArrayList<>();
        for (int p = 0; p < parts; p++) {
            SweepResult r = new SweepResult(whole().job(), whole().space(), new Shard(p, parts), evaluated[p],
                    feasible[p], archives.get(p).front(), 1.0, Optional.empty(), Optional.empty(), whole().strategy(),
                    whole().baseMetrics());
            Path dir = temp();
            Files.writeString(dir.resolve("pareto.csv"), csv(r));
            StringWriter w = new StringWriter();
            SummaryJson.write(r, "test", w);
            Files.writeString(dir.resolve("summary.json"), w.toString());
            dirs.add(dir);
        }
        return dirs;
    }

    private Path mergeInRandomTree(List<Path> outputs, Random random) throws IOException {
        while (outputs.size() > 1) {
            java.util.Collections.shuffle(outputs, random);
            int take = 2 + random.nextInt(outputs.size() - 1);
            List<Path> group = new ArrayList<>(outputs.subList(0, take));
            outputs.subList(0, take).clear();
            outputs.add(write(SweepMerge.merge(group)));
        }
        return outputs.get(0);
    }

    private Path write(SweepMerge.Merged m) throws IOException {
        Path dir = temp();
        Files.writeString(dir.resolve("pareto.csv"), m.paretoCsv());
        StringWriter w = new StringWriter();
        SummaryJson.write(m.summary(), w);
        Files.writeString(dir.resolve("summary.json"), w.toString());
        return dir;
    }

    private Path temp() throws IOException {
        Path dir = Files.createTempDirectory("merge");
        temps.add(dir);
        return dir;
    }

    private static String csv(SweepResult r) {
        StringWriter w = new StringWriter();
        ParetoCsv.write(r, w);
        return w.toString();
    }
}
