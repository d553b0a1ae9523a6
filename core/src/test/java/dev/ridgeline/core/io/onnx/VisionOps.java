package dev.ridgeline.core.io.onnx;

import java.util.List;

/**
 * The ops of the default ONNX domain that vision inference graphs use (classification, detection,
 * segmentation, super-resolution and their quantized exports), the set the conformance coverage is judged on.
 */
final class VisionOps {
    static final List<String> ALL = List.of("Abs", "Add", "And", "AveragePool", "BatchNormalization", "Cast",
            "CastLike", "Ceil", "Clip", "Concat", "ConstantOfShape", "Conv", "ConvInteger", "ConvTranspose",
            "DepthToSpace", "DequantizeLinear", "Div", "Dropout", "Einsum", "Elu", "Equal", "Erf", "Exp", "Expand",
            "Flatten", "Floor", "Gather", "Gemm", "GlobalAveragePool", "GlobalMaxPool", "Greater", "GreaterOrEqual",
            "GroupNormalization", "HardSigmoid", "HardSwish", "Identity", "InstanceNormalization", "LayerNormalization",
            "LeakyRelu", "Less", "LessOrEqual", "Log", "MatMul", "MatMulInteger", "Max", "MaxPool", "Mean", "Min",
            "Mul", "Neg", "Not", "Or", "Pad", "Pow", "PRelu", "QLinearConv", "QLinearMatMul", "QuantizeLinear",
            "Range", "Reciprocal", "ReduceMax", "ReduceMean", "ReduceSum", "Relu", "Reshape", "Resize", "Selu",
            "Shape", "Sigmoid", "Size", "Slice", "Softmax", "Softplus", "SpaceToDepth", "Split", "Sqrt", "Squeeze",
            "Sub", "Sum", "Tanh", "Tile", "Transpose", "Unsqueeze", "Upsample", "Where");

    private VisionOps() {
    }
}
