package dev.ridgeline.store.batch;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * One job of a batch, resolved: the job text it runs, the folder its relative paths start from, and what
 * made it. Its {@link #hash()} is the SHA-256 of {@link #jobYaml()}, so two runs of the same resolved job
 * share it and a changed job (another budget, another model file name) does not.
 *
 * @param order      the job's place in the batch (0-based): shards and indexes follow it
 * @param kind       a sweep (a job file) or a pruning plan (a plan file)
 * @param id         a readable, unique folder name: the varied values, then the hash's first 8 digits
 * @param jobYaml    the resolved job, as a job file would hold it
 * @param baseDir    the folder relative model and device paths of {@link #jobYaml()} start from
 * @param origin     where the batch file defines it ("batch.yaml:4:3 (matrix)")
 * @param varied     the values this job varies, by field, as written
 * @param model      the job's model as written (for the index; empty when not a single value)
 * @param hardware   the job's device as written, or empty
 * @param precision  the job's precision as written, or empty
 * @param skipReason why the job is not run (a device lacking the precision), when it is not
 */
public record BatchJob(int order, Kind kind, String id, String hash, String jobYaml, Path baseDir, String origin,
                       Map<String, String> varied, String model, String hardware, String precision,
                       Optional<String> skipReason) {
    public BatchJob {
        varied = Map.copyOf(varied);
    }

    /** What a batch entry runs. */
    public enum Kind {
        SWEEP("sweep"), PLAN("prune");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        /** The command that runs it: "sweep" or "prune". */
        public String id() {
            return id;
        }
    }
}
