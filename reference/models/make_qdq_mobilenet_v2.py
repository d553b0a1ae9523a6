#!/usr/bin/python3
"""Writes a QDQ-quantized MobileNetV2 from reference/models/mobilenet_v2.onnx, in the form ONNX Runtime's
static quantizer writes by default (QuantFormat.QDQ): every float input of a Conv, Clip, Add,
GlobalAveragePool and Gemm goes through a QuantizeLinear / DequantizeLinear pair (uint8, per tensor), weights
are stored as int8 with a per-output-channel scale and read through a DequantizeLinear, biases as int32 with
scale = input scale x weight scale. Scales are fixed, not calibrated: the file is for counting and timing,
not for accuracy.

Needs only Debian's python3-onnx (and numpy, which it depends on):

    /usr/bin/python3 reference/models/make_qdq_mobilenet_v2.py OUT.onnx [FLOAT.onnx]
"""
import sys

import numpy as np
import onnx
from onnx import helper, numpy_helper, TensorProto

QUANTIZED_INPUTS = {"Conv", "Clip", "Add", "GlobalAveragePool", "Gemm"}
ACTIVATION_SCALE = 0.05


def main(out_path, float_path="reference/models/mobilenet_v2.onnx"):
    model = onnx.load(float_path)
    graph = model.graph
    inits = {t.name: t for t in graph.initializer}
    constants = {}
    for n in graph.node:
        if n.op_type == "Constant":
            constants[n.output[0]] = n.attribute[0].t
    # Identity aliases of stored tensors, as the exporter shares identical tensors
    alias = {}
    for n in graph.node:
        if n.op_type == "Identity" and (n.input[0] in inits or n.input[0] in constants):
            alias[n.output[0]] = n.input[0]

    def stored(name):
        name = alias.get(name, name)
        t = inits.get(name, constants.get(name))
        return None if t is None else numpy_helper.to_array(t)

    new_inits = []
    nodes = []
    pairs = {}  # float tensor -> its dequantized name

    def scalar(name, value, dtype):
        new_inits.append(numpy_helper.from_array(np.array(value, dtype=dtype), name))
        return name

    def qdq(tensor):
        if tensor in pairs:
            return pairs[tensor]
        base = tensor.replace("/", "_").strip("_")
        s = scalar(base + "_scale", ACTIVATION_SCALE, np.float32)
        z = scalar(base + "_zero_point", 128, np.uint8)
        q, dq = base + "_quantized", base + "_dequantized"
        nodes.append(helper.make_node("QuantizeLinear", [tensor, s, z], [q], name=base + "_QuantizeLinear"))
        nodes.append(helper.make_node("DequantizeLinear", [q, s, z], [dq], name=base + "_DequantizeLinear"))
        pairs[tensor] = dq
        return dq

    def weight(name, w, axis):
        channels = w.shape[axis]
        moved = np.moveaxis(w, axis, 0).reshape(channels, -1)
        scale = np.maximum(np.abs(moved).max(axis=1), 1e-8) / 127.0
        shape = [1] * w.ndim
        shape[axis] = channels
        q = np.clip(np.round(w / scale.reshape(shape)), -127, 127).astype(np.int8)
        new_inits.append(numpy_helper.from_array(q, name + "_quantized"))
        new_inits.append(numpy_helper.from_array(scale.astype(np.float32), name + "_scale"))
        new_inits.append(numpy_helper.from_array(np.zeros(channels, np.int8), name + "_zero_point"))
        nodes.append(helper.make_node("DequantizeLinear", [name + "_quantized", name + "_scale",
                                                          name + "_zero_point"], [name + "_dequantized"],
                                      name=name + "_DequantizeLinear", axis=axis))
        return name + "_dequantized", scale

    def bias(name, b, weight_scale):
        scale = (ACTIVATION_SCALE * weight_scale).astype(np.float32)
        q = np.round(b / scale).astype(np.int32)
        new_inits.append(numpy_helper.from_array(q, name + "_quantized"))
        new_inits.append(numpy_helper.from_array(scale, name + "_scale"))
        new_inits.append(numpy_helper.from_array(np.zeros(len(q), np.int32), name + "_zero_point"))
        nodes.append(helper.make_node("DequantizeLinear", [name + "_quantized", name + "_scale",
                                                          name + "_zero_point"], [name + "_dequantized"],
                                      name=name + "_DequantizeLinear", axis=0))
        return name + "_dequantized"

    for n in graph.node:
        if n.op_type in ("Identity", "Constant") and (n.output[0] in alias or n.op_type == "Constant"):
            if n.op_type == "Constant":
                nodes.append(n)
            continue
        if n.op_type not in QUANTIZED_INPUTS:
            nodes.append(n)
            continue
        inputs = list(n.input)
        if n.op_type in ("Conv", "Gemm"):
            inputs[0] = qdq(inputs[0])
            w = stored(inputs[1])
            trans_b = n.op_type == "Gemm" and any(a.name == "transB" and a.i == 1 for a in n.attribute)
            inputs[1], w_scale = weight(n.name.replace("/", "_").strip("_") + "_weight", w,
                                        0 if n.op_type == "Conv" or trans_b else 1)
            if len(inputs) > 2 and inputs[2]:
                inputs[2] = bias(n.name.replace("/", "_").strip("_") + "_bias", stored(inputs[2]), w_scale)
        elif n.op_type == "Clip":
            inputs[0] = qdq(inputs[0])
        else:
            inputs = [qdq(i) for i in inputs]
        n2 = helper.make_node(n.op_type, inputs, list(n.output), name=n.name)
        n2.attribute.extend(n.attribute)
        nodes.append(n2)

    used = {i for n in nodes for i in n.input}
    kept = [t for t in graph.initializer if t.name in used]
    out_graph = helper.make_graph(nodes, graph.name + "_qdq", list(graph.input), list(graph.output),
                                  kept + new_inits)
    out = helper.make_model(out_graph, opset_imports=[helper.make_opsetid("", 13)],
                            producer_name="ridgeline make_qdq_mobilenet_v2.py")
    out.ir_version = model.ir_version
    onnx.checker.check_model(out)
    onnx.save(out, out_path)


if __name__ == "__main__":
    main(*sys.argv[1:])
