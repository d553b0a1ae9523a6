package dev.ridgeline.store.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ridgeline.core.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Merging sweep outputs written by hand, small enough to derive every merged field by hand (docs/sweep-format.md's
 * merge: "the exact front of the union of their points, the counts of the shards they cover"; README's
 * {@code --shard} then {@code merge}); {@link SweepMergeTest} checks the same rules against a real sweep.
 *
 * <p>The space is one knob {@code k} with labels a, b, c, d; the objectives minimize params, then macs. Shard 1/2
 * holds the front a (10, 80) and c (30, 50); shard 2/2 holds b (20, 40) and d (40, 10). The union's front is a, b,
 * d (b dominates c: 20 <= 30 and 40 <= 50), in order of params.
 */
class SweepMergeRulesTest {
    private static final String HEADER = "params,macs,flops,latencySeconds,peakActivationBytes,weightBytes,k";
    private static final String STRATEGY = "exhaustive: shard %s, indices [%d, %d) of 4, %d threads, 64-point chunks";

    /** A front point: its choice of k, params and macs; flops are 2 macs, weight bytes 4 params. */
    private record Pt(int choice, long params, long macs) {
        String label() {
            return String.valueOf((char) ('a' + choice));
        }

        String csv() {
            return params + "," + macs + "," + 2 * macs + ",,1," + 4 * params + "," + label();
        }

        String json(String extra) {
            return "{\"choices\": [" + choice + "], \"metrics\": {\"params\": " + params + ", \"macs\": " + macs
                    + ", \"flops\": " + 2 * macs + ", \"latencySeconds\": null, \"peakActivationBytes\": 1, "
                    + "\"weightBytes\": " + 4 * params + "}" + extra + "}";
        }
    }

    private static final Pt A = new Pt(0, 10, 80);
    private static final Pt B = new Pt(1, 20, 40);
    private static final Pt C = new Pt(2, 30, 50);
    private static final Pt D = new Pt(3, 40, 10);

    /** The text of a summary.json: {@code extra} is added as further fields (",\"closest\": ..."). */
    private static String summary(String shard, long evaluated, long feasible, double wall, String strategy,
                                  List<Pt> front, String extra) {
        return "{\"spaceSize\": 4, \"pointsEvaluated\": " + evaluated + ", \"feasiblePoints\": " + feasible
                + ", \"frontSize\": " + front.size() + ", \"wallSeconds\": " + wall
                + ", \"objectives\": [{\"metric\": \"params\", \"goal\": \"min\"}, {\"metric\": \"macs\", \"goal\": \"min\"}]"
                + ", \"jobHash\": \"j1\", \"space\": {\"k\": [\"a\", \"b\", \"c\", \"d\"]}, \"shard\": \"" + shard + "\""
                + ", \"strategy\": \"" + strategy + "\", \"modelSha256\": \"m1\", \"deviceSha256\": \"d1\""
                + ", \"hardware\": \"t4\", \"precision\": \"fp16\", \"convention\": \"macs\", \"batch\": 1"
                + ", \"feasible\": " + (feasible > 0) + extra
                + ", \"front\": [" + front.stream().map(p -> p.json("")).collect(Collectors.joining(", ")) + "]}";
    }

    private static String csv(List<Pt> front) {
        return HEADER + "\n" + front.stream().map(p -> p.csv() + "\n").collect(Collectors.joining());
    }

    private static Path output(Path dir, String name, String summary, String csv) throws IOException {
        Path out = Files.createDirectories(dir.resolve(name));
        Files.writeString(out.resolve("summary.json"), summary);
        Files.writeString(out.resolve("pareto.csv"), csv);
        return out;
    }

    private static Path half(Path dir, int i, String extra) throws IOException {
        List<Pt> front = i == 1 ? List.of(A, C) : List.of(B, D);
        String shard = i + "/2";
        String strategy = String.format(STRATEGY, shard, i == 1 ? 0 : 2, i == 1 ? 2 : 4, i == 1 ? 2 : 3);
        return output(dir, "half" + i, summary(shard, i == 1 ? 3 : 5, 2, i == 1 ? 1.5 : 0.5, strategy, front, extra),
                csv(front));
    }

