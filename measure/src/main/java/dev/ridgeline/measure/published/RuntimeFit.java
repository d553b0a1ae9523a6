package dev.ridgeline.measure.published;

import dev.ridgeline.hardware.device.DeviceProfile;
import dev.ridgeline.hardware.device.RuntimeProfile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer.Optimum;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.fitting.leastsquares.MultivariateJacobianFunction;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.util.Pair;

/**
 * Fits a runtime's four constants on one device (compute efficiency, memory efficiency, time per kernel, time per
 * inference) to published whole-model times: least squares on log(predicted / measured), so errors are relative,
 * plus a weak prior ({@value #PRIOR} per unit of each parameter) toward the device's current runtime, so that a
 * constant the figures cannot pin down (the memory efficiency when every figure is compute-bound) stays where the
 * preset put it. A figure with a per-layer profile adds one residual per profiled kernel (its log time ratio,
 * without the time per inference), weighted so that a profile counts as much as {@value #PROFILE_WEIGHT} whole
 * figures. The efficiencies are fitted through a logistic (they stay in (0, 1)), the times through their
 * logarithms (they stay positive); commons-math3's Levenberg-Marquardt solves it from a few starts.
 */
public final class RuntimeFit {
    static final double PRIOR = 0.05;
    static final double PROFILE_WEIGHT = 1;
    private static final int PARAMETERS = 4;

    /**
     * The fitted constants; each figure's prediction with them and its leave-one-out prediction (with the
     * constants fitted on every other figure), in the figures' order.
     */
    public record Result(double computeEfficiency, double memoryEfficiency, double kernelOverheadSeconds,
                         double inferenceOverheadSeconds, double[] fittedSeconds, double[] leaveOneOutSeconds) {
        /**
         * The runtime with these constants, in place of {@code base}'s four (its tiles, weight cache and precision
         * factors kept).
         */
        public RuntimeProfile runtime(RuntimeProfile base, String id, String source) {
            if (base == null) {
                return new RuntimeProfile(id, id, computeEfficiency, memoryEfficiency, java.util.Map.of(),
                        kernelOverheadSeconds, inferenceOverheadSeconds, dev.ridgeline.hardware.device.Occupancy.NONE,
                        0, 0, source);
            }
            return base.withConstants(id, base.name(), computeEfficiency, memoryEfficiency, java.util.Map.of(),
                    kernelOverheadSeconds, inferenceOverheadSeconds, source);
        }
    }

    private RuntimeFit() {
    }

    /** Fits the constants on all figures, then once per figure without it (leave-one-out). */
    public static Result fit(List<PublishedFigure> figures, DeviceProfile device) {
        if (figures.size() < 2) {
            throw new dev.ridgeline.core.BadInputException("a fit needs at least 2 figures for device '" + device.id()
                    + "', got " + figures.size());
        }
        List<FigureTerms> terms = figures.stream().map(f -> FigureTerms.of(f, device)).toList();
        double[] measured = figures.stream().mapToDouble(PublishedFigure::seconds).toArray();
        double[] prior = prior(device);
        List<KernelSample> samples = samples(figures, terms);
        double[] all = solve(terms, measured, samples, prior);
        double[] fitted = new double[figures.size()];
        double[] loo = new double[figures.size()];
        for (int i = 0; i < figures.size(); i++) {
            fitted[i] = seconds(terms.get(i), all);
            List<FigureTerms> rest = new ArrayList<>(terms);
            rest.remove(i);
            double[] restMeasured = new double[measured.length - 1];
            for (int j = 0, k = 0; j < measured.length; j++) {
                if (j != i) {
                    restMeasured[k++] = measured[j];
                }
            }
            final int left = i;
            List<KernelSample> restSamples = samples.stream().filter(k -> k.figure() != left).toList();
            loo[i] = seconds(terms.get(i), solve(rest, restMeasured, restSamples, prior));
        }
        return new Result(logistic(all[0]), logistic(all[1]), Math.exp(all[2]), Math.exp(all[3]), fitted, loo);
    }

