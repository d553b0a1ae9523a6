package dev.ridgeline.core.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.core.count.Convention;
import dev.ridgeline.core.count.CostReport;
import dev.ridgeline.core.count.Counter;
import dev.ridgeline.core.graph.Model;
import dev.ridgeline.core.graph.Node;
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
}
