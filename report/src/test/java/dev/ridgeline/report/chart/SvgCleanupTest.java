package dev.ridgeline.report.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** What SvgCleanup changes in VectorGraphics2D's output, and what it leaves alone. */
class SvgCleanupTest {

    @Test
    void dropsThePrologAndRenumbersClipIdsInOrder() {
        String svg = "<?xml version=\"1.0\"?>\n<!DOCTYPE svg>\n<svg><clipPath id=\"clip804172008\"/>"
                + "<g clip-path=\"url(#clip-55)\"/><g clip-path=\"url(#clip804172008)\"/></svg>";
        assertEquals("<svg><clipPath id=\"clip1\"/><g clip-path=\"url(#clip2)\"/><g clip-path=\"url(#clip1)\"/></svg>\n",
                SvgCleanup.clean(svg));
    }

    @Test
    void roundsLongDecimalsToHundredthsAndLeavesOtherNumbersAlone() {
        assertEquals("M-6.56,-0.14 L59.63,29.83 L1.5,2.25 Q-0.04 rgb(210,210,210) 0 -0",
                SvgCleanup.round("M-6.5625,-0.140625 L59.626953125,29.828125 L1.5,2.25 Q-0.04 rgb(210,210,210) 0 -0"));
        assertEquals("L0 L0 L2", SvgCleanup.round("L0.001 L-0.00399 L1.9999"));
    }
}
