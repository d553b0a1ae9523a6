package dev.ridgeline.store.read;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ridgeline.core.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds and reads what Ridgeline wrote: a folder with {@code summary.json} is a sweep; a JSON file with
 * {@code totals} and {@code layers} (or a folder holding such files) is an analysis; {@code plan.json} (or a
 * folder with it and no summary.json) is a pruning plan. Anything else is bad input naming the path and what
 * was expected.
 */
public final class RunReader {
    static final String ANALYSIS_EXPECTED = "the JSON of 'ridgeline analyze --format json' (with totals and layers)";
    static final String NOTHING_HERE = "no Ridgeline output here; expected summary.json (from 'ridgeline sweep'),"
            + " plan.json (from 'ridgeline prune') or an analysis .json (from 'ridgeline analyze --format json')";

    private RunReader() {
    }

    /** Every run in the given folders or files, in the order given. */
    public static List<Run> read(List<Path> paths) {
        List<Run> runs = new ArrayList<>();
        for (Path path : paths) {
            runs.addAll(read(path));
        }
        return runs;
    }

    /** The runs at one path: one sweep, or one analysis per analysis file. */
    public static List<Run> read(Path path) {
        if (!Files.exists(path)) {
            throw new BadInputException(path + ": no such file or folder");
        }
        if (Files.isRegularFile(path)) {
            JsonInput in = JsonInput.read(path, ANALYSIS_EXPECTED + " or " + PlanReader.PLAN_EXPECTED);
            return List.of(PlanReader.looksLikeAPlan(in.root()) ? PlanReader.read(path, in) : analysis(in));
        }
        Path summary = path.resolve(SweepReader.SUMMARY);
        if (Files.exists(summary)) {
            return List.of(SweepReader.read(path));
        }
        Path plan = path.resolve(PlanReader.PLAN);
        if (Files.exists(plan)) {
            return List.of(PlanReader.read(path, JsonInput.read(plan, PlanReader.PLAN_EXPECTED)));
        }
        List<Run> runs = new ArrayList<>();
        for (Path file : jsonFiles(path)) {
            JsonInput in = JsonInput.read(file, ANALYSIS_EXPECTED);
            if (in.root().has("totals") && in.root().has("layers")) {
                runs.add(analysis(in));
            }
        }
        if (runs.isEmpty()) {
            throw new BadInputException(path + ": " + NOTHING_HERE);
        }
        return runs;
    }

    /** An analysis with the live memory of each step when its model can be loaded again. */
    static AnalysisRun analysis(JsonInput in) {
        JsonNode root = in.root();
        if (!root.has("totals") || !root.has("layers")) {
            throw new BadInputException(in.file() + ": no 'totals' and 'layers'; expected " + ANALYSIS_EXPECTED);
        }
        AnalysisRun plain = AnalysisRun.from(in, new long[0], "");
        long[] live;
        String note = "";
        try {
            int[] sample = new int[0];
            if (root.path("input").isArray()) {
                sample = new int[root.get("input").size()];
                for (int i = 0; i < sample.length; i++) {
                    sample[i] = root.get("input").get(i).asInt();
                }
            }
            live = ModelRerun.liveBytes(plain.modelSource(), sample, plain.batch(), plain.elementBytes());
            if (live.length != plain.layers().size()) {
                live = new long[0];
                note = "the model " + plain.modelSource() + " now has another number of layers than the analysis";
            }
        } catch (RuntimeException e) {
            live = new long[0];
            note = "the model " + plain.modelSource() + " could not be loaded again (" + e.getMessage() + ")";
        }
        return AnalysisRun.from(in, live, note);
    }

    private static List<Path> jsonFiles(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json") && Files.isRegularFile(f))
                    .sorted().toList();
        } catch (IOException e) {
            throw new BadInputException(folder + ": cannot list (" + e.getMessage() + ")", e);
        }
    }
}
