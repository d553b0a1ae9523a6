package dev.ridgeline.measure.published;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.hardware.device.DeviceClass;
import dev.ridgeline.hardware.device.Devices;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The presets against the published figures of reference/published/latency.csv: writes the validation table of
 * docs/hardware.md from them and holds the held-out figures to the thresholds.
 */
class PublishedValidationTest {
    static final Path TABLE = Path.of("reference/published/latency.csv");
    static final Path DOC = Path.of("docs/hardware.md");
    static final String START = "<!-- validation table: written by PublishedValidationTest -->";
    static final String END = "<!-- end of validation table -->";

    private static final List<ValidationTable.Group> GROUPS = ValidationTable.check(PublishedFigures.read(TABLE));

    @Test
    void writesTheValidationTableOfTheDevicesPage() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        int start = doc.indexOf(START);
        int end = doc.indexOf(END);
        assertTrue(start >= 0 && end > start, "docs/hardware.md has no validation table markers");
        String updated = doc.substring(0, start + START.length()) + "\n\n" + ValidationTable.markdown(GROUPS) + "\n"
                + doc.substring(end);
        Files.writeString(DOC, updated, StandardCharsets.UTF_8);
        assertEquals(updated, Files.readString(DOC, StandardCharsets.UTF_8));
    }

    @Test
    void heldOutMediansAreWithinAQuarterOnEveryGpuJetsonAndCpu() {
        for (ValidationTable.Group g : GROUPS) {
            if (g.device().deviceClass() == DeviceClass.NPU) {
                continue;
            }
            for (List<ValidationTable.Check> checks : List.of(g.batchOne(), g.largeBatch())) {
                double median = ValidationTable.medianRatio(checks);
                assertTrue(checks.isEmpty() || (median >= ValidationTable.LOW && median <= ValidationTable.HIGH),
                        g.device().id() + ":" + g.device().runtimeId() + " median ratio " + median);
            }
        }
    }

    @Test
    void atLeastSeventyPercentOfHeldOutFiguresAreWithinAQuarter() {
        List<ValidationTable.Check> all = GROUPS.stream().flatMap(g -> g.all().stream()).toList();
        long close = all.stream().filter(ValidationTable.Check::close).count();
        assertTrue(all.size() >= 30, "too few held-out figures: " + all.size());
        assertTrue(close >= 0.7 * all.size(), close + " of " + all.size() + " within [0.8, 1.25]");
    }

    @Test
    void theEdgeTpuIsWithinTwiceOnHeldOutFigures() {
        ValidationTable.Group coral = GROUPS.stream().filter(g -> g.device().id().equals("coral-edge-tpu"))
                .findFirst().orElseThrow();
        double median = ValidationTable.medianRatio(coral.all());
        assertTrue(median >= 0.5 && median <= 2, "Edge TPU median ratio " + median);
    }

    @Test
    void everyFigureNamesAPresetAndRuntimeAndASource() {
        for (PublishedFigure f : PublishedFigures.read(TABLE)) {
            assertTrue(Devices.presetIds().contains(f.device()), f.device() + " at line " + f.line());
            assertEquals(f.runtime(), Devices.resolve(f.device() + ":" + f.runtime()).runtimeId());
            assertTrue(f.source().length() > 20, "line " + f.line() + " has no source");
        }
    }

    @Test
    void leaveOneOutOnTheT4sPublishedFiguresIsWithinFifteenPercent() {
        List<PublishedFigure> t4 = PublishedFigures.read(TABLE).stream().filter(f -> f.device().equals("t4")).toList();
        RuntimeFit.Result fit = RuntimeFit.fit(t4, Devices.resolve("t4:tensorrt"));
        double loo = RuntimeFit.medianRelativeError(fit.leaveOneOutSeconds(), t4);
        assertTrue(t4.size() >= 10 && loo <= 0.15, "t4: " + t4.size() + " figures, leave-one-out median " + loo);
    }
}
