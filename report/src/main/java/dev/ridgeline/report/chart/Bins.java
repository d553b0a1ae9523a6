package dev.ridgeline.report.chart;

import java.util.ArrayList;
import java.util.List;

/**
 * A point cloud reduced to the occupied cells of a grid (log-spaced on a log axis), so that a million points
 * draw as a few thousand markers. Each occupied cell keeps its count; cells are returned in three density
 * tiers (at most 1/8, 1/8 to 1/2, over 1/2 of the fullest cell's count on a log scale).
 */
final class Bins {
    private Bins() {
    }

    /** Cell centres of one density tier. */
    record Tier(String label, double[] x, double[] y) {
    }

    /** @param cells cells along each axis */
    static List<Tier> of(double[] x, double[] y, Axis xAxis, Axis yAxis, int cells) {
        int[] counts = new int[cells * cells];
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
                continue;
            }
            counts[cell(xAxis, x[i], cells) * cells + cell(yAxis, y[i], cells)]++;
        }
        int fullest = 0;
        for (int c : counts) {
            fullest = Math.max(fullest, c);
        }
        double top = Math.log1p(fullest);
        List<List<double[]>> tiers = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (int i = 0; i < cells; i++) {
            for (int j = 0; j < cells; j++) {
                int c = counts[i * cells + j];
                if (c == 0) {
                    continue;
                }
                double share = Math.log1p(c) / top;
                int tier = share > 0.5 ? 2 : share > 0.125 ? 1 : 0;
                tiers.get(tier).add(new double[] {xAxis.at((i + 0.5) / cells), yAxis.at((j + 0.5) / cells)});
            }
        }
        String[] labels = {"few points", "more points", "most points"};
        List<Tier> result = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            List<double[]> cellsOfTier = tiers.get(t);
            double[] xs = new double[cellsOfTier.size()];
            double[] ys = new double[cellsOfTier.size()];
            for (int k = 0; k < xs.length; k++) {
                xs[k] = cellsOfTier.get(k)[0];
                ys[k] = cellsOfTier.get(k)[1];
            }
            result.add(new Tier(labels[t], xs, ys));
        }
        return result;
    }

    private static int cell(Axis axis, double v, int cells) {
        int c = (int) (axis.fraction(v) * cells);
        return Math.max(0, Math.min(cells - 1, c));
    }
}
