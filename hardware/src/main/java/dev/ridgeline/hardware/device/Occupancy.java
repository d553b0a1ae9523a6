package dev.ridgeline.hardware.device;

/**
 * How a runtime splits a kernel's output over the device's parallel units: output tiles of {@code tilePixels}
 * positions (batch x height x width) by {@code tileChannels} channels, {@code concurrentTiles} of them at a time
 * (one per streaming multiprocessor, say). A layer too small to fill the device, or whose channels are not a
 * multiple of the tile, attains only {@link #fill} of the compute rate. {@link #NONE}: every layer fills it.
 */
public record Occupancy(int tilePixels, int tileChannels, int concurrentTiles) {
    public static final Occupancy NONE = new Occupancy(1, 1, 1);

    public Occupancy {
        if (tilePixels < 1 || tileChannels < 1 || concurrentTiles < 1) {
            throw new IllegalArgumentException("tile sizes and concurrent tiles must be at least 1, got " + tilePixels
                    + ", " + tileChannels + ", " + concurrentTiles);
        }
    }

    /**
     * The share of the compute rate a kernel with {@code pixels} output positions and {@code channels} output
     * channels attains: its useful work over the work of the waves of whole tiles it occupies, in (0, 1].
     */
    public double fill(long pixels, long channels) {
        if (this.equals(NONE) || pixels <= 0 || channels <= 0) {
            return 1;
        }
        long rows = ceilDiv(pixels, tilePixels);
        long columns = ceilDiv(channels, tileChannels);
        long tiles = rows * columns;
        long waves = ceilDiv(tiles, concurrentTiles);
        double slots = (double) waves * concurrentTiles * tilePixels * tileChannels;
        return Math.min(1, (double) pixels * channels / slots);
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