    /** The median of |predicted / measured - 1|. */
    public static double medianRelativeError(double[] predicted, List<PublishedFigure> figures) {
        double[] e = new double[predicted.length];
        for (int i = 0; i < e.length; i++) {
            e[i] = Math.abs(predicted[i] / figures.get(i).seconds() - 1);
        }
        return median(e);
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    private static double[] prior(DeviceProfile device) {
        double ce = device.runtime() == null ? device.computeEfficiency() : device.runtime().computeEfficiency();
        double me = device.runtime() == null ? device.memoryEfficiency() : device.runtime().memoryEfficiency();
        return new double[] {logit(Math.min(ce, 0.99)), logit(Math.min(me, 0.99)),
            Math.log(Math.max(device.layerOverheadSeconds(), 1e-6)),
            Math.log(Math.max(device.inferenceOverheadSeconds(), 1e-5))};
    }

    /** One profiled kernel: its figure, its terms' index and its measured seconds, with the residual's weight. */
    record KernelSample(int figure, FigureTerms terms, int kernel, double seconds, double weight) {
    }

    /** Every profiled kernel whose first layer the roofline also names; a profile names layers the model lacks. */
    static List<KernelSample> samples(List<PublishedFigure> figures, List<FigureTerms> terms) {
        List<KernelSample> out = new ArrayList<>();
        for (int i = 0; i < figures.size(); i++) {
            var profile = figures.get(i).profile();
            FigureTerms t = terms.get(i);
            List<int[]> matched = new ArrayList<>();
            for (int k = 0; k < t.kernels(); k++) {
                Double s = profile.get(t.kernelNames().get(k));
                if (s != null && s > 0) {
                    matched.add(new int[] {k});
                }
            }
            for (int[] m : matched) {
                out.add(new KernelSample(i, t, m[0], profile.get(t.kernelNames().get(m[0])),
                        PROFILE_WEIGHT / Math.sqrt(matched.size())));
            }
        }
        return out;
    }

    /** The number of profiled kernels a fit of these figures uses. */
    public static int profiledKernels(List<PublishedFigure> figures, DeviceProfile device) {
        return samples(figures, figures.stream().map(f -> FigureTerms.of(f, device)).toList()).size();
    }

    private static double[] solve(List<FigureTerms> terms, double[] measured, List<KernelSample> samples,
                                  double[] prior) {
        MultivariateJacobianFunction model = point -> valueAndJacobian(terms, measured, samples, prior,
                point.toArray());
        Optimum best = null;
        for (double ce : new double[] {0, 1.5}) {
            for (double ko : new double[] {0, 2}) {
                for (double io : new double[] {0, 2}) {
                    double[] start = {prior[0] + ce, prior[1], prior[2] + ko, prior[3] + io};
                    Optimum o = new LevenbergMarquardtOptimizer().optimize(new LeastSquaresBuilder().start(start)
                            .model(model).target(new double[measured.length + samples.size() + PARAMETERS])
                            .maxEvaluations(20_000).maxIterations(20_000).build());
                    if (best == null || o.getCost() < best.getCost()) {
                        best = o;
                    }
                }
            }
        }
        return best.getPoint().toArray();
    }

    private static Pair<RealVector, RealMatrix> valueAndJacobian(List<FigureTerms> terms, double[] measured,
                                                                List<KernelSample> samples, double[] prior,
                                                                double[] p) {
        double[] r = residuals(terms, measured, samples, prior, p);
        Array2DRowRealMatrix j = new Array2DRowRealMatrix(r.length, p.length);
        for (int c = 0; c < p.length; c++) {
            double[] q = p.clone();
            double h = 1e-6 * Math.max(1, Math.abs(p[c]));
            q[c] += h;
            double[] rq = residuals(terms, measured, samples, prior, q);
            for (int row = 0; row < r.length; row++) {
                j.setEntry(row, c, (rq[row] - r[row]) / h);
            }
        }
        return new Pair<>(new ArrayRealVector(r, false), j);
    }

    private static double[] residuals(List<FigureTerms> terms, double[] measured, List<KernelSample> samples,
                                      double[] prior, double[] p) {
        double[] r = new double[measured.length + samples.size() + PARAMETERS];
        for (int i = 0; i < measured.length; i++) {
            r[i] = Math.log(seconds(terms.get(i), p) / measured[i]);
        }
        for (int j = 0; j < samples.size(); j++) {
            KernelSample k = samples.get(j);
            double predicted = k.terms().kernelSeconds(k.kernel(), logistic(p[0]), logistic(p[1]), Math.exp(p[2]));
            r[measured.length + j] = k.weight() * Math.log(predicted / k.seconds());
        }
        for (int k = 0; k < PARAMETERS; k++) {
            r[measured.length + samples.size() + k] = PRIOR * (p[k] - prior[k]);
        }
        return r;
    }

    private static double seconds(FigureTerms t, double[] p) {
        return t.seconds(logistic(p[0]), logistic(p[1]), Math.exp(p[2]), Math.exp(p[3]));
    }

    private static double logistic(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    private static double logit(double y) {
        return Math.log(y / (1 - y));
    }
}
