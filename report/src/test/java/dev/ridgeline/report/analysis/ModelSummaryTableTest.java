package dev.ridgeline.report.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ridgeline.core.count.Convention;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelSummaryTableTest {

    @Test
    void oneLinePerModelWithItsInputLayersParamsMacsAndDescription() {
        Map<String, dev.ridgeline.core.count.CostReport> reports = new LinkedHashMap<>();
        reports.put("tiny", TinyModels.count(TinyModels.tiny(), 1, Convention.MACS));
        reports.put("residual", TinyModels.count(TinyModels.residual("b"), 1, Convention.MACS));
        assertEquals("""
                model     input  layers  params  approx.   MACs  approx.  description
                --------  -----  ------  ------  -------  -----  -------  -------------------
                tiny      3x8x8       4   2,682   2.68 k  9,472   9.47 k  a tiny test network
                residual  2x4x4       3       8        8    128      128
                """, ModelSummaryTable.render(reports, Map.of("tiny", "a tiny test network")));
    }
}
