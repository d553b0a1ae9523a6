package dev.ridgeline.prune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.core.graph.Node;
import dev.ridgeline.core.op.Conv2d;
import dev.ridgeline.prune.plan.PlanFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which channel scores a plan is made with (docs/plan-format.md, {@code objective} and {@code importance}): none
 * for a zoo model under a MACs objective, the CSV's own for {@code objective: importance}.
 */
class PlanScoresTest {
    @TempDir
    Path dir;

    @Test
    void aZooModelPrunedForMacsHasNoScores() {
        PlanFile request = PlanFiles.read(dir, "model: resnet18\nbudgets: {params: 50%}\n");
        assertEquals(Optional.empty(), PlanScores.of(request));
    }

    @Test
    void anImportanceObjectiveTakesTheCsvScoresChannelByChannel() throws Exception {
        PlanFile probe = PlanFiles.read(dir, "model: resnet18\nbudgets: {params: 50%}\n");
        StringBuilder csv = new StringBuilder("layer,channel,score\n");
        Node first = null;
        for (Node n : probe.model().nodes()) {
            if (n.op() instanceof Conv2d c) {
                first = first == null ? n : first;
                for (int i = 0; i < c.outChannels(); i++) {
                    csv.append(n.name()).append(',').append(i).append(',').append((i * 37) % c.outChannels())
                            .append('\n');
                }
            }
        }
        Files.writeString(dir.resolve("scores.csv"), csv.toString());
        PlanFile request = PlanFiles.read(dir, "model: resnet18\nbudgets: {params: 50%}\nobjective: importance\n"
                + "importance: scores.csv\n");
        Optional<ChannelScores> scores = PlanScores.of(request);
        assertTrue(scores.isPresent());
        double[] firstScores = scores.get().perLayer().get(first.name());
        int channels = ((Conv2d) first.op()).outChannels();
        assertEquals(channels, firstScores.length);
        // a layer's scores are normalised to sum 1; (i * 37) mod C over i < C is a permutation of 0..C-1 (37 is
        // prime to ResNet-18's widths, powers of 2), so they sum to C (C - 1) / 2
        double sum = channels * (channels - 1) / 2.0;
        for (int i = 0; i < channels; i++) {
            assertEquals((i * 37) % channels / sum, firstScores[i], 1e-12, "channel " + i);
        }
    }
}
