package dev.ridgeline.core.op;

import java.util.List;
import java.util.Map;

/**
 * A reduction other than the mean ({@link ReduceMean}) over some axes (negative counts from the end), kept as
 * size 1 or dropped: a sum, max, min, product, L1 or L2 norm, sum of squares, log-sum or log-sum-exp; arg-max
 * and arg-min give the index of the extreme.
 */
public record Reduce(Function function, List<Integer> axes, boolean keepDims) implements Op {
    /** The reductions. */
    public enum Function {
        SUM("reduce_sum"), MAX("reduce_max"), MIN("reduce_min"), PROD("reduce_prod"), L1("reduce_l1"),
        L2("reduce_l2"), SUM_SQUARE("reduce_sum_square"), LOG_SUM("reduce_log_sum"),
        LOG_SUM_EXP("reduce_log_sum_exp"), ARG_MAX("argmax"), ARG_MIN("argmin");

        private final String id;

        Function(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    public Reduce {
        if (function == null) {
            throw new IllegalArgumentException("function is required");
        }
        axes = AxisLists.atLeastOne(function.id(), axes);
    }

    @Override
    public OpKind kind() {
        return OpKind.REDUCE;
    }

    @Override
    public String type() {
        return function.id();
    }

    @Override
    public Map<String, Object> attributes() {
        return ReduceMean.reductionAttributes(axes, keepDims);
    }
}
