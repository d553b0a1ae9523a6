package dev.ridgeline.report.hardware;

import dev.ridgeline.hardware.device.DeviceProfile;
import dev.ridgeline.report.analysis.DeviceUnits;
import dev.ridgeline.report.analysis.TextTable;
import dev.ridgeline.report.analysis.TextTable.Align;
import java.util.List;
import java.util.Locale;

/**
 * One line per device for {@code ridgeline hardware list}: id, name, class, precisions, bandwidth and memory.
 * Names are never shortened: they are how a user tells two similar devices apart.
 */
public final class DeviceListTable {
    private DeviceListTable() {
    }

    public static String render(List<DeviceProfile> devices) {
        TextTable table = new TextTable()
                .column("id", Align.LEFT)
                .column("name", Align.LEFT)
                .column("class", Align.LEFT)
                .column("precisions", Align.LEFT)
                .column("bandwidth", Align.RIGHT)
                .column("memory", Align.RIGHT);
        for (DeviceProfile d : devices) {
            table.row(d.id(), d.name(), d.deviceClass().name().toLowerCase(Locale.ROOT), d.supported(),
                    DeviceUnits.bandwidth(d.bandwidthBytesPerSecond()), DeviceUnits.memory(d.memoryCapacityBytes()));
        }
        return table.render();
    }
}
