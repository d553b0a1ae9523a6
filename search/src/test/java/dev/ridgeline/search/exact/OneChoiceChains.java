package dev.ridgeline.search.exact;

import dev.ridgeline.search.job.Job;
import dev.ridgeline.search.job.JobReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Issue 18's chains of 1x1 convs for the exact solver's tests of one-choice knobs. */
final class OneChoiceChains {
    private OneChoiceChains() {}

    /** A chain of 1x1 convs: {@code constant} of them with a one-choice width knob each, then {@code free} with two. */
    static Job job(Path dir, int constant, int free, String objectives) throws IOException {
        StringBuilder model = new StringBuilder("name: chain\ninput: 3x8x8\nlayers:\n  - conv: {name: c0, out: 8,"
                + " kernel: 1}\n");
        for (int left = constant, b = 0; left > 0; left -= 9_999, b++) {
            model.append("  - conv: {name: body").append(b).append(", out: 8, kernel: 1, repeat: ")
                    .append(Math.min(9_999, left)).append("}\n");
        }
        model.append("  - conv: {name: head, out: 16, kernel: 1, repeat: ").append(free).append("}\n");
        model.append("  - conv: {name: tail, out: 8, kernel: 1}\n");
        Files.writeString(dir.resolve("chain.yaml"), model);
        Path job = dir.resolve("job.yaml");
        Files.writeString(job, "model: chain.yaml\nhardware: t4\nprecision: fp16\nspace:\n  width:\n"
                + (constant == 0 ? "" : "    - {layers: \"body*\", per: layer, multipliers: [1.0]}\n")
                + "    - {layers: \"head*\", per: layer, multipliers: [0.5, 1.0]}\n"
                + "objectives: " + objectives + "\nstrategy: exact\n");
        return JobReader.read(job);
    }
}
