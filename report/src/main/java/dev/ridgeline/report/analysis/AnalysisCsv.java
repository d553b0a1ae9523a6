package dev.ridgeline.report.analysis;

import dev.ridgeline.core.count.Cost;
import dev.ridgeline.core.count.CostReport;
import dev.ridgeline.core.count.LayerCost;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes a {@link CostReport} as CSV (RFC 4180 quoting, "\n" line ends): a header, one row per layer
 * and a final TOTAL row. {@code inputs} are joined by ";", shapes print batch first as 1x64x112x112,
 * {@code flops} is the convention's figure (0 for a layer it ignores) and {@code share} the layer's
 * flops over the total flops, a fraction with six decimals (empty when the total is 0).
 */
public final class AnalysisCsv {
    public static final List<String> HEADER = List.of("name", "op", "inputs", "outputShape", "params", "macs",
            "flops", "activations", "readBytes", "writeBytes", "share");

    /** The name of the last row, which holds the totals. */
    public static final String TOTAL = "TOTAL";

    private AnalysisCsv() {
    }

    public static void write(CostReport report, Writer out) {
        try {
            line(out, HEADER);
            long totalFlops = report.totals().flops();
            for (LayerCost layer : report.layers()) {
                Cost c = layer.cost();
                line(out, List.of(layer.node().name(), layer.node().op().type(),
                        String.join(";", layer.node().inputs()), layer.outputShape().toString(),
                        Long.toString(c.params()), Long.toString(c.macs()), Long.toString(c.flops()),
                        Long.toString(c.activations()), Long.toString(c.readBytes()), Long.toString(c.writeBytes()),
                        Quantities.fraction(c.flops(), totalFlops)));
            }
            Cost t = report.totals();
            line(out, List.of(TOTAL, "", "", "", Long.toString(t.params()), Long.toString(t.macs()),
                    Long.toString(t.flops()), Long.toString(t.activations()), Long.toString(t.readBytes()),
                    Long.toString(t.writeBytes()), Quantities.fraction(t.flops(), totalFlops)));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void line(Writer out, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(quote(cells.get(i)));
        }
        out.write('\n');
    }

    /** A cell as RFC 4180 wants it: quoted, with quotes doubled, when it holds a comma, quote or line break. */
    static String quote(String cell) {
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
            return cell;
        }
        return '"' + cell.replace("\"", "\"\"") + '"';
    }
}