    private static Path write(Path dir, String name, SweepMerge.Merged m) throws IOException {
        Path out = Files.createDirectories(dir.resolve(name));
        Files.writeString(out.resolve("pareto.csv"), m.paretoCsv());
        Files.writeString(out.resolve("summary.json"), m.summary().toString());
        return out;
    }

    /** Where a message places a value: file:1:column, the column (from 1) just after {@code before} in the file. */
    private static String at(Path file, String before) throws IOException {
        String text = Files.readString(file);
        assertTrue(text.indexOf(before) >= 0, before);
        return file + ":1:" + (text.indexOf(before) + before.length() + 1);
    }

    private static List<Integer> choices(JsonNode front) {
        java.util.ArrayList<Integer> out = new java.util.ArrayList<>();
        front.forEach(row -> out.add(row.path("choices").get(0).asInt()));
        return out;
    }

    @Test
    void twoHalvesGiveTheFrontOfTheUnionTheSummedCountsAndTheWholeRunsStrategy(@TempDir Path dir) throws IOException {
        // given in reverse order: the lowest shard (1/2, 2 threads) gives the shared fields all the same
        SweepMerge.Merged m = SweepMerge.merge(List.of(half(dir, 2, ""), half(dir, 1, "")));
        assertEquals(csv(List.of(A, B, D)), m.paretoCsv());
        ObjectNode s = m.summary();
        assertEquals(8, s.get("pointsEvaluated").asLong());
        assertEquals(4, s.get("feasiblePoints").asLong());
        assertEquals(3, s.get("frontSize").asInt());
        assertEquals(2.0, s.get("wallSeconds").asDouble(), 0.0);
        assertEquals(4.0, s.get("pointsPerSecond").asDouble(), 0.0); // 8 points in 2 s
        assertEquals("all", s.get("shard").asText());
        assertEquals("exhaustive: shard 1/1, indices [0, 4) of 4, 2 threads, 64-point chunks", s.get("strategy").asText());
        assertTrue(s.get("feasible").asBoolean());
        assertFalse(s.has("closest"));
        assertEquals(List.of(0, 1, 3), choices(s.get("front")));
        assertEquals(80, s.get("front").get(0).path("metrics").path("macs").asLong());
        assertEquals("[{\"shard\":\"1/2\",\"pointsEvaluated\":3,\"feasiblePoints\":2,\"wallSeconds\":1.5},"
                + "{\"shard\":\"2/2\",\"pointsEvaluated\":5,\"feasiblePoints\":2,\"wallSeconds\":0.5}]",
                s.get("shards").toString());
    }

    @Test
    void aRunOfNoTimeHasNoRateAndOneOutputMergedAloneKeepsNoShardList(@TempDir Path dir) throws IOException {
        Path all = output(dir, "all", summary("all", 4, 4, 0.0, "random: 4 samples", List.of(A, B, D), ""),
                csv(List.of(A, B, D)));
        SweepMerge.Merged m = SweepMerge.merge(List.of(all));
        assertEquals(0.0, m.summary().get("pointsPerSecond").asDouble(), 0.0);
        assertEquals("all", m.summary().get("shard").asText());
        assertEquals("random: 4 samples", m.summary().get("strategy").asText()); // no shard range to rewrite
        assertFalse(m.summary().has("shards"));
        assertEquals(csv(List.of(A, B, D)), m.paretoCsv());
    }

