package dev.ridgeline.core.op;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** PyTorch's affine normalizations learn a weight and a bias per channel (or feature); the others learn nothing. */
class NormalizationParamsTest {

    @Test
    void anAffineNormalizationLearnsTwoParametersPerChannel() {
        assertEquals(128, new BatchNorm(64, true).params());
        assertEquals(128, new GroupNorm(64, 8, true).params());
        assertEquals(192, new LayerNorm(96, LayerNorm.Axis.CHANNELS, true).params());
    }

    @Test
    void aNormalizationWithoutAffineLearnsNothing() {
        assertEquals(0, new BatchNorm(64, false).params());
        assertEquals(0, new GroupNorm(64, 64, false).params());
        assertEquals(0, new LayerNorm(96, LayerNorm.Axis.LAST, false).params());
    }
}
