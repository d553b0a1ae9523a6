package dev.ridgeline.report.analysis;

import dev.ridgeline.store.analysis.ReportInputs;

import dev.ridgeline.store.format.Quantities;

import dev.ridgeline.core.count.CostReport;
import dev.ridgeline.report.analysis.TextTable.Align;
import java.util.Map;

/**
 * One line per model for listings such as the zoo's: name, one sample's input shape, layers, params
 * and MACs (exact, then in human units under "approx."), and what the model is. Every column has a header.
 */
public final class ModelSummaryTable {
    private ModelSummaryTable() {
    }

    /**
     * @param reports      each model's report at its default input, under the name users call it by
     * @param descriptions each model's one-line description, by the same names (missing ones print empty)
     */
    public static String render(Map<String, CostReport> reports, Map<String, String> descriptions) {
        TextTable table = new TextTable()
                .column("model", Align.LEFT, 40)
                .column("input", Align.LEFT)
                .column("layers", Align.RIGHT)
                .column("params", Align.RIGHT)
                .column("approx.", Align.RIGHT)
                .column("MACs", Align.RIGHT)
                .column("approx.", Align.RIGHT)
                .column("description", Align.LEFT, 70);
        for (Map.Entry<String, CostReport> e : reports.entrySet()) {
            CostReport r = e.getValue();
            table.row(e.getKey(), ReportInputs.sampleText(ReportInputs.primary(r)),
                    Integer.toString(r.layers().size()),
                    Quantities.grouped(r.totals().params()), Quantities.human(r.totals().params()),
                    Quantities.grouped(r.totals().macs()), Quantities.human(r.totals().macs()),
                    descriptions.getOrDefault(e.getKey(), ""));
        }
        return table.render();
    }
}