    @Test
    void aPartialMergeListsItsShardsAndMergesOnToTheWhole(@TempDir Path dir) throws IOException {
        Path[] thirds = new Path[3];
        List<List<Pt>> fronts = List.of(List.of(A), List.of(C), List.of(B, D));
        int[][] ranges = {{0, 1}, {1, 2}, {2, 4}};
        for (int i = 0; i < 3; i++) {
            String shard = (i + 1) + "/3";
            thirds[i] = output(dir, "third" + i, summary(shard, 2, fronts.get(i).size(), 1.0, String.format(STRATEGY, shard, ranges[i][0],
                    ranges[i][1], 2), fronts.get(i), ""), csv(fronts.get(i)));
        }
        SweepMerge.Merged partial = SweepMerge.merge(List.of(thirds[2], thirds[0]));
        assertEquals("1/3,3/3", partial.summary().get("shard").asText());
        assertEquals("exhaustive: shards 1/3,3/3 of 4 indices, 2 threads, 64-point chunks",
                partial.summary().get("strategy").asText());
        assertEquals(List.of(0, 1, 3), choices(partial.summary().get("front")));
        assertEquals(2, partial.summary().get("shards").size());

        SweepMerge.Merged whole = SweepMerge.merge(List.of(write(dir, "partial", partial), thirds[1]));
        assertEquals("all", whole.summary().get("shard").asText());
        assertEquals("exhaustive: shard 1/1, indices [0, 4) of 4, 2 threads, 64-point chunks",
                whole.summary().get("strategy").asText());
        assertEquals(6, whole.summary().get("pointsEvaluated").asLong());
        assertEquals(4, whole.summary().get("feasiblePoints").asLong());
        assertEquals(List.of("1/3", "2/3", "3/3"), whole.summary().get("shards").findValuesAsText("shard"));
        assertEquals(csv(List.of(A, B, D)), whole.paretoCsv());
        // merging the whole again with a part it holds changes nothing
        SweepMerge.Merged again = SweepMerge.merge(List.of(write(dir, "whole", whole), thirds[2]));
        assertEquals(whole.summary().toString(), again.summary().toString());
    }

    private static String closest(String label, String... excesses) {
        return ", \"closest\": {\"note\": \"n\", \"choices\": {\"k\": \"" + label + "\"}, \"misses\": ["
                + java.util.Arrays.stream(excesses).map(e -> "{\"metric\": \"params\", \"excess\": " + e + "}")
                        .collect(Collectors.joining(", ")) + "]}";
    }

    private static Path infeasible(Path dir, int i, String closest) throws IOException {
        String shard = i + "/2";
        return output(dir, "none" + i + closest.hashCode(), summary(shard, 2, 0, 1.0, "random", List.of(), closest),
                csv(List.of()));
    }

    @Test
    void withNoFeasiblePointTheClosestIsTheSmallestSummedExcessTiesToTheSmallerChoice(@TempDir Path dir)
            throws IOException {
        // c: 0.25 + 0.125 = 0.375, b: 0.375, a tie the smaller choice (b) wins whatever the order
        SweepMerge.Merged tie = SweepMerge.merge(List.of(infeasible(dir, 1, closest("c", "0.25", "0.125")),
                infeasible(dir, 2, closest("b", "0.375"))));
        assertFalse(tie.summary().get("feasible").asBoolean());
        assertEquals("b", tie.summary().path("closest").path("choices").path("k").asText());
        SweepMerge.Merged tie2 = SweepMerge.merge(List.of(infeasible(dir, 2, closest("b", "0.375")),
                infeasible(dir, 1, closest("c", "0.25", "0.125"))));
        assertEquals("b", tie2.summary().path("closest").path("choices").path("k").asText());
        // d's 0.25 is below a's 0.5, though a is the smaller choice and comes first
        SweepMerge.Merged less = SweepMerge.merge(List.of(infeasible(dir, 1, closest("a", "0.5")),
                infeasible(dir, 2, closest("d", "0.25"))));
        assertEquals("d", less.summary().path("closest").path("choices").path("k").asText());
        assertEquals(HEADER + "\n", less.paretoCsv());
        assertEquals(0, less.summary().get("frontSize").asInt());
    }

    @Test
    void aFeasiblePointInAnyShardDropsTheClosest(@TempDir Path dir) throws IOException {
        SweepMerge.Merged m = SweepMerge.merge(List.of(infeasible(dir, 1, closest("a", "0.5")), half(dir, 2, "")));
        assertTrue(m.summary().get("feasible").asBoolean());
        assertFalse(m.summary().has("closest"));
        assertEquals(List.of(1, 3), choices(m.summary().get("front")));
    }

