package dev.ridgeline.search.space;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.ridgeline.core.zoo.Zoo;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class TiedChoicesTest {

    @Test
    void choicesTieOnlyWhenEveryGroupTheyMoveGetsTheSameChannels() {
        Knob knob = new Knob("width:s", List.of("0.5", "0.75", "0.8", "1.0"), new KnobTarget.Width(List.of(3, 4),
                new int[][] {{8, 48}, {16, 72}, {16, 80}, {16, 80}}));
        Knob merged = TiedChoices.merge(knob);
        assertEquals(List.of("0.5", "0.75", "0.8|1.0"), merged.labels(), "0.75 shares group 3's 16 but not 72");
        assertEquals(List.of(List.of("0.8", "1.0")), merged.merged());
        int[][] channels = ((KnobTarget.Width) merged.target()).channels();
        assertArrayEquals(new int[][] {{8, 48}, {16, 72}, {16, 80}}, channels);
        assertEquals(2, merged.choiceOf("1.0"));
        assertEquals(2, merged.choiceOf("0.8|1.0"));
        assertEquals(-1, merged.choiceOf("1.25"));
    }

    @Test
    void aKnobWithoutTiesIsLeftAsItIs() {
        Knob knob = new Knob("kernel:s", List.of("3", "5"), new KnobTarget.Kernel(List.of("a"), new int[] {3, 5}));
        assertSame(knob, TiedChoices.merge(knob));
    }

    @Test
    void aChoiceWrittenTwiceKeepsOneLabel() {
        Knob knob = new Knob("kernel:s", List.of("3", "5", "3"), new KnobTarget.Kernel(List.of("a"),
                new int[] {3, 5, 3}));
        Knob merged = TiedChoices.merge(knob);
        assertEquals(List.of("3", "5"), merged.labels());
        assertArrayEquals(new int[] {3, 5}, ((KnobTarget.Kernel) merged.target()).sizes());
        assertEquals(List.of(List.of("3", "3")), merged.merged());
    }

    @Test
    void theSpaceCountsNetworksAfterMergingAndRemembersTheWrittenSize() {
        // MobileNetV2's stage 1 has 16 channels: 0.5 -> 8, 0.75 -> 16 (12 rounds up), 1.0 -> 16
        DesignSpace space = SpaceBuilder.build(Zoo.load("mobilenet_v2"), Spaces.mobilenetExample()).space();
        Knob stage1 = space.knobs().stream().filter(k -> k.name().equals("width:stage1")).findFirst().orElseThrow();
        assertEquals(List.of("0.5", "0.75|1.0"), stage1.labels());
        assertEquals(BigInteger.valueOf(172_186_884L), space.sizeAsWritten());
        assertEquals(BigInteger.valueOf(114_791_256L), space.size());
        long tied = space.knobs().stream().filter(k -> !k.merged().isEmpty()).count();
        assertEquals(1, tied, "only stage 1 ties in the issue's example");
    }
}
