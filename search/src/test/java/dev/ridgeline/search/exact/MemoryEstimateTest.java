package dev.ridgeline.search.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.search.eval.Goal;
import dev.ridgeline.search.eval.Metric;
import dev.ridgeline.search.eval.Objective;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The memory estimates the solver's limit and its {@code peakBytes} statistic are made of ({@code bytes()} of
 * each buffer and structure) against the arrays the object actually holds, found by reflection: every
 * primitive array it owns, at its element size, and those of the structures it owns. A new array a structure
 * forgets to count, or a miscounted one, fails here. Left out, by name: arrays of a fixed size per dimension or
 * knob ({@link #FIXED}), which no front makes grow.
 */
class MemoryEstimateTest {
    /** Arrays sized by the number of dimensions, keys or knobs, allocated once: not counted by any estimate. */
    private static final Set<String> FIXED = Set.of("dim", "negate", "bound", "scratchKey", "sureMax", "sureMin",
            "settledSureMax", "settledSureMin", "slack", "swapVec", "swapDef", "swapParent", "scope", "strides",
            "coveredMin", "coveredMax");
    /** The structures an object owns, whose arrays count as its own. */
    private static final Set<Class<?>> OWNED = Set.of(EntryOrder.class, DominanceIndex.class, StaircaseTree.class,
            Staircase.class, nested(StaircaseTree.class, "Pool"));

    private static Class<?> nested(Class<?> outer, String name) {
        return Arrays.stream(outer.getDeclaredClasses()).filter(c -> c.getSimpleName().equals(name)).findFirst()
                .orElseThrow();
    }

    /** The bytes of the arrays {@code o} holds, as {@code bytes()} should count them. */
    private static long held(Object o) {
        long bytes = 0;
        for (Class<?> c = o.getClass(); c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) || FIXED.contains(f.getName())) {
                    continue;
                }
                f.setAccessible(true);
                Object v;
                try {
                    v = f.get(o);
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
                if (v == null) {
                    continue;
                }
                if (o instanceof Candidates cand && (f.getName().equals("index") || f.getName().equals("fresh"))
                        && staircase(cand) != null) {
                    // over two keys a pass uses the staircase; the index is never filled
                    continue;
                }
                Class<?> t = v.getClass();
                if (t == double[].class || t == long[].class) {
                    bytes += 8L * java.lang.reflect.Array.getLength(v);
                } else if (t == float[].class || t == int[].class) {
                    bytes += 4L * java.lang.reflect.Array.getLength(v);
                } else if (t.isArray() && t.getComponentType().isPrimitive()) {
                    throw new AssertionError("an array of " + t.getComponentType() + " in " + c.getSimpleName() + "."
                            + f.getName() + ": count it here");
                } else if (OWNED.contains(t)) {
                    bytes += held(v);
                }
            }
        }
        return bytes;
    }

    private static Object staircase(Candidates c) {
        try {
            Field f = Candidates.class.getDeclaredField("staircase");
            f.setAccessible(true);
            return f.get(c);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static final List<List<Objective>> SHAPES = List.of(
            List.of(new Objective(Metric.LATENCY_SECONDS, Goal.MIN), new Objective(Metric.MACS, Goal.MAX)),
            List.of(new Objective(Metric.LATENCY_SECONDS, Goal.MIN), new Objective(Metric.PEAK_ACTIVATION_BYTES,
                    Goal.MIN)),
            List.of(new Objective(Metric.LATENCY_SECONDS, Goal.MIN), new Objective(Metric.MACS, Goal.MAX),
                    new Objective(Metric.PARAMS, Goal.MIN)),
            List.of(new Objective(Metric.LATENCY_SECONDS, Goal.MIN), new Objective(Metric.MACS, Goal.MAX),
                    new Objective(Metric.PARAMS, Goal.MIN), new Objective(Metric.WEIGHT_BYTES, Goal.MIN)),
            List.of(new Objective(Metric.LATENCY_SECONDS, Goal.MIN), new Objective(Metric.MACS, Goal.MAX),
                    new Objective(Metric.PARAMS, Goal.MIN), new Objective(Metric.WEIGHT_BYTES, Goal.MIN),
                    new Objective(Metric.FLOPS, Goal.MAX)));

    /** A buffer over the shape's dimensions, filled with random entries of two parents and filtered twice. */
    private static Candidates filled(int shape, long seed) {
        Dimensions dims = Dimensions.of(SHAPES.get(shape), List.of());
        int d = dims.count();
        Candidates c = new Candidates(dims, 3);
        c.reset(new Factor[] {leaf(d), leaf(d)}, 1);
        SplittableRandom random = new SplittableRandom(seed);
        for (int pass = 0; pass < 2; pass++) {
            int n = 300 + random.nextInt(700);
            for (int i = 0; i < n; i++) {
                int e = c.append(random.nextInt(3));
                for (int j = 0; j < d; j++) {
                    c.vec[e * d + j] = 1 + random.nextInt(20);
                }
                // distinct designs through the parents' entries, so that no two entries tie on their design
                c.parent[e * 2] = pass;
                c.parent[e * 2 + 1] = i;
            }
            c.filter(0);
        }
        return c;
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4})
    void aBufferCountsEveryArrayItAndItsStructuresHold(int shape) {
        Candidates c = filled(shape, 11 + shape);
        long held = held(c);
        assertTrue(held > 10_000, "the buffer grew: " + held + " bytes");
        assertEquals(held, c.bytes(), "shape " + shape);
        // a buffer appended to after its filter holds more, and says so
        int d = c.dims;
        for (int i = 0; i < 2000; i++) {
            int e = c.append(0);
            Arrays.fill(c.vec, e * d, (e + 1) * d, 30);
        }
        assertTrue(held(c) > held);
        assertEquals(held(c), c.bytes(), "shape " + shape + " after appending");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 2, 3, 4})
    void shrinkDropsTheArraysOnlyAboveItsLimit(int shape) {
        Candidates c = filled(shape, 21 + shape);
        long bytes = c.bytes();
        int size = c.size;
        c.shrink(bytes);
        assertEquals(bytes, c.bytes(), "at its limit the buffer keeps its arrays");
        assertEquals(size, c.size, "and its entries");
        c.shrink(bytes - 1);
        assertEquals(0, c.size, "above its limit it is emptied");
        Candidates fresh = new Candidates(Dimensions.of(SHAPES.get(shape), List.of()), 3);
        assertEquals(held(fresh), held(c), "and holds what a new buffer holds");
        assertEquals(held(c), c.bytes());
        // and it filters as a new one does
        Candidates again = filled(shape, 21 + shape);
        c.reset(again.parents, 1);
        int d = c.dims;
        for (int e = 0; e < again.size; e++) {
            c.copyFrom(again, e);
        }
        c.filter(0);
        assertEquals(again.size, c.size, "a shrunk buffer keeps what a new one keeps");
        for (int e = 0; e < c.size; e++) {
            for (int j = 0; j < d; j++) {
                assertEquals(again.vec[e * d + j], c.vec[e * d + j]);
            }
        }
    }

    @Test
    void aStoreCountsItsArrays() {
        Candidates c = filled(3, 5);
        GrowingStore store = new GrowingStore(c.dims, 2);
        assertEquals(0, store.bytes());
        for (int i = 0; i < 7; i++) {
            store.add(c);
            assertEquals(held(store), store.bytes(), "after " + (i + 1) + " adds");
        }
        assertEquals(7 * c.size, store.size);
        GrowingStore exact = new GrowingStore(c.dims, 2, 7 * c.size);
        exact.addAll(store);
        assertEquals(held(exact), exact.bytes());
        assertEquals((8L * c.dims + 4L * c.dims + 4 + 4 * 2) * 7 * c.size, exact.bytes(), "a store of exactly its "
                + "entries: per entry its vector, deficits, choice and two parents' entries");
        assertEquals(exact.vectors().length, 7 * c.size * c.dims);
        assertEquals(exact.parents().length, 7 * c.size * 2);
        assertEquals(exact.choices().length, 7 * c.size);
    }

    @Test
    void aFactorCountsItsArraysAndWhatForgettingFrees() {
        Candidates c = filled(2, 9);
        c.def[0] = 0.5f;
        GrowingStore store = new GrowingStore(c.dims, 2);
        store.add(c);
        int entries = c.size;
        Factor leafA = leaf(c.dims);
        Factor leafB = leaf(c.dims);
        Factor f = new Factor(new int[0], new int[] {3, 3, 3}, new int[] {0, entries}, store.vectors(),
                store.deficits(), 1, store.choices(), new Factor[] {leafA, leafB}, store.parents(),
                new double[c.dims], new double[c.dims]);
        assertTrue(f.deficits != null, "an entry carries a deficit");
        long held = held(f);
        assertEquals(held, f.bytes());
        assertEquals(8L * c.dims * entries + 4L * c.dims * entries + 4L * entries + 4L * 2 * entries + 4L * 2, held);
        long freed = f.forgetVectors();
        assertEquals(held - held(f), freed, "forgetting frees the vectors and deficits");
        assertEquals(12L * c.dims * entries, freed);
        assertEquals(held(f), f.bytes(), "after forgetting");
        assertEquals(0, f.forgetVectors(), "forgetting twice frees nothing more");
        assertEquals(held(leafA), leafA.bytes(), "a leaf");
    }

    private static Factor leaf(int d) {
        int[] radix = {3, 3, 3};
        int[] scope = {0, 2};
        double[] vectors = new double[9 * d];
        Arrays.fill(vectors, 1);
        int[] start = new int[10];
        for (int a = 0; a <= 9; a++) {
            start[a] = a;
        }
        return new Factor(scope, radix, start, vectors, null, -1, null, null, null, new double[d], new double[d]);
    }
}
