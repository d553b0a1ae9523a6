package dev.ridgeline.measure.calibrate;

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
 * Fits the roofline's three constants to measured times: the attainable compute rate (ops/s), the attainable
 * bandwidth (bytes/s) and the per-kernel overhead (s). Least squares on the log of predicted over measured time
 * (so that a 1 ms and a 100 ms run weigh the same, and errors are relative), solved by commons-math3's
 * Levenberg-Marquardt over the logs of the constants (which keeps them positive), from a grid of starts.
 */
public final class ProfileFit {
    /** The fitted constants and the log residuals, one per sample, in the samples' order. */
    public record Result(double opsPerSecond, double bytesPerSecond, double overheadSeconds, double[] logResiduals) {
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

    public static Result fit(List<Kernels> kernels, double[] measuredSeconds) {
        if (kernels.size() != measuredSeconds.length || kernels.size() < 4) {
            throw new IllegalArgumentException("need at least 4 samples, one time each");
        }
        MultivariateJacobianFunction model = point -> residualsAndJacobian(kernels, measuredSeconds, point);
        Optimum best = null;
        for (double c : new double[] {1e9, 1e10, 1e11}) {
            for (double m : new double[] {1e9, 1e10, 1e11}) {
                for (double o : new double[] {1e-6, 1e-5}) {
                    Optimum opt = new LevenbergMarquardtOptimizer().optimize(new LeastSquaresBuilder()
                            .start(new double[] {Math.log(c), Math.log(m), Math.log(o)}).model(model)
                            .target(new double[measuredSeconds.length]).maxEvaluations(10_000)
                            .maxIterations(10_000).build());
                    if (best == null || opt.getCost() < best.getCost()) {
                        best = opt;
                    }
                }
            }
        }
        double[] p = best.getPoint().toArray();
        return new Result(Math.exp(p[0]), Math.exp(p[1]), Math.exp(p[2]),
                residuals(kernels, measuredSeconds, p).toArray());
    }

    private static Pair<RealVector, org.apache.commons.math3.linear.RealMatrix> residualsAndJacobian(
            List<Kernels> kernels, double[] measured, RealVector point) {
        double[] p = point.toArray();
        RealVector r = residuals(kernels, measured, p);
        Array2DRowRealMatrix jacobian = new Array2DRowRealMatrix(measured.length, p.length);
        for (int j = 0; j < p.length; j++) {
            double[] q = p.clone();
            double h = 1e-6;
            q[j] += h;
            RealVector rq = residuals(kernels, measured, q);
            for (int i = 0; i < measured.length; i++) {
                jacobian.setEntry(i, j, (rq.getEntry(i) - r.getEntry(i)) / h);
            }
        }
        return new Pair<>(r, jacobian);
    }

    private static RealVector residuals(List<Kernels> kernels, double[] measured, double[] logParams) {
        double c = Math.exp(logParams[0]);
        double m = Math.exp(logParams[1]);
        double o = Math.exp(logParams[2]);
        double[] r = new double[measured.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = Math.log(kernels.get(i).seconds(c, m, o) / measured[i]);
        }
        return new ArrayRealVector(r, false);
    }
}
