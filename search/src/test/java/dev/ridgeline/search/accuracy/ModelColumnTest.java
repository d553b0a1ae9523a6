package dev.ridgeline.search.accuracy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.core.BadInputException;
import dev.ridgeline.core.io.yaml.ModelYamlWriter;
import dev.ridgeline.core.zoo.Zoo;
import dev.ridgeline.search.apply.DesignApplier;
import dev.ridgeline.search.job.Job;
import dev.ridgeline.search.job.JobReader;
import dev.ridgeline.search.space.DesignSpace;
import dev.ridgeline.search.space.ResolvedSpace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Measured designs named by their model files (a {@code model} column) instead of their knob choices. */
class ModelColumnTest {
    @TempDir
    Path dir;

    /** Writes the model of a point of the space as a plain model file, as {@code ridgeline export} does. */
    private String write(ResolvedSpace space, int[] choices, String name) throws IOException {
        Files.createDirectories(dir.resolve("designs"));
        Files.writeString(dir.resolve("designs").resolve(name), ModelYamlWriter.toYaml(new DesignApplier(space)
                .apply(choices)));
        return "designs/" + name;
    }

    private static int[] random(DesignSpace space, Random random) {
        int[] c = new int[space.knobCount()];
        for (int k = 0; k < c.length; k++) {
            c[k] = random.nextInt(space.choices(k));
        }
        return c;
    }

    @Test
    void everyModelOfASpaceOfWidthsKernelsAndSeparableFormsIsFoundAsItsPoint() throws IOException {
        ResolvedSpace space = JobReader.read(Path.of("configs/jobs/resnet18_t4.yaml")).resolveSpace();
        Random random = new Random(24);
        StringBuilder csv = new StringBuilder("model,accuracy\n");
        int[][] points = new int[12][];
        for (int d = 0; d < points.length; d++) {
            points[d] = random(space.space(), random);
            csv.append(write(space, points[d], "d" + d + ".yaml")).append(",").append(60 + d).append('\n');
        }
        List<MeasuredDesign> designs = MeasuredDesigns.parse("m.csv", csv.toString(), space, dir);
        assertEquals(points.length, designs.size());
        for (int d = 0; d < points.length; d++) {
            assertArrayEquals(points[d], designs.get(d).choices(), "design " + d);
            assertEquals(60 + d, designs.get(d).accuracy());
        }
    }

    @Test
    void aFamilyNamedByModelFilesFitsAsNamedByItsKnobs() throws IOException {
        Job job = JobReader.read(Path.of("configs/jobs/mobilenet_v1_accuracy.yaml"));
        ResolvedSpace space = job.resolveSpace();
        AccuracySource byKnobs = job.accuracy().orElseThrow();
        List<MeasuredDesign> knobs = MeasuredDesigns.parse("knobs", byKnobs.text(), space.space());
        StringBuilder csv = new StringBuilder("# the same six checkpoints, each named by its model file\n"
                + "model,accuracy\n");
        for (MeasuredDesign d : knobs) {
            csv.append(write(space, d.choices(), "w" + d.line() + ".yaml")).append(',').append(d.accuracy())
                    .append('\n');
        }
        Path file = dir.resolve("measured.csv");
        Files.writeString(file, csv);
        AccuracyPredictor fromModels = new AccuracySource(file.toString(), csv.toString(), "here").fit(space);
        AccuracyPredictor fromKnobs = byKnobs.fit(space);
        assertEquals(fromKnobs.intercept(), fromModels.intercept(), 0.0);
        assertArrayEquals(fromKnobs.terms(), fromModels.terms());
        assertEquals(6, fromModels.designs());
    }

    @Test
    void aModelThatIsNoDesignOfTheSpaceIsAnErrorAtItsLine() throws IOException {
        ResolvedSpace space = JobReader.read(Path.of("configs/jobs/resnet18_t4.yaml")).resolveSpace();
        String ok = write(space, new int[space.space().knobCount()], "ok.yaml");
        Files.writeString(dir.resolve("designs/alexnet.yaml"), ModelYamlWriter.toYaml(Zoo.load("alexnet")));
        // resnet18 with a 5x5 stem: the space changes no kernel outside layer1-4
        String narrow = ModelYamlWriter.toYaml(new DesignApplier(space).apply(new int[space.space().knobCount()]))
                .replace("kernel: 7, stride: 2, padding: 3", "kernel: 5, stride: 2, padding: 2");
        Files.writeString(dir.resolve("designs/narrow.yaml"), narrow);
        BadInputException alexnet = assertThrows(BadInputException.class, () -> MeasuredDesigns.parse("m.csv",
                "model,accuracy\n" + ok + ",60\ndesigns/alexnet.yaml,57\n", space, dir));
        assertTrue(alexnet.getMessage().startsWith("m.csv:3:1: model 'designs/alexnet.yaml' is no design of this "
                + "space: it differs from the nearest design of the space ("), alexnet.getMessage());
        BadInputException missing = assertThrows(BadInputException.class, () -> MeasuredDesigns.parse("m.csv",
                "accuracy,model\n60," + ok + "\n61, designs/gone.yaml\n", space, dir));
        assertTrue(missing.getMessage().startsWith("m.csv:3:5: model: no file 'designs/gone.yaml'"),
                missing.getMessage());
        assertTrue(narrow.contains("kernel: 5, stride: 2"), "the stem was changed");
        BadInputException off = assertThrows(BadInputException.class, () -> MeasuredDesigns.parse("m.csv",
                "model,accuracy\ndesigns/narrow.yaml,60\n", space, dir));
        assertTrue(off.getMessage().startsWith("m.csv:2:1: model 'designs/narrow.yaml' is no design of this space")
                && off.getMessage().contains("at node 'conv1' ") && off.getMessage().contains("the file has "),
                off.getMessage());
    }
}
