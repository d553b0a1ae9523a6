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
    void heldOutMediansAreWithinAQuarterOnEveryGpuJetsonAndCpuAtBatchOneAndAtLargeBatch() {
        int checked = 0;
        for (ValidationTable.Group g : GROUPS) {
            if (g.device().deviceClass() == DeviceClass.NPU) {
                continue;
            }
            String name = g.device().id() + ":" + g.device().runtimeId();
            assertTrue(!g.all().isEmpty(), name + " has figures but none held out");
            for (List<ValidationTable.Check> checks : List.of(g.batchOne(), g.largeBatch())) {
                if (checks.isEmpty()) {
                    continue;
                }
                double median = ValidationTable.medianRatio(checks);
                String which = checks == g.batchOne() ? "batch-1" : "large-batch";
                assertTrue(median >= ValidationTable.LOW && median <= ValidationTable.HIGH,
                        name + " " + which + " median ratio " + median);
                checked++;
            }
        }
        assertTrue(checked >= 12, "only " + checked + " medians checked");
    }

    @Test
    void everyCpuPresetHasHeldOutFiguresAtBatchOneOrLargeBatch() {
        for (String id : Devices.presetIds()) {
            if (Devices.preset(id).deviceClass() != DeviceClass.CPU) {
                continue;
            }
            assertTrue(GROUPS.stream().anyMatch(g -> g.device().id().equals(id) && !g.all().isEmpty()),
                    "CPU preset " + id + " has no held-out published figure");
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
        ValidationTable.Group group = GROUPS.stream().filter(g -> g.device().id().equals("t4")).findFirst()
                .orElseThrow();
        assertEquals(loo, group.leaveOneOut(), 1e-12, "the table's column is calibrate --from's leave-one-out");
    }

    @Test
    void everyDeviceWithEnoughFiguresHasALeaveOneOutErrorInTheTable() {
        for (ValidationTable.Group g : GROUPS) {
            int figures = g.fitted() + g.all().size();
            assertEquals(figures >= ValidationTable.LOO_MINIMUM, !Double.isNaN(g.leaveOneOut()),
                    g.device().id() + ":" + g.device().runtimeId() + " with " + figures + " figures");
        }
    }
}
