package dev.ridgeline.search.strategy;

import dev.ridgeline.core.BadInputException;
import java.math.BigInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One of {@code count} contiguous slices of a space's index range. {@link #index()} is 0-based in code;
 * users write it 1-based, as in {@code --shard 1/4} for the first of four, which is also how
 * {@link #toString()} prints it. Shard i takes indices [floor(i*size/N), floor((i+1)*size/N)), so the
 * shards 1/N..N/N cover every index exactly once and differ in size by at most one point.
 */
public record Shard(int index, int count) {
    /** The whole space as one shard. */
    public static final Shard ALL = new Shard(0, 1);

    private static final Pattern FORM = Pattern.compile("(\\d+)/(\\d+)");

    public Shard {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("shard index " + index + " (0-based) outside 0.." + (count - 1));
        }
    }

    /** Parses the user's 1-based {@code i/N}, for example {@code "1/4"} for the first of four shards. */
    public static Shard parse(String text) {
        String trimmed = text == null ? "" : text.strip();
        Matcher m = FORM.matcher(trimmed);
        BadInputException.check(m.matches(),
                "--shard \"%s\": expected i/N, shard number i (counted from 1) of N shards, e.g. --shard 1/4",
                trimmed);
        int i = parseCount(m.group(1), trimmed);
        int n = parseCount(m.group(2), trimmed);
        BadInputException.check(n >= 1, "--shard %s: the number of shards N must be at least 1", trimmed);
        BadInputException.check(i >= 1,
                "--shard %s: shards are counted from 1, so i must be in 1..%d (--shard 1/%d is the first)",
                trimmed, n, n);
        BadInputException.check(i <= n, "--shard %s: there are only %d shards, so i must be in 1..%d",
                trimmed, n, n);
        return new Shard(i - 1, n);
    }

    private static int parseCount(String digits, String text) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw new BadInputException(String.format(java.util.Locale.ROOT,
                    "--shard %s: %s is too large for a shard number", text, digits));
        }
    }

    /** The first index of this shard in a space of {@code size} points. */
    public long start(long size) {
        return boundary(index, size);
    }

    /** One past the last index of this shard in a space of {@code size} points. */
    public long end(long size) {
        return boundary(index + 1, size);
    }

    /** The number of points of this shard in a space of {@code size} points (exact, for any size). */
    public BigInteger points(BigInteger size) {
        return boundary(index + 1, size).subtract(boundary(index, size));
    }

    private long boundary(int i, long size) {
        if (size < 0) {
            throw new IllegalArgumentException("negative space size " + size);
        }
        return boundary(i, BigInteger.valueOf(size)).longValueExact();
    }

    private BigInteger boundary(int i, BigInteger size) {
        return size.multiply(BigInteger.valueOf(i)).divide(BigInteger.valueOf(count));
    }

    /**
     * The shard a cluster scheduler assigned to this process ({@code --shard auto}): a Slurm array task
     * ({@code SLURM_ARRAY_TASK_ID} counted from {@code SLURM_ARRAY_TASK_MIN}, of
     * {@code SLURM_ARRAY_TASK_COUNT}) or a Kubernetes Indexed Job ({@code JOB_COMPLETION_INDEX}, of
     * {@code JOB_COMPLETIONS}, which the manifest sets to its {@code completions}).
     */
    public static Shard fromEnvironment(java.util.Map<String, String> env) {
        if (env.containsKey("SLURM_ARRAY_TASK_ID")) {
            int id = envInt(env, "SLURM_ARRAY_TASK_ID");
            int min = env.containsKey("SLURM_ARRAY_TASK_MIN") ? envInt(env, "SLURM_ARRAY_TASK_MIN") : 0;
            int count = envInt(env, "SLURM_ARRAY_TASK_COUNT");
            BadInputException.check(id - min >= 0 && id - min < count,
                    "--shard auto: SLURM_ARRAY_TASK_ID %d is not within %d tasks from SLURM_ARRAY_TASK_MIN %d;"
                            + " submit a contiguous array such as --array=0-%d", id, count, min, count - 1);
            return new Shard(id - min, count);
        }
        if (env.containsKey("JOB_COMPLETION_INDEX")) {
            int id = envInt(env, "JOB_COMPLETION_INDEX");
            BadInputException.check(env.containsKey("JOB_COMPLETIONS"),
                    "--shard auto: JOB_COMPLETION_INDEX is set but JOB_COMPLETIONS is not; set it in the Job's"
                            + " container env to the Job's completions (see docs/cluster.md)");
            int count = envInt(env, "JOB_COMPLETIONS");
            BadInputException.check(id >= 0 && id < count,
                    "--shard auto: JOB_COMPLETION_INDEX %d is not below JOB_COMPLETIONS %d", id, count);
            return new Shard(id, count);
        }
        throw new BadInputException("--shard auto: no scheduler's shard in the environment; it reads"
                + " SLURM_ARRAY_TASK_ID and SLURM_ARRAY_TASK_COUNT (a Slurm array job) or JOB_COMPLETION_INDEX and"
                + " JOB_COMPLETIONS (a Kubernetes Indexed Job); elsewhere give --shard i/N");
    }

    /** {@code --shard} as the user gave it: "i/N" or "auto". */
    public static Shard parseOrAuto(String text, java.util.Map<String, String> env) {
        return text != null && text.strip().equals("auto") ? fromEnvironment(env) : parse(text);
    }

    private static int envInt(java.util.Map<String, String> env, String name) {
        String v = env.get(name);
        try {
            return Integer.parseInt(v == null ? "" : v.strip());
        } catch (NumberFormatException e) {
            throw new BadInputException("--shard auto: " + name + " is '" + v + "', not a whole number");
        }
    }

    @Override
    public String toString() {
        return (index + 1) + "/" + count;
    }
}
