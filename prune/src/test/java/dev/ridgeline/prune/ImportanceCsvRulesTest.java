package dev.ridgeline.prune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.core.BadInputException;
import dev.ridgeline.core.graph.Model;
import dev.ridgeline.prune.plan.PlanFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/plan-format.md's importance CSV: one row per output channel of each scored conv, transposed conv or linear
 * layer, each layer's scores normalised to sum 1; every mistake names csv:line:column and the field.
 */
class ImportanceCsvRulesTest {
    @TempDir
    Path dir;

    /** conv a (3 to 4), transposed conv t (4 to 6), relu r, pool, fc (6 to 5). */
    private static final String MODEL = "name: mixed\ninput: [3, 8, 8]\nlayers:\n"
            + "  - conv: {name: a, out: 4, kernel: 3, padding: 1}\n"
            + "  - conv_transpose: {name: t, out: 6, kernel: 2, stride: 2}\n"
            + "  - relu: {name: r}\n"
            + "  - global_avgpool: {name: gap}\n"
            + "  - flatten: {name: flat}\n"
            + "  - linear: {name: fc, out: 5}\n";

    private Model model() {
        PlanFile p = TinyPlans.plan(dir, MODEL, "budgets: {params: 50%}\n");
        return p.model();
    }

    private Path csv(String text) throws IOException {
        return Files.writeString(dir.resolve("scores.csv"), text);
    }

    private String refusal(String text) throws IOException {
        Model m = model();
        Path file = csv(text);
        BadInputException e = assertThrows(BadInputException.class, () -> ImportanceCsv.read(file, m, "plan.yaml:4:13"));
        assertTrue(e.getMessage().startsWith(file + ":"), e.getMessage());
        return "scores.csv" + e.getMessage().substring(file.toString().length());
    }

    @Test
    void convTransposedConvAndLinearRowsAreReadAndNormalisedPerLayer() throws IOException {
        Model m = model();
        StringBuilder text = new StringBuilder("layer, channel, score\n");
        for (int i = 0; i < 6; i++) {
            text.append("t,").append(i).append(',').append(i + 1).append('\n');
        }
        text.append('\n');
        for (int i = 4; i >= 0; i--) {
            text.append("fc , ").append(i).append(" , ").append(i == 2 ? 3 : 0).append('\n');
        }
        ChannelScores s = ImportanceCsv.read(csv(text.toString()), m, "plan.yaml:4:13");
        // t: 1 + 2 + ... + 6 = 21; fc: a single score of 3
        assertArrayEquals(new double[] {1 / 21.0, 2 / 21.0, 3 / 21.0, 4 / 21.0, 5 / 21.0, 6 / 21.0},
                s.perLayer().get("t"), 1e-15);
        assertArrayEquals(new double[] {0, 0, 1, 0, 0}, s.perLayer().get("fc"));
        assertEquals(2, s.perLayer().size());
        assertEquals(dir.resolve("scores.csv").toString(), s.source());
    }

    @Test
    void eachMistakeIsNamedAtItsLineAndColumn() throws IOException {
        assertEquals("scores.csv:1:1: field 'header': the first line must be layer,channel,score",
                refusal("layer,score\n"));
        assertEquals("scores.csv:1:1: field 'header': the first line must be layer,channel,score", refusal(""));
        assertEquals("scores.csv:2:1: the CSV has no rows", refusal("layer,channel,score\n\n"));
        assertEquals("scores.csv:4:1: a row needs 3 cells (layer,channel,score), got 2",
                refusal("layer,channel,score\na,0,1\n\na,1\n"));
        assertEquals("scores.csv:2:1: field 'layer': mixed has no layer 'zz'", refusal("layer,channel,score\nzz,0,1\n"));
        assertEquals("scores.csv:2:1: field 'layer': 'r' is a relu; scores belong to conv and linear layers",
                refusal("layer,channel,score\nr,0,1\n"));
        assertEquals("scores.csv:2:4: field 'channel': not a whole number: 'x'", refusal("layer,channel,score\nfc,x,1\n"));
        assertEquals("scores.csv:2:3: field 'channel': a has channels 0 to 3, got 4", refusal("layer,channel,score\na,4,1\n"));
        assertEquals("scores.csv:2:3: field 'channel': a has channels 0 to 3, got -1",
                refusal("layer,channel,score\na,-1,1\n"));
        assertEquals("scores.csv:2:8: field 'score': not a number: 'x'", refusal("layer,channel,score\nfc, 3 ,x\n"));
        assertEquals("scores.csv:2:5: field 'score': must be a finite number >= 0, got -1",
                refusal("layer,channel,score\na,0,-1\n"));
        assertEquals("scores.csv:2:5: field 'score': must be a finite number >= 0, got Infinity",
                refusal("layer,channel,score\na,0,Infinity\n"));
        assertEquals("scores.csv:3:3: field 'channel': channel 0 of a appears twice",
                refusal("layer,channel,score\na,0,1\na,0,2\n"));
        assertEquals("scores.csv:3:1: field 'channel': a has 4 output channels, the CSV scores 3 of them",
                refusal("layer,channel,score\nt,0,1\na,0,1\na,1,1\na,3,1\nt,1,1\nt,2,1\nt,3,1\nt,4,1\nt,5,1\n"));
    }

    @Test
    void aCsvThatCannotBeReadIsNamedWhereThePlanNamesIt() {
        Model m = model();
        BadInputException e = assertThrows(BadInputException.class, () -> ImportanceCsv.read(dir, m, "plan.yaml:4:13"));
        assertTrue(e.getMessage().startsWith("plan.yaml:4:13: field 'importance': cannot read " + dir + ": "),
                e.getMessage());
    }
}
