package dev.ridgeline.prune;

import dev.ridgeline.core.BadInputException;
import dev.ridgeline.core.graph.Model;
import dev.ridgeline.core.graph.Node;
import dev.ridgeline.core.op.Conv2d;
import dev.ridgeline.core.op.ConvTranspose2d;
import dev.ridgeline.core.op.Linear;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads channel scores a user's own pruning tool produced: a CSV with the header {@code layer,channel,score}
 * and one row per output channel of each scored conv or linear layer (channels numbered from 0, scores
 * non-negative). Each layer's scores are normalised to sum to 1. An unknown layer, a channel outside the
 * layer, a repeated channel or a layer with too few rows is bad input naming file:line and the column.
 */
public final class ImportanceCsv {
    private ImportanceCsv() {
    }

    /** @param where where the plan file names the CSV, for errors about the file as a whole */
    public static ChannelScores read(Path csv, Model model, String where) {
        List<String> lines;
        try {
            lines = Files.readAllLines(csv);
        } catch (IOException e) {
            throw new BadInputException(where + ": field 'importance': cannot read " + csv + ": " + e.getMessage());
        }
        if (lines.isEmpty() || !lines.get(0).trim().replace(" ", "").equals("layer,channel,score")) {
            throw new BadInputException(csv + ":1:1: field 'header': the first line must be layer,channel,score");
        }
        Map<String, double[]> scores = new LinkedHashMap<>();
        Map<String, boolean[]> seen = new HashMap<>();
        Map<String, Integer> firstLine = new HashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            int lineNo = i + 1;
            String[] cells = line.split(",", -1);
            if (cells.length != 3) {
                throw new BadInputException(String.format(java.util.Locale.ROOT, "%s:%d:1: a row needs 3 cells (layer,channel,score), got %d",
                        csv, lineNo, cells.length));
            }
            String layer = cells[0].trim();
            Node n = model.node(layer).orElseThrow(() -> new BadInputException(String.format(java.util.Locale.ROOT,
                    "%s:%d:1: field 'layer': %s has no layer '%s'", csv, lineNo, model.name(), layer)));
            int channels = outChannels(n);
            if (channels < 0) {
                throw new BadInputException(String.format(java.util.Locale.ROOT, "%s:%d:1: field 'layer': '%s' is a %s; scores belong to conv "
                        + "and linear layers", csv, lineNo, layer, n.op().type()));
            }
            int column2 = cells[0].length() + 2;
            int channel;
            try {
                channel = Integer.parseInt(cells[1].trim());
            } catch (NumberFormatException e) {
                throw new BadInputException(String.format(java.util.Locale.ROOT, "%s:%d:%d: field 'channel': not a whole number: '%s'", csv,
                        lineNo, column2, cells[1].trim()));
            }
            if (channel < 0 || channel >= channels) {
                throw new BadInputException(String.format(java.util.Locale.ROOT, "%s:%d:%d: field 'channel': %s has channels 0 to %d, got %d",
                        csv, lineNo, column2, layer, channels - 1, channel));
            }
            int column3 = column2 + cells[1].length() + 1;
            double score;
            try {
                score = Double.parseDouble(cells[2].trim());
            } catch (NumberFormatException e) {
                throw new BadInputException(String.format(java.util.Locale.ROOT, "%s:%d:%d: field 'score': not a number: '%s'", csv, lineNo,
                        column3, cells[2].trim()));
            }
            if (!(score >= 0) || Double.isInfinite(score)) {
                throw new BadInputException(String.format(java.util.Locale.ROOT, "%s:%d:%d: field 'score': must be a finite number >= 0, "
                        + "got %s", csv, lineNo, column3, cells[2].trim()));
            }
            double[] s = scores.computeIfAbsent(layer, x -> new double[channels]);
            boolean[] had = seen.computeIfAbsent(layer, x -> new boolean[channels]);
            firstLine.putIfAbsent(layer, lineNo);
            if (had[channel]) {
                throw new BadInputException(String.format(java.util.Locale.ROOT, "%s:%d:%d: field 'channel': channel %d of %s appears twice",
                        csv, lineNo, column2, channel, layer));
            }
            had[channel] = true;
            s[channel] = score;
        }
        for (Map.Entry<String, boolean[]> e : seen.entrySet()) {
            int count = 0;
            for (boolean b : e.getValue()) {
                count += b ? 1 : 0;
            }
            if (count != e.getValue().length) {
                throw new BadInputException(String.format(java.util.Locale.ROOT, "%s:%d:1: field 'channel': %s has %d output channels, the CSV "
                        + "scores %d of them", csv, firstLine.get(e.getKey()), e.getKey(), e.getValue().length, count));
            }
        }
        if (scores.isEmpty()) {
            throw new BadInputException(csv + ":2:1: the CSV has no rows");
        }
        scores.replaceAll((k, v) -> ChannelScores.normalised(v));
        return new ChannelScores(scores, csv.toString());
    }

    /** The output channels a layer sets, or -1 for a layer that sets none (depthwise convs pass theirs through). */
    static int outChannels(Node n) {
        if (n.op() instanceof Conv2d c) {
            return c.outChannels();
        }
        if (n.op() instanceof ConvTranspose2d t) {
            return t.outChannels();
        }
        if (n.op() instanceof Linear l) {
            return l.outFeatures();
        }
        return -1;
    }
}
