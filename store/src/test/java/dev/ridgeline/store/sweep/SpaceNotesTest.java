package dev.ridgeline.store.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.search.job.Job;
import dev.ridgeline.search.space.DesignSpace;
import dev.ridgeline.search.space.Knob;
import dev.ridgeline.search.space.KnobTarget;
import dev.ridgeline.search.space.ResolvedSpace;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a sweep prints about its space before it runs (docs/design-space.md: tied choices are merged and reported,
 * with the space's size before and after; each width knob's channel groups in the order of its channels column).
 */
class SpaceNotesTest {
    private static final Job JOB = SweepResults.resnet18();

    @Test
    void tiedChoicesAreListedWithTheSizeAsWrittenAndAfterMerging() {
        // kernel "3" written twice; "b" and "c" of k give the same network: 3 x 3 written, 2 x 2 networks
        Knob kernel = new Knob("kernel:s", List.of("3", "5"), new KnobTarget.Abstract(),
                List.of(List.of("3", "3"), List.of("5")));
        Knob k = new Knob("k", List.of("a", "b|c"), new KnobTarget.Abstract(), List.of(List.of("a"), List.of("b", "c")));
        Knob plain = new Knob("p", List.of("x", "y"), new KnobTarget.Abstract());
        ResolvedSpace space = new ResolvedSpace(JOB.model(), new DesignSpace(List.of(kernel, k, plain)), null, Map.of());
        assertEquals(String.format("merged choices that give the same network: 18 points as written, 8 networks%n")
                + "  kernel:s 3\n  k b|c\n", SpaceNotes.render(space));
        ResolvedSpace untied = new ResolvedSpace(JOB.model(), new DesignSpace(List.of(plain)), null, Map.of());
        assertEquals("", SpaceNotes.render(untied), "nothing merged, no width knob: nothing to say");
    }

    @Test
    void eachWidthKnobListsTheGroupsItMovesWithTheirBaseChannels() {
        String text = SpaceNotes.render(SweepResults.space(JOB));
        List<String> lines = text.lines().toList();
        // ResNet-18's widths never tie; five width knobs (conv1, layer1 to layer4) follow the heading
        assertEquals("width knobs move these channel groups (layers that keep equal channels; base channels in "
                + "brackets), in the order of the channels columns:", lines.get(0));
        assertEquals(6, lines.size(), text);
        // names padded to the longest, "width:layer1" (12 characters)
        assertTrue(lines.get(1).startsWith("  width:conv1   "), lines.get(1));
        String layer3 = lines.stream().filter(l -> l.startsWith("  width:layer3  ")).findFirst().orElseThrow();
        // layer3's residual stream and its two blocks' inner convolutions, 256 channels each
        assertEquals(3, layer3.split(" / ").length, layer3);
        assertEquals(3, layer3.split(" \\[256\\]", -1).length - 1, layer3);
    }
}