    @Test
    void theMergedFrontsExtrapolatedRowsAreRenumbered(@TempDir Path dir) throws IOException {
        String accuracy = ", \"accuracy\": {\"predictor\": \"p\", \"extrapolatedFrontRows\": [9]}";
        List<Pt> front1 = List.of(A, C);
        List<Pt> front2 = List.of(B, D);
        // a and d inside the measured range, b and c outside
        Path one = output(dir, "one", summary("1/2", 2, 2, 1.0, "random", front1, accuracy)
                .replace(A.json(""), A.json(", \"extrapolated\": false"))
                .replace(C.json(""), C.json(", \"extrapolated\": true")), csv(front1));
        Path two = output(dir, "two", summary("2/2", 2, 2, 1.0, "random", front2, accuracy)
                .replace(B.json(""), B.json(", \"extrapolated\": true"))
                .replace(D.json(""), D.json(", \"extrapolated\": false")), csv(front2));
        SweepMerge.Merged m = SweepMerge.merge(List.of(one, two));
        assertEquals("[2]", m.summary().path("accuracy").path("extrapolatedFrontRows").toString());
        assertEquals("p", m.summary().path("accuracy").path("predictor").asText());
    }

    /** Shard 1/2's summary or pareto.csv, edited: each edit is refused with a message naming the field or line. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "\"jobHash\": \"j1\"           | \"jobHash\": \"j2\"           | an output of another job (job hash j2",
        "\"precision\": \"fp16\"       | \"precision\": \"fp32\"       | field 'precision' is \"fp32\" where",
        "\"batch\": 1                  | \"batch\": 2                  | field 'batch' is 2 where",
        "\"pointsEvaluated\": 3        | \"pointsEvaluated\": -1       | field 'pointsEvaluated' must be a whole number >= 0, found number -1",
        "\"pointsEvaluated\": 3        | \"pointsEvaluated\": 1.5      | field 'pointsEvaluated' must be a whole number >= 0, found number 1.5",
        "\"feasiblePoints\": 2         | \"feasiblePoints\": 4         | field 'feasiblePoints' 4 exceeds pointsEvaluated 3",
        "\"frontSize\": 2              | \"frontSize\": -2             | field 'frontSize' must be a whole number >= 0",
        "\"wallSeconds\": 1.5          | \"wallSeconds\": \"long\"     | field 'wallSeconds' must be a number, found string \"long\"",
        "\"wallSeconds\": 1.5          | \"wallSeconds\": null         | field 'wallSeconds' is missing; expected a number",
        "\"spaceSize\": 4              | \"spaceSize\": 0              | field 'spaceSize' must be a whole number >= 1, found number 0",
        "\"spaceSize\": 4              | \"spaceSize\": 4.5            | field 'spaceSize' must be a whole number >= 1",
        "\"jobHash\": \"j1\"           | \"jobHash\": \"\"             | field 'jobHash' must be a non-empty text, found string \"\"",
        "\"jobHash\": \"j1\"           | \"jobHash\": 7                | field 'jobHash' must be a non-empty text, found number 7",
        "\"shard\": \"1/2\"            | \"shard\": \"3/2\"            | field 'shard' '3/2' is neither \"all\" nor i/N with 1 <= i <= N",
        "\"shard\": \"1/2\"            | \"shard\": \"0/2\"            | field 'shard' '0/2' is neither",
        "\"shard\": \"1/2\"            | \"shard\": \"1/2,2/2\"        | field 'shard' '1/2,2/2' is neither \"all\" nor i/N with 1 <= i <= N",
        "\"space\": {\"k\": [\"a\", \"b\", \"c\", \"d\"]} | \"space\": {\"k\": []} | field 'space.k' must be a non-empty list of choice labels",
        "\"space\": {                  | \"space\": 5, \"x\": {        | field 'space' must be an object, found number 5",
        "\"objectives\": [             | \"objectives\": \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\", \"o\": [ | field 'objectives' must be a list, found string \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...",
        "{\"metric\": \"params\", \"goal\": \"min\"} | 3               | field 'objectives[0]' must be an object, found number 3",
        "\"metric\": \"params\", \"goal\" | \"metric\": \"watts\", \"goal\" | unknown objective metric 'watts'",
        "\"goal\": \"min\"}, {         | \"goal\": \"up\"}, {          | objective goal 'up' is neither min nor max",
        "\"choices\": [0]              | \"choices\": [4]              | field 'front[0].choices[0]' must be a choice of knob k (0..3), found number 4",
        "\"choices\": [0]              | \"choices\": [-1]             | field 'front[0].choices[0]' must be a choice of knob k (0..3), found number -1",
        "\"choices\": [0]              | \"choices\": [\"a\"]          | field 'front[0].choices[0]' must be a choice of knob k (0..3), found string \"a\"",
        "\"choices\": [0]              | \"choices\": [0, 1]           | front row 1 has 2 choices for 1 knobs",
        "\"choices\": [0]              | \"choices\": 0                | field 'front[0].choices' must be a list, found number 0",
        "\"params\": 10,               | \"params\": \"ten\",          | field 'front[0].metrics.params' must be a number, found string \"ten\"",
        "\"metrics\": {\"params\": 10  | \"metrics\": 1, \"m\": {\"params\": 10 | field 'front[0].metrics' must be an object, found number 1",
        "\"front\": [                  | \"front\": [{\"choices\": [1], \"metrics\": {}}, | its 'front' does not list the 2 rows of",
        "\"front\": [                  | \"fronts\": [                 | no field 'front'; expected a sweep's summary.json",
        "\"shard\": \"1/2\"            | \"shard\": \"1/2\", \"shards\": [{\"shard\": \"1/2\", \"pointsEvaluated\": 1, \"feasiblePoints\": 2}] | field 'shards[0].feasiblePoints' 2 exceeds pointsEvaluated 1",
        "\"shard\": \"1/2\"            | \"shard\": \"1/2\", \"shards\": [{\"shard\": \"1/2,2/2\", \"pointsEvaluated\": 1, \"feasiblePoints\": 0}] | field 'shards[0].shard' '1/2,2/2' is neither \"all\" nor i/N with 1 <= i <= N",
        "\"shard\": \"1/2\"            | \"shard\": \"1/2\", \"shards\": [{\"shard\": \"1/2\", \"pointsEvaluated\": -3, \"feasiblePoints\": 0}] | field 'shards[0].pointsEvaluated' must be a whole number >= 0",
        "\"shard\": \"1/2\"            | \"shard\": \"1/2\", \"shards\": [3] | field 'shards[0]' must be an object, found number 3",
        "\"shard\": \"1/2\"            | \"shard\": \"1/2\", \"shards\": 3 | field 'shards' must be a list, found number 3",
    })
    void aDamagedSummaryIsRefusedNamingTheField(String find, String replace, String message, @TempDir Path dir)
            throws IOException {
        Path one = half(dir, 1, "");
        Path file = one.resolve("summary.json");
        String text = Files.readString(file);
        assertTrue(text.contains(find), find);
        Files.writeString(file, text.replaceFirst(java.util.regex.Pattern.quote(find),
                java.util.regex.Matcher.quoteReplacement(replace)));
        Path two = half(dir, 2, "");
        BadInputException e = assertThrows(BadInputException.class, () -> SweepMerge.merge(List.of(two, one)));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "10,80,160   | ten,80,160         | pareto.csv:2: column params: 'ten' is not a number",
        "10,80,160   | 10,80,160,7        | pareto.csv:2: 8 cells for the 7 columns of the header",
        ",k          | ,knob              | its columns differ from",
        "\"a\"       | \"a                | pareto.csv:2: a quoted cell is not closed: 10,80,160,,1,40,\"a",
    })
    void aDamagedFrontFileIsRefusedNamingTheLine(String find, String replace, String message, @TempDir Path dir)
            throws IOException {
        Path one = half(dir, 1, "");
        Path file = one.resolve("pareto.csv");
        Files.writeString(file, Files.readString(file).replace(",a\n", ",\"a\"\n").replaceFirst(
                java.util.regex.Pattern.quote(find), java.util.regex.Matcher.quoteReplacement(replace)));
        Path two = half(dir, 2, "");
        BadInputException e = assertThrows(BadInputException.class, () -> SweepMerge.merge(List.of(two, one)));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void aMissingOrEmptyFrontFileIsRefused(@TempDir Path dir) throws IOException {
        Path one = half(dir, 1, "");
        Files.writeString(one.resolve("pareto.csv"), "");
        BadInputException empty = assertThrows(BadInputException.class, () -> SweepMerge.merge(List.of(one)));
        assertEquals(one.resolve("pareto.csv") + ": empty; expected a header line", empty.getMessage());
        Files.delete(one.resolve("pareto.csv"));
        BadInputException missing = assertThrows(BadInputException.class, () -> SweepMerge.merge(List.of(one)));
        assertTrue(missing.getMessage().startsWith(one.resolve("pareto.csv") + ": cannot read"), missing.getMessage());
        assertTrue(SweepMerge.isSweepOutput(one));
        assertFalse(SweepMerge.isSweepOutput(dir));
    }

    @Test
    void twoRunsOfOneShardOrShardsOfTwoSplitsAreRefused(@TempDir Path dir) throws IOException {
        Path one = half(dir, 1, "");
        Path rerun = output(dir, "rerun", Files.readString(one.resolve("summary.json"))
                .replace("\"pointsEvaluated\": 3", "\"pointsEvaluated\": 4"), csv(List.of(A, C)));
        BadInputException counts = assertThrows(BadInputException.class, () -> SweepMerge.merge(List.of(one, rerun)));
        assertTrue(counts.getMessage().contains("shard 1/2 has other counts than in " + one), counts.getMessage());
        // the same run again is the same shard, counted once
        Path copy = output(dir, "copy", Files.readString(one.resolve("summary.json")), csv(List.of(A, C)));
        assertEquals(3, SweepMerge.merge(List.of(one, copy)).summary().get("pointsEvaluated").asLong());

        Path third = output(dir, "third", summary("2/3", 1, 1, 1.0, "random", List.of(B), ""), csv(List.of(B)));
        BadInputException splits = assertThrows(BadInputException.class, () -> SweepMerge.merge(List.of(one, third)));
        assertEquals(third + ": shard 2/3 of a split into 3, but " + one + " holds a split into 2; shards of different"
                + " splits overlap", splits.getMessage());
    }

    @Test
    void aShardListWithoutItsShardsIsRefused(@TempDir Path dir) throws IOException {
        // the list form passes the field check (a partial merge writes it), but without its "shards" the counts of
        // each shard are unknown
        Path one = output(dir, "odd", summary("1/2,2/2", 3, 2, 1.0, "random", List.of(A, C),
                ", \"shards\": null"), csv(List.of(A, C)));
        BadInputException e = assertThrows(BadInputException.class, () -> SweepMerge.merge(List.of(one)));
        assertEquals(one.resolve("summary.json") + ": shard '1/2,2/2' is neither \"all\" nor i/N", e.getMessage());
    }

    @Test
    void aFrontRowThatIsNotAnObjectIsRefused(@TempDir Path dir) throws IOException {
        Path one = half(dir, 1, "");
        Path file = one.resolve("summary.json");
        Files.writeString(file, Files.readString(file).replace(A.json(""), "7"));
        BadInputException e = assertThrows(BadInputException.class, () -> SweepMerge.merge(List.of(one)));
        assertEquals(at(file, "\"front\": [") + ": field 'front[0]' must be an object, found number 7", e.getMessage());
    }

    @Test
    void shardsAreOrderedByNumberNotAsText(@TempDir Path dir) throws IOException {
        // as text "10/10" sorts before "2/10"; the lowest shard's summary gives the shared fields
        Path second = output(dir, "second", summary("2/10", 1, 1, 1.0, "exhaustive: shard 2/10, indices [1, 2) of 10",
                List.of(A), ""), csv(List.of(A)));
        Path tenth = output(dir, "tenth", summary("10/10", 1, 1, 1.0, "exhaustive: shard 10/10, indices [9, 10) of 10",
                List.of(D), ""), csv(List.of(D)));
        SweepMerge.Merged m = SweepMerge.merge(List.of(tenth, second));
        assertEquals("2/10,10/10", m.summary().get("shard").asText());
        assertEquals("exhaustive: shards 2/10,10/10 of 10 indices", m.summary().get("strategy").asText());
        assertEquals(List.of("2/10", "10/10"), m.summary().get("shards").findValuesAsText("shard"));
    }

    @Test
    void anotherJobsHashIsShownToTwelveDigits(@TempDir Path dir) throws IOException {
        Path one = half(dir, 1, "");
        Path two = half(dir, 2, "");
        Path file = two.resolve("summary.json");
        Files.writeString(file, Files.readString(file).replace("\"j1\"", "\"abcdefabcdef\""));
        assertEquals(at(file, "\"jobHash\": ") + ": an output of another job (job hash abcdefabcdef, " + one + " has j1); merge only the"
                + " shards of one job", assertThrows(BadInputException.class,
                        () -> SweepMerge.merge(List.of(one, two))).getMessage());
        Files.writeString(file, Files.readString(file).replace("\"abcdefabcdef\"", "\"abcdefabcdef0\""));
        assertTrue(assertThrows(BadInputException.class, () -> SweepMerge.merge(List.of(one, two))).getMessage()
                .contains("(job hash abcdefabcdef…, "));
    }

    @Test
    void aClosestPointWhoseChoiceIsNotInTheSpaceIsRefused(@TempDir Path dir) throws IOException {
        Path none = infeasible(dir, 1, closest("z", "0.5"));
        assertEquals(none.resolve("summary.json") + " (closest): 'z' is not a choice of k in summary.json's space",
                assertThrows(BadInputException.class, () -> SweepMerge.merge(List.of(none))).getMessage());
    }

    @Test
    void aShardOfAPartialMergesListIsCheckedAsOneOfAList(@TempDir Path dir) throws IOException {
        Path one = half(dir, 1, "");
        Path file = one.resolve("summary.json");
        Files.writeString(file, Files.readString(file).replace("\"shard\": \"1/2\"", "\"shard\": \"1/2,x\", "
                + "\"shards\": [{\"shard\": \"1/2\", \"pointsEvaluated\": 3, \"feasiblePoints\": 2}]"));
        assertEquals(at(file, "\"shard\": ") + ": field 'shard' '1/2,x' is neither \"all\" nor i/N with 1 <= i <= N (or a list of them)",
                assertThrows(BadInputException.class, () -> SweepMerge.merge(List.of(one))).getMessage());
        Files.writeString(file, Files.readString(file).replace("\"shard\": \"1/2,x\"", "\"shard\": \"x\"")
                .replace(", \"shards\": [{\"shard\": \"1/2\", \"pointsEvaluated\": 3, \"feasiblePoints\": 2}]", ""));
        assertEquals(at(file, "\"shard\": ") + ": field 'shard' 'x' is neither \"all\" nor i/N with 1 <= i <= N",
                assertThrows(BadInputException.class, () -> SweepMerge.merge(List.of(one))).getMessage());
    }

    @Test
    void aValueIsShownWholeUpToFortyCharacters(@TempDir Path dir) throws IOException {
        Path one = half(dir, 1, "");
        Path file = one.resolve("summary.json");
        String x38 = "x".repeat(38);
        Files.writeString(file, Files.readString(file).replace("\"objectives\": [", "\"objectives\": \"" + x38
                + "\", \"o\": ["));
        assertEquals(at(file, "\"objectives\": ") + ": field 'objectives' must be a list, found string \"" + x38 + "\"",
                assertThrows(BadInputException.class, () -> SweepMerge.merge(List.of(one))).getMessage());
    }
}
