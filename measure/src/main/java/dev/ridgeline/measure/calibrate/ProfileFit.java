package dev.ridgeline.measure.calibrate;

import dev.ridgeline.hardware.device.KernelClass;
import java.util.List;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer.Optimum;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.fitting.leastsquares.MultivariateJacobianFunction;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.util.Pair;

/**
 * Fits the roofline's constants to measured times: the attainable compute rate (ops/s) of each
 * {@link KernelClass}, the attainable bandwidth (bytes/s) and the per-kernel overhead (s). Least squares on the
 * log of predicted over measured time (so that a 1 ms and a 100 ms run weigh the same, and errors are relative),
 * plus a weak prior ({@value #PRIOR} per log unit) pulling each kind's rate toward the dense-conv rate, so that a
 * kind the data cannot pin down (a memory-bound one) keeps a sensible rate; solved by commons-math3's
 * Levenberg-Marquardt over the logs of the constants (which keeps them positive), from a grid of starts.
 */
public final class ProfileFit {
    static final double PRIOR = 0.05;
    private static final int KINDS = KernelClass.values().length;

    /**
     * The fitted constants and the log residuals, one per sample, in the samples' order.
     *
     * @param opsPerSecond the attainable compute rate of each {@link KernelClass}, by ordinal
     */
    public record Result(double[] opsPerSecond, double bytesPerSecond, double overheadSeconds, double[] logResiduals) {
        public double rmsLogResidual() {
            double sum = 0;
            for (double r : logResiduals) {
                sum += r * r;
            }
            return Math.sqrt(sum / logResiduals.length);
        }
    }

    private ProfileFit() {
    }

    /**
     * @param weights how much each sample's log residual counts (whole networks more than single-kind stacks)
     */
    public static Result fit(List<Kernels> kernels, double[] measuredSeconds, double[] weights) {
        if (kernels.size() != measuredSeconds.length || kernels.size() != weights.length || kernels.size() < 4) {
            throw new IllegalArgumentException("need at least 4 samples, one time and one weight each");
        }
        MultivariateJacobianFunction model = point -> residualsAndJacobian(kernels, measuredSeconds, weights,
                point);
        Optimum best = null;
        for (double c : new double[] {1e9, 1e10, 1e11}) {
            for (double m : new double[] {1e9, 1e10, 1e11}) {
                for (double o : new double[] {1e-6, 1e-5}) {
                    double[] start = new double[KINDS + 2];
                    java.util.Arrays.fill(start, 0, KINDS, Math.log(c));
                    start[KINDS] = Math.log(m);
                    start[KINDS + 1] = Math.log(o);
                    Optimum opt = new LevenbergMarquardtOptimizer().optimize(new LeastSquaresBuilder()
                            .start(start).model(model).target(new double[measuredSeconds.length + KINDS])
                            .maxEvaluations(100_000).maxIterations(100_000).build());
                    if (best == null || opt.getCost() < best.getCost()) {
                        best = opt;
                    }
                }
            }
        }
        double[] p = best.getPoint().toArray();
        double[] rates = new double[KINDS];
        for (int k = 0; k < KINDS; k++) {
            rates[k] = Math.exp(p[k]);
        }
        double[] unweighted = new double[measuredSeconds.length];
        java.util.Arrays.fill(unweighted, 1);
        double[] all = residuals(kernels, measuredSeconds, unweighted, p).toArray();
        return new Result(rates, Math.exp(p[KINDS]), Math.exp(p[KINDS + 1]),
                java.util.Arrays.copyOf(all, measuredSeconds.length));
    }

    private static Pair<RealVector, org.apache.commons.math3.linear.RealMatrix> residualsAndJacobian(
            List<Kernels> kernels, double[] measured, double[] weights, RealVector point) {
        double[] p = point.toArray();
        RealVector r = residuals(kernels, measured, weights, p);
        Array2DRowRealMatrix jacobian = new Array2DRowRealMatrix(r.getDimension(), p.length);
        for (int j = 0; j < p.length; j++) {
            double[] q = p.clone();
            double h = 1e-6;
            q[j] += h;
            RealVector rq = residuals(kernels, measured, weights, q);
            for (int i = 0; i < r.getDimension(); i++) {
                jacobian.setEntry(i, j, (rq.getEntry(i) - r.getEntry(i)) / h);
            }
        }
        return new Pair<>(r, jacobian);
    }

    /** Log ratios of predicted to measured time, then the prior's terms (one per kind). */
    private static RealVector residuals(List<Kernels> kernels, double[] measured, double[] weights,
                                        double[] logParams) {
        double[] rates = new double[KINDS];
        for (int k = 0; k < KINDS; k++) {
            rates[k] = Math.exp(logParams[k]);
        }
        double m = Math.exp(logParams[KINDS]);
        double o = Math.exp(logParams[KINDS + 1]);
        double[] r = new double[measured.length + KINDS];
        for (int i = 0; i < measured.length; i++) {
            r[i] = weights[i] * Math.log(kernels.get(i).seconds(rates, m, o) / measured[i]);
        }
        for (int k = 0; k < KINDS; k++) {
            r[measured.length + k] = PRIOR * (logParams[k] - logParams[KernelClass.CONV.ordinal()]);
        }
        return new ArrayRealVector(r, false);
    }
}
