package dev.ridgeline.measure.published;

import dev.ridgeline.core.BadInputException;
import dev.ridgeline.hardware.device.Precision;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a CSV of published whole-model figures. The header names the columns, in any order: {@code model, input,
 * batch, precision, milliseconds, source} are required ({@code milliseconds} may be empty on a row that gives
 * {@code imagesPerSecond} instead); {@code device, runtime, imagesPerSecond, split} ({@code fit} or
 * {@code held-out}), {@code sockets} (a throughput figure measured on that many sockets of the device, whose
 * preset is one: the time per image of one socket is sockets / images per second), {@code note} and
 * {@code profile} (a per-layer profile of the same run, trtexec
 * {@code --exportProfile} or ONNX Runtime profiler JSON, its path relative to the CSV: {@link LayerProfile}) are
 * optional. {@code input} is one sample's shape, {@code 3x224x224}.
 * A bad line fails with file:line, the field and what is allowed.
 */
public final class PublishedFigures {
    static final Set<String> REQUIRED = Set.of("model", "input", "batch", "precision", "milliseconds", "source");
    static final Set<String> OPTIONAL = Set.of("device", "runtime", "imagesPerSecond", "sockets", "split", "note",
            "profile");

    private PublishedFigures() {
    }

    public static List<PublishedFigure> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read: " + e.getMessage());
        }
        if (lines.isEmpty()) {
            throw new BadInputException(file + ":1: empty file; the first line names the columns: "
                    + String.join(", ", List.of("model", "input", "batch", "precision", "milliseconds", "source")));
        }
        List<String> header = split(file, 1, lines.get(0));
        Map<String, Integer> column = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).trim();
            if (!REQUIRED.contains(name) && !OPTIONAL.contains(name)) {
                throw new BadInputException(file + ":1:" + (i + 1) + ": unknown column '" + name + "'; columns: model,"
                        + " input, batch, precision, milliseconds, source (required), device, runtime,"
                        + " imagesPerSecond, sockets, split, note, profile");
            }
            column.put(name, i);
        }
        for (String r : List.of("model", "input", "batch", "precision", "milliseconds", "source")) {
            if (!column.containsKey(r)) {
                throw new BadInputException(file + ":1: no column '" + r + "'; required: model, input, batch,"
                        + " precision, milliseconds, source");
            }
        }
        List<PublishedFigure> out = new ArrayList<>();
        for (int n = 1; n < lines.size(); n++) {
            String text = lines.get(n);
            if (text.isBlank() || text.startsWith("#")) {
                continue;
            }
            out.add(row(file, n + 1, split(file, n + 1, text), column));
        }
        if (out.isEmpty()) {
            throw new BadInputException(file + ": no figures after the header");
        }
        return List.copyOf(out);
    }

    private static PublishedFigure row(Path file, long line, List<String> cells, Map<String, Integer> column) {
        Cells c = new Cells(file, line, cells, column);
        String model = c.required("model", "a zoo name or a model file");
        List<Integer> input = new ArrayList<>();
        String in = c.required("input", "one sample's shape, such as 3x224x224");
        for (String d : in.split("x")) {
            try {
                int v = Integer.parseInt(d.trim());
                if (v < 1) {
                    throw new NumberFormatException();
                }
                input.add(v);
            } catch (NumberFormatException e) {
                throw c.error("input", "'" + in + "' is not a shape such as 3x224x224");
            }
        }
        if (input.size() != 3) {
            throw c.error("input", "'" + in + "' is not channels x height x width, such as 3x224x224");
        }
        int batch;
        try {
            batch = Integer.parseInt(c.required("batch", "a whole number of at least 1"));
        } catch (NumberFormatException e) {
            throw c.error("batch", "'" + c.get("batch") + "' is not a whole number of at least 1");
        }
        if (batch < 1) {
            throw c.error("batch", "must be at least 1, got " + batch);
        }
        String p = c.required("precision", Precision.knownIds());
        Precision precision = Precision.byId(p).orElseThrow(() -> c.error("precision", "unknown precision '" + p
                + "'; precisions: " + Precision.knownIds()));
        String ms = c.get("milliseconds");
        String ips = c.get("imagesPerSecond");
        double seconds;
        boolean throughput;
        if (!ms.isEmpty() == !ips.isEmpty()) {
            throw c.error("milliseconds", "give exactly one of milliseconds (per inference of the batch) and"
                    + " imagesPerSecond");
        }
        if (!ms.isEmpty()) {
            seconds = c.positive("milliseconds", ms) / 1000;
            throughput = false;
        } else {
            seconds = batch / c.positive("imagesPerSecond", ips);
            throughput = true;
        }
        String sockets = c.get("sockets");
        if (!sockets.isEmpty()) {
            int n;
            try {
                n = Integer.parseInt(sockets);
            } catch (NumberFormatException e) {
                throw c.error("sockets", "'" + sockets + "' is not a whole number of at least 1");
            }
            if (n < 1) {
                throw c.error("sockets", "must be at least 1, got " + n);
            }
            if (n > 1 && !throughput) {
                throw c.error("sockets", "applies to an imagesPerSecond figure only (a time per inference is"
                        + " that of one run, whatever the sockets)");
            }
            seconds *= n;
        }
        String split = c.get("split").toLowerCase(Locale.ROOT);
        if (!split.isEmpty() && !split.equals("fit") && !split.equals("held-out")) {
            throw c.error("split", "must be fit or held-out, got '" + split + "'");
        }
        Map<String, Double> profile = Map.of();
        if (!c.get("profile").isEmpty()) {
            Path profileFile = file.toAbsolutePath().getParent().resolve(c.get("profile"));
            if (!Files.isRegularFile(profileFile)) {
                throw c.error("profile", "names " + profileFile + ", which is not a file");
            }
            profile = LayerProfile.read(profileFile);
        }
        return new PublishedFigure(c.get("device"), c.get("runtime"), model, input, batch, precision, seconds,
                throughput, split.equals("held-out"), c.required("source", "where the figure was published"),
                c.get("note"), file.toString(), line, profile);
    }

    /** The cells of one line, by column name, with errors that name file:line:column and the field. */
    private record Cells(Path file, long line, List<String> cells, Map<String, Integer> column) {
        String get(String field) {
            Integer i = column.get(field);
            return i == null || i >= cells.size() ? "" : cells.get(i).trim();
        }

        String required(String field, String allowed) {
            String v = get(field);
            if (v.isEmpty()) {
                throw error(field, "is empty; give " + allowed);
            }
            return v;
        }

        double positive(String field, String text) {
            try {
                double d = Double.parseDouble(text);
                if (d > 0 && Double.isFinite(d)) {
                    return d;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw error(field, "'" + text + "' is not a number above 0");
        }

        BadInputException error(String field, String message) {
            Integer i = column.get(field);
            return new BadInputException(file + ":" + line + ":" + (i == null ? 1 : i + 1) + ": field '" + field
                    + "' " + message);
        }
    }

    /** RFC 4180 cells: commas separate, double quotes quote, two double quotes are one. */
    static List<String> split(Path file, long line, String text) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        if (quoted) {
            throw new BadInputException(file + ":" + line + ": a quoted cell is not closed");
        }
        cells.add(cell.toString());
        return cells;
    }
}
