package dev.ridgeline.core.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ridgeline.core.BadInputException;
import dev.ridgeline.core.count.Convention;
import dev.ridgeline.core.count.CostReport;
import dev.ridgeline.core.count.Counter;
import dev.ridgeline.core.graph.Shape;
import dev.ridgeline.core.shape.ShapeInference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The zoo's families at their published scaling parameters against torchvision's own constructors
 * (reference/families/torchvision-families.csv, written by reference/families/families.py): params and
 * conv/linear MACs exactly, for every row.
 */
class FamilyParamsTest {
    static final Path CSV = Path.of("reference/families/torchvision-families.csv");

    record Row(int line, String model, Map<String, String> params, int input, String torchvision, long params_,
               long macs) {
        @Override
        public String toString() {
            return torchvision + " at " + input + " = " + model + " " + params;
        }
    }

    static Stream<Row> rows() throws IOException {
        if (!Files.isRegularFile(CSV)) {
            fail(CSV.toAbsolutePath() + " is missing: it is part of the repository (reference/README.md)");
        }
        List<String> lines = Files.readAllLines(CSV);
        assertEquals("model,params_set,input,torchvision,params,macs", lines.get(0));
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",");
            Map<String, String> params = new LinkedHashMap<>();
            for (String pair : f[1].split(";")) {
                String[] kv = pair.split("=");
                params.put(kv[0], kv[1]);
            }
            rows.add(new Row(i + 1, f[0], params, Integer.parseInt(f[2]), f[3], Long.parseLong(f[4]),
                    Long.parseLong(f[5])));
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void familyMemberMatchesTorchvisionsConstructorExactly(Row row) {
        var model = Zoo.load(row.model(), Optional.of(Shape.of(3, row.input(), row.input())), row.params());
        CostReport r = Counter.count(ShapeInference.infer(model, 1), Convention.MACS, 4);
        assertEquals(row.params_(), r.totals().params(), "params of " + row);
        assertEquals(row.macs(), r.totals().macs(), "MACs of " + row);
    }

    @Test
    void theReferenceCoversTheFamiliesTheIssueNames() throws IOException {
        List<String> members = rows().map(Row::torchvision).toList();
        assertTrue(members.containsAll(List.of("mnasnet0_5", "mnasnet0_75", "mnasnet1_0", "mnasnet1_3",
                "efficientnet_b1", "efficientnet_b7", "mobilenet_v2(width_mult=0.35)", "mobilenet_v3_large(width_mult=0.75)",
                "shufflenet_v2_x0_5", "shufflenet_v2_x2_0")), members::toString);
    }

    @Test
    void aFamilyDeclaresItsParametersWithTheirDefaults() {
        assertEquals(Map.of("width_mult", "1.0"), Zoo.params("mobilenet_v2"));
        assertEquals(List.of("width_mult", "depth_mult"), List.copyOf(Zoo.params("efficientnet_b0").keySet()));
        assertEquals(Map.of(), Zoo.params("resnet18"));
    }

    @Test
    void aSizeTheFamilyLacksIsAnErrorNamingTheSizesItHas() {
        BadInputException e = assertThrows(BadInputException.class,
                () -> Zoo.load("shufflenet_v2_x1_0", Optional.empty(), Map.of("size", "0.75")));
        assertTrue(e.getMessage().contains("no entry for 0.75") && e.getMessage().contains("0.5, 1.0, 1.5, 2.0"),
                e.getMessage());
    }

    @Test
    void anUnknownParameterListsTheDeclaredOnes() {
        BadInputException e = assertThrows(BadInputException.class,
                () -> Zoo.load("mobilenet_v2", Optional.empty(), Map.of("width", "0.5")));
        assertTrue(e.getMessage().contains("no parameter 'width'") && e.getMessage().contains("width_mult"),
                e.getMessage());
    }

    @Test
    void theGenericWidthOfTheLastConvIsWhatTheFamilyKeeps() {
        // below 1.0 the family keeps 1280 channels in the last conv, which a uniform multiplier would thin
        var half = Zoo.load("mobilenet_v2", Optional.empty(), Map.of("width_mult", "0.5"));
        var head = half.node("head.conv").orElseThrow();
        assertEquals(1280, ((dev.ridgeline.core.op.Conv2d) head.op()).outChannels());
    }

    /**
     * MobileNetV1's width multiplier as Howard et al. 2017 Table 6 prints it at 224 (million mult-adds, million
     * parameters); TF-slim's depth_multiplier builds the same network. (TF-slim's checkpoint table prints some
     * MAC figures that are not these networks' counts, e.g. 317 M for 0.75 and 34 M for 0.25 at 192, where
     * the count is 325.4 M and 30.2 M; it is used for its accuracies only.)
     */
    @ParameterizedTest(name = "width {0}: {1} M mult-adds, {2} M params")
    @org.junit.jupiter.params.provider.CsvSource({"1.0, 569, 4.2", "0.75, 325, 2.6", "0.5, 149, 1.3", "0.25, 41, 0.5"})
    void mobilenetV1WidthsMatchThePapersTable6(String width, long millionMacs, double millionParams) {
        var model = Zoo.load("mobilenet_v1", Optional.empty(), Map.of("width_mult", width));
        CostReport r = Counter.count(ShapeInference.infer(model, 1), Convention.MACS, 4);
        assertEquals(millionMacs, Math.round(r.totals().macs() / 1e6), "MACs " + r.totals().macs());
        assertEquals(millionParams, Math.round(r.totals().params() / 1e5) / 10.0, "params " + r.totals().params());
    }
}
