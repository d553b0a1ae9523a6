package dev.ridgeline.report.chart;

/**
 * The extent of data along one axis and whether to draw it on a log scale: when every value is positive and
 * the largest is more than ten times the smallest. A log axis is drawn by plotting log10 of the values on a
 * linear XChart axis whose tick labels show the values again (XChart's own log axis drops custom tick labels).
 */
record Axis(double min, double max, boolean log) {
    static final double LOG_RATIO = 10;

    static Axis of(double[]... columns) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] column : columns) {
            for (double v : column) {
                if (Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        if (min > max) {
            return new Axis(0, 1, false);
        }
        return new Axis(min, max, min > 0 && max > LOG_RATIO * min);
    }

    /** Where a value is plotted: log10 of it on a log axis. */
    double plot(double v) {
        return log ? Math.log10(v) : v;
    }

    double[] plot(double[] values) {
        double[] plotted = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            plotted[i] = plot(values[i]);
        }
        return plotted;
    }

    /** Tick labels: the value a plotted position stands for, in the metric's unit. */
    java.util.function.Function<Double, String> ticks(java.util.function.Function<Double, String> label) {
        return log ? v -> label.apply(twoDigits(Math.pow(10, v))) : label;
    }

    /** Half-decade ticks land on 10^0.5 = 3.162...; 3.2 reads better. */
    private static double twoDigits(double v) {
        return v == 0 ? 0 : new java.math.BigDecimal(v).round(new java.math.MathContext(2)).doubleValue();
    }

    /** The value's place along the axis in [0, 1], in log space for a log axis. */
    double fraction(double v) {
        if (max == min) {
            return 0.5;
        }
        return log ? Math.log(v / min) / Math.log(max / min) : (v - min) / (max - min);
    }

    /** The inverse of {@link #fraction}. */
    double at(double fraction) {
        if (max == min) {
            return min;
        }
        return log ? min * Math.pow(max / min, fraction) : min + fraction * (max - min);
    }
}
