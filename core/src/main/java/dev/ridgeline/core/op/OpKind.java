package dev.ridgeline.core.op;

/**
 * The closed set of operator kinds; {@link #id()} is the name users write and outputs print, {@link #arity()}
 * and {@link #isView()} what every op of the kind has unless its fields say otherwise.
 */
public enum OpKind {
    CONV2D("conv2d"),
    CONV_TRANSPOSE2D("conv_transpose2d"),
    LINEAR("linear"),
    MATMUL("matmul"),
    BATCH_NORM("batchnorm"),
    ACTIVATION("activation"),
    MAX_POOL("maxpool"),
    AVG_POOL("avgpool"),
    ADAPTIVE_AVG_POOL("adaptive_avgpool"),
    GLOBAL_AVG_POOL("global_avgpool"),
    ADD("add"),
    MUL("mul"),
    CONCAT("concat"),
    FLATTEN("flatten"),
    CHANNEL_SHUFFLE("channel_shuffle"),
    UPSAMPLE("upsample"),
    DROPOUT("dropout"),
    IDENTITY("identity"),
    ELEMENTWISE("elementwise"),
    SOFTMAX("softmax"),
    REDUCE_MEAN("reduce_mean"),
    RESHAPE("reshape"),
    TRANSPOSE("transpose"),
    SQUEEZE("squeeze"),
    UNSQUEEZE("unsqueeze"),
    SLICE("slice"),
    PAD("pad"),
    SPLIT("split"),
    LAYER_NORM("layer_norm"),
    SCALE("scale"),
    STOCHASTIC_DEPTH("stochastic_depth"),
    GROUP_NORM("group_norm"),
    REDUCE("reduce"),
    TILE("tile"),
    UNCOUNTED("uncounted");

    private final String id;

    OpKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** How many inputs an op of this kind takes; an elementwise op with a constant takes one, not two. */
    public Arity arity() {
        return switch (this) {
            case ADD, MUL, MATMUL, ELEMENTWISE -> Arity.TWO;
            case CONCAT, UNCOUNTED -> Arity.ONE_OR_MORE;
            default -> Arity.ONE;
        };
    }

    /** True for the kinds whose ops are views: no arithmetic, no memory traffic. */
    public boolean isView() {
        return switch (this) {
            case FLATTEN, DROPOUT, IDENTITY, RESHAPE, SQUEEZE, UNSQUEEZE, SPLIT, STOCHASTIC_DEPTH -> true;
            default -> false;
        };
    }
}
