package dev.ridgeline.prune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.core.graph.Node;
import dev.ridgeline.core.op.Conv2d;
import dev.ridgeline.prune.plan.PlanFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A user's own channel scores: each cut group keeps the channels the CSV scores highest. */
class ImportanceCsvTest {
    @TempDir
    Path dir;

    @Test
    void eachCutGroupKeepsTheChannelsTheCsvScoresHighest() throws Exception {
        PlanFile probe = PlanFiles.read(dir, "model: resnet18\nbudgets: {params: 50%}\n");
        StringBuilder csv = new StringBuilder("layer,channel,score\n");
        for (Node n : probe.model().nodes()) {
            if (n.op() instanceof Conv2d c) {
                // channel i of every conv scores (i * 37) mod C: a known, scattered order
                for (int i = 0; i < c.outChannels(); i++) {
                    csv.append(n.name()).append(',').append(i).append(',').append((i * 37) % c.outChannels())
                            .append('\n');
                }
            }
        }
        Files.writeString(dir.resolve("scores.csv"), csv.toString());
        PlanFile request = PlanFiles.read(dir, "model: resnet18\nhardware: t4\nprecision: fp16\nper: stage\n"
                + "budgets: {latencySeconds: 70%}\nobjective: importance\nimportance: scores.csv\n");
        ChannelScores scores = ImportanceCsv.read(Path.of(request.importance()), request.model(), "plan.yaml:1:1");
        PrunePlan p = new Planner(new EliminationSolver()).plan(request, Optional.of(scores));
        assertTrue(p.feasible());
        int checked = 0;
        for (PlanChanges.GroupChange g : PlanChanges.of(p).groups()) {
            if (g.width() == g.baseWidth()) {
                continue;
            }
            int c = g.baseWidth();
            // every member scores channel i as (i * 37) mod C, so the top w are those with the largest such value
            int[] expected = IntStream.range(0, c).boxed().sorted((a, b) -> Integer.compare((b * 37) % c, (a * 37) % c))
                    .limit(g.width()).mapToInt(Integer::intValue).sorted().toArray();
            assertArrayEquals(expected, g.kept(), String.join(",", g.layers()));
            checked++;
        }
        assertTrue(checked > 0, "the plan cuts some group");
        assertTrue(p.baselines().stream().filter(PrunePlan.Baseline::feasible).allMatch(b -> p.score() >= b.score()));
    }
}
