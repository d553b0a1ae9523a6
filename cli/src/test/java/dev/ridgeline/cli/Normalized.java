package dev.ridgeline.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * An output folder's files and their contents with the run's timing taken out (wallSeconds, pointsPerSecond
 * and the shard parts' timing in JSON, the wallSeconds column of index.csv), for comparing two runs. A
 * batch's report.html is listed but not compared: it carries the date, its folder and the wall times; of a
 * manifest.json only the paths are compared (its sizes and hashes follow the timing fields).
 */
final class Normalized {
    private Normalized() {
    }

    static Map<String, String> tree(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (Files.isRegularFile(p)) {
                    String name = dir.relativize(p).toString();
                    out.put(name, name.equals("report.html") ? "(the page)"
                            : name.endsWith("manifest.json") ? manifestPaths(Files.readString(p))
                            : name.endsWith(".png") ? "png " + java.util.Arrays.hashCode(Files.readAllBytes(p))
                            : normalize(name, Files.readString(p)));
                }
            }
        }
        return out;
    }

    /** A manifest's paths: its sizes and hashes follow the timing fields of the files it lists. */
    private static String manifestPaths(String manifest) {
        StringBuilder b = new StringBuilder();
        manifest.lines().filter(l -> l.contains("\"path\"")).forEach(l -> b.append(l.strip()).append('\n'));
        return b.toString();
    }

    private static String normalize(String name, String text) {
        String s = text.replaceAll("\"(wallSeconds|pointsPerSecond)\": [-0-9.eE]+", "\"$1\": T")
                .replaceAll("(solver [a-z-]+), [0-9.]+ s\\.", "$1, T s.");
        if (name.endsWith("index.csv")) {
            StringBuilder b = new StringBuilder();
            for (String line : s.split("\n")) {
                String[] cells = line.split(",", -1);
                if (cells.length > 12) {
                    cells[12] = "T";
                }
                b.append(String.join(",", cells)).append('\n');
            }
            s = b.toString();
        }
        return s;
    }
}
