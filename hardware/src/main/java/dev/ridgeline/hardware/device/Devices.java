package dev.ridgeline.hardware.device;

import dev.ridgeline.core.BadInputException;
import dev.ridgeline.core.io.BundledFiles;
import dev.ridgeline.core.io.yaml.Suggest;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The device presets (configs/hardware, bundled under ridgeline/hardware) and device files: what
 * {@code --hardware NAME|FILE} and job files name.
 */
public final class Devices {
    private static final BundledFiles PRESETS = new BundledFiles("ridgeline/hardware");

    private Devices() {
    }

    /** Ids of the bundled presets, sorted. */
    public static List<String> presetIds() {
        return PRESETS.names();
    }

    /** A preset by id; an unknown id fails naming the nearest ids and all of them. */
    public static DeviceProfile preset(String id) {
        byte[] bytes = PRESETS.bytes(id).orElseThrow(() -> unknown(id));
        return DeviceYamlReader.read("hardware/" + id + ".yaml",
                new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8));
    }

    /**
     * A device file (.yaml/.yml or a path) or a preset id, under its default runtime; {@code NAME:RUNTIME} (say
     * {@code t4:ncnn-vulkan}) names another runtime the device describes.
     */
    public static DeviceProfile resolve(String spec) {
        int colon = spec.lastIndexOf(':');
        if (colon > 0 && colon < spec.length() - 1 && spec.indexOf('/', colon) < 0 && spec.indexOf('\\', colon) < 0
                && !Files.exists(Path.of(spec))) {
            return device(spec.substring(0, colon)).withRuntime(spec.substring(colon + 1));
        }
        return device(spec);
    }

    private static DeviceProfile device(String spec) {
        String lower = spec.toLowerCase(Locale.ROOT);
        Path path = Path.of(spec);
        if (Files.isRegularFile(path) || lower.endsWith(".yaml") || lower.endsWith(".yml") || spec.contains("/")) {
            if (!Files.exists(path)) {
                throw new BadInputException(spec + ": no such file");
            }
            return DeviceYamlReader.read(path);
        }
        return preset(spec);
    }

    private static BadInputException unknown(String id) {
        List<String> ids = presetIds();
        List<String> nearest = new ArrayList<>(ids);
        nearest.sort(Comparator.comparingInt(known -> Suggest.distance(id.toLowerCase(Locale.ROOT), known)));
        String close = Suggest.hint(id, ids);
        String hint = !close.isEmpty() ? close
                : " (nearest: " + String.join(", ", nearest.subList(0, Math.min(3, nearest.size()))) + ")";
        return new BadInputException("unknown hardware '" + id + "'" + hint + ": not a file, and the presets are: "
                + String.join(", ", ids));
    }
}
