package dev.ridgeline.core.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.core.count.Convention;
import dev.ridgeline.core.count.CostReport;
import dev.ridgeline.core.count.Counter;
import dev.ridgeline.core.graph.Model;
import dev.ridgeline.core.shape.ShapeInference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The modern zoo models against reference/torchvision-modern.md: params and conv/linear MACs exactly. */
class ModernZooTest {

    @ParameterizedTest(name = "{0}: {1} params, {2} MACs")
    @CsvSource({
        "shufflenet_v2_x1_0,  2278604,  144907992",
        "mobilenet_v3_large,  5483032,  216589760",
        "efficientnet_b0,     5288548,  385814752",
        "densenet121,         7978856, 2834161664",
        "regnet_y_400mf,      4344144,  401842848",
        "convnext_tiny,      28589128, 4455531264",
    })
    void modernModelsMatchTorchvisionExactly(String name, long params, long macs) {
        Model model = Zoo.load(name);
        CostReport r = Counter.count(ShapeInference.infer(model, 1), Convention.MACS, 4);
        assertEquals(params, r.totals().params(), "params of " + name);
        assertEquals(macs, r.totals().macs(), "MACs of " + name);
        assertTrue(Zoo.names().contains(name));
        assertTrue(!model.description().isBlank());
    }

    /** Module paths checked against dict(torchvision.models.NAME().named_modules()) with torchvision 0.14. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "shufflenet_v2_x1_0 | conv1.0 stage2.0.branch1.0 stage2.0.branch1.2 stage2.1.branch2.0 stage3.7.branch2.5 conv5.0 fc",
        "densenet121 | features.conv0 features.denseblock1.denselayer1.conv1 features.denseblock4.denselayer16.conv2"
                + " features.transition3.conv features.norm5 classifier",
        "convnext_tiny | features.0.0 features.0.1 features.1.0.block.0 features.1.0.block.3 features.5.8.block.5"
                + " features.6.1 classifier.0 classifier.2",
    })
    void layerNamesFollowTorchvisionsModulePaths(String name, String paths) {
        Model model = Zoo.load(name);
        for (String path : paths.split(" ")) {
            assertTrue(model.node(path).isPresent(), path + " in " + name);
        }
    }
}
