package dev.ridgeline.core.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.core.BadInputException;
import dev.ridgeline.core.count.Convention;
import dev.ridgeline.core.count.CostReport;
import dev.ridgeline.core.count.Counter;
import dev.ridgeline.core.count.LayerCost;
import dev.ridgeline.core.graph.Model;
import dev.ridgeline.core.shape.ShapeInference;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The bundled zoo against reference/torchvision.md and the seeds' Inception figures. */
class ZooTest {

    static CostReport count(String name, Convention convention) {
        Model model = Zoo.load(name);
        return Counter.count(ShapeInference.infer(model, 1), convention, 4);
    }

    @ParameterizedTest(name = "{0}: {1} params, {2} MACs")
    @CsvSource({
        "alexnet,      61100840,   714188480",
        "vgg16,       138357544, 15470264320",
        "resnet18,     11689512,  1814073344",
        "resnet50,     25557032,  4089184256",
        "mobilenet_v2,  3504872,   300774272",
        "googlenet,     6624904,  1498376192",
    })
    void torchvisionModelsMatchTorchvisionExactly(String name, long params, long macs) {
        CostReport r = count(name, Convention.MACS);
        assertEquals(params, r.totals().params(), "params of " + name);
        assertEquals(macs, r.totals().macs(), "MACs of " + name);
        assertEquals(macs, r.totals().flops(), "the macs convention's headline equals the MACs");
    }

    @Test
    void mobilenetV1MatchesItsPaperRoundedToThePaperDigits() {
        CostReport r = count("mobilenet_v1", Convention.MACS);
        // Howard et al. 2017, Table 1/2: 4.2 million parameters, 569 million mult-adds
        assertEquals(4.2, Math.round(r.totals().params() / 1e5) / 10.0, "params " + r.totals().params());
        assertEquals(569, Math.round(r.totals().macs() / 1e6), "MACs " + r.totals().macs());
    }

    @ParameterizedTest(name = "{0} under ptflops: {1} GMac published")
    @CsvSource({"resnet50, 4.12, 2", "vgg16, 15.5, 1", "resnet18, 1.82, 2"})
    void ptflopsConventionIsWithinHalfAPercentOfPtflopsPublishedTable(String name, double publishedG, int digits) {
        double g = count(name, Convention.PTFLOPS).totals().flops() / 1e9;
        assertTrue(Math.abs(g - publishedG) / publishedG < 0.005, name + " gives " + g + " G");
        assertEquals(publishedG, new java.math.BigDecimal(g).setScale(digits, java.math.RoundingMode.HALF_UP)
                .doubleValue(), name + " rounds to the published figure");
    }

    @Test
    void ptflopsAlexnetRoundsToThePublishedFigure() {
        // 0.7156 G: the README's 0.72 is this rounded to two decimals (0.6% away, all of it rounding)
        assertEquals(715_561_896L, count("alexnet", Convention.PTFLOPS).totals().flops());
    }

    @Test
    void ptflopsResnet50IsItsModuleHookSum() {
        // conv 4,087,136,256 + fc 2,048,000 + fc bias 1,000 + BN 2 x 11,113,984 + ReLU 9,608,704
        // + max pool input 802,816 + average pool input 100,352
        long expected = 4_087_136_256L + 2_048_000 + 1_000 + 2 * 11_113_984L + 9_608_704 + 802_816 + 100_352;
        assertEquals(expected, count("resnet50", Convention.PTFLOPS).totals().flops());
    }

    @Test
    void pytorchConventionIsTwicePerMacOnResnet50() {
        assertEquals(8_178_368_512L, count("resnet50", Convention.PYTORCH).totals().flops());
    }

    @Test
    void naiveInceptionBranchesAndWeightsMatchTheSeed() {
        CostReport r = count("inception3b", Convention.MACS);
        assertEquals(346_816_512L, layer(r, "inception3b.branch2.conv").cost().macs());
        assertEquals(481_689_600L, layer(r, "inception3b.branch3.conv").cost().macs());
        assertEquals(1_089_536L, r.totals().params());
    }

    @Test
    void reducedInceptionBranchesAndWeightsMatchTheSeed() {
        CostReport r = count("inception3b_reduced", Convention.MACS);
        assertEquals(99_549_184L, branchMacs(r, "inception3b.branch2."));
        assertEquals(133_267_456L, branchMacs(r, "inception3b.branch3."));
        assertEquals(346_112L, r.totals().params());
    }

    @Test
    void factorizedInceptionCostsTheRealCascadeNotTheSeedsEstimate() {
        CostReport r = count("inception3b_factorized", Convention.MACS);
        // 1x1 256->64, 3x3 64->96, 3x3 96->96 at 28x28
        assertEquals(12_845_056L + 43_352_064L + 65_028_096L, branchMacs(r, "inception3b.branch3."));
        // the seed's figure treats both 3x3 convs as 64 -> 96
        assertEquals(99_549_184L, 12_845_056L + 2 * layer(r, "inception3b.branch3.1.conv").cost().macs());
    }

    @Test
    void unknownZooNameListsTheKnownModels() {
        BadInputException e = org.junit.jupiter.api.Assertions.assertThrows(BadInputException.class,
                () -> Zoo.load("resnet5O"));
        assertTrue(e.getMessage().contains("did you mean 'resnet50'"), e.getMessage());
        assertTrue(e.getMessage().contains("mobilenet_v2"), e.getMessage());
    }

    @Test
    void everyListedModelLoads() {
        List<String> names = Zoo.names();
        assertTrue(names.containsAll(List.of("alexnet", "vgg16", "resnet18", "resnet50", "mobilenet_v1",
                "mobilenet_v2", "googlenet", "inception3b", "inception3b_reduced", "inception3b_factorized")), names::toString);
        org.junit.jupiter.api.Assertions.assertAll(names.stream().map(n -> (Executable) () ->
                assertTrue(!Zoo.load(n).description().isBlank(), n + " says what it is")));
    }

    private static LayerCost layer(CostReport r, String name) {
        return r.layers().stream().filter(l -> l.node().name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no layer " + name + " in "
                        + r.layers().stream().map(l -> l.node().name()).toList()));
    }

    private static long branchMacs(CostReport r, String prefix) {
        return r.layers().stream().filter(l -> l.node().name().startsWith(prefix)).mapToLong(l -> l.cost().macs()).sum();
    }
}
