package dev.ridgeline.core.op;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The parameters and attributes a convolution and a transposed convolution share: PyTorch's weight shapes,
 * Cout x Cin/g x Kh x Kw and Cin x Cout/g x Kh x Kw, plus Cout biases.
 */
class ConvolutionsTest {

    @Test
    void aGroupedConvolutionCountsCoutTimesCinOverGroupsWeightsPerKernelPositionPlusItsBiases() {
        Window w = Window.square(3, 1, 1);
        assertEquals(32L * (8 / 4) * 9 + 32, new Conv2d(8, 32, w, 4, true).params());
        assertEquals(32L * 8 * 9, new Conv2d(8, 32, w, 1, false).params());
    }

    @Test
    void aTransposedConvolutionCountsCinTimesCoutOverGroupsWeightsPerKernelPositionPlusItsBiases() {
        Window w = Window.square(4, 2, 1);
        assertEquals(8L * (32 / 4) * 16 + 32, new ConvTranspose2d(8, 32, w, 0, 0, 4, true).params());
        assertEquals(8L * 32 * 16, new ConvTranspose2d(8, 32, w, 1, 0, 1, false).params());
    }

    @Test
    void bothRefuseAChannelOrGroupCountBelowOne() {
        Window w = Window.square(3, 1, 1);
        List<Runnable> bad = List.of(() -> new Conv2d(0, 8, w, 1, false), () -> new Conv2d(8, 0, w, 1, false),
                () -> new Conv2d(8, 8, w, 0, false), () -> new ConvTranspose2d(0, 8, w, 0, 0, 1, false),
                () -> new ConvTranspose2d(8, 0, w, 0, 0, 1, false), () -> new ConvTranspose2d(8, 8, w, 0, 0, 0, false));
        for (Runnable make : bad) {
            assertEquals("channels and groups must be at least 1",
                    assertThrows(IllegalArgumentException.class, make::run).getMessage());
        }
    }

    @Test
    void attributesListChannelsThenTheWindowThenOutputPaddingGroupsAndBias() {
        Window w = Window.square(3, 2, 1);
        assertEquals(List.of("inChannels", "outChannels", "kernel", "stride", "padding", "dilation", "groups", "bias"),
                List.copyOf(new Conv2d(8, 16, w, 2, true).attributes().keySet()));
        var transposed = new ConvTranspose2d(8, 16, w, 1, 0, 2, false).attributes();
        assertEquals(List.of("inChannels", "outChannels", "kernel", "stride", "padding", "dilation", "outputPadding",
                "groups", "bias"), List.copyOf(transposed.keySet()));
        assertEquals(List.of(1, 0), transposed.get("outputPadding"));
        assertEquals(2, transposed.get("groups"));
        assertEquals(false, transposed.get("bias"));
        assertEquals(List.of(3, 3), transposed.get("kernel"));
    }
}
