#!/usr/bin/python3
"""An independent count of an ONNX file's parameters and MACs, with Debian's python3-onnx only: ONNX's own
shape inference gives every tensor's shape, and the count is

  MACs   = output elements x (input channels / group) x kernel area, for every Conv (and QLinearConv,
           ConvInteger); input elements x (output channels / group) x kernel area for ConvTranspose;
           output elements x inner dimension for Gemm, MatMul (and their integer forms);
  params = elements of every stored tensor a node reads as data of arithmetic (weights, biases, normalization
           scales, element-wise operands of more than one element), counted at each use; shape operands,
           scales and zero points of quantization, and tensors of one element are not parameters.

Used once per file in reference/models/README.md, never by the tests:

    /usr/bin/python3 reference/models/count_onnx.py FILE.onnx [N,C,H,W]
"""
import sys

import numpy as np
import onnx
from onnx import numpy_helper, shape_inference

VERBOSE = False

# inputs that are shapes, indices, axes or quantization parameters: never parameters
NOT_DATA = {
    "Reshape": {1}, "Expand": {1}, "Tile": {1}, "Slice": {1, 2, 3, 4}, "Resize": {1, 2, 3}, "Upsample": {1},
    "Pad": {1, 2, 3}, "Squeeze": {1}, "Unsqueeze": {1}, "ReduceMean": {1}, "ReduceSum": {1}, "Split": {1},
    "Gather": {1}, "ConstantOfShape": {0}, "Clip": {1, 2}, "QuantizeLinear": {0, 1, 2},
    "DequantizeLinear": {1, 2}, "QLinearConv": {1, 2, 4, 5, 6, 7}, "QLinearMatMul": {1, 2, 4, 5, 6, 7},
    "ConvInteger": {2, 3}, "MatMulInteger": {2, 3}, "Range": {0, 1, 2}, "TopK": {1},
    # running statistics are buffers, not parameters (as torchvision counts)
    "BatchNormalization": {3, 4},
}
ALIAS = {"Identity", "DequantizeLinear", "Cast", "Transpose", "Reshape", "Squeeze", "Unsqueeze"}


def fold_constants(model, shapes=None):
    """Replaces nodes that compute on stored tensors only (Split, Concat, ... of constants, which ONNX's shape
    inference does not evaluate) by initializers holding their numpy result, so that Pad and Resize operands
    computed that way are known."""
    graph = model.graph
    values = {t.name: numpy_helper.to_array(t) for t in graph.initializer}
    kept = []
    for n in graph.node:
        attrs = {a.name: onnx.helper.get_attribute_value(a) for a in n.attribute}
        ins = [values.get(i) if i else None for i in n.input]
        out = None
        if n.op_type == "Constant":
            out = [numpy_helper.to_array(attrs["value"])]
        elif n.op_type == "Shape" and shapes and all(d > 0 for d in shapes.get(n.input[0], [0])):
            out = [np.array(shapes[n.input[0]], dtype=np.int64)[attrs.get("start", 0):attrs.get("end", None)]]
        elif all(x is not None for x, i in zip(ins, n.input) if i) and n.input:
            t = n.op_type
            if t == "Split":
                axis = attrs.get("axis", 0)
                sizes = attrs.get("split") or (list(ins[1]) if len(ins) > 1 and ins[1] is not None else None)
                if sizes is None:
                    out = np.split(ins[0], len(n.output), axis=axis)
                else:
                    out = np.split(ins[0], np.cumsum(sizes)[:-1], axis=axis)
            elif t == "Concat":
                out = [np.concatenate(ins, axis=attrs.get("axis", 0))]
            elif t == "Cast":
                out = [ins[0].astype(onnx.mapping.TENSOR_TYPE_TO_NP_TYPE[attrs["to"]])]
            elif t == "Reshape":
                out = [ins[0].reshape([d if d != 0 else ins[0].shape[k] for k, d in enumerate(ins[1])])]
            elif t == "Unsqueeze":
                out = [np.expand_dims(ins[0], tuple(attrs.get("axes") or ins[1]))]
            elif t in ("Equal", "Where", "Add", "Sub", "Mul"):
                f = {"Equal": np.equal, "Where": np.where, "Add": np.add, "Sub": np.subtract, "Mul": np.multiply}[t]
                out = [f(*ins)]
            elif t == "Div":
                out = [ins[0] // ins[1] if ins[0].dtype.kind == "i" else ins[0] / ins[1]]
            elif t == "Gather":
                out = [np.take(ins[0], ins[1], axis=attrs.get("axis", 0))]
            elif t == "Slice" and "starts" in attrs:
                index = [slice(None)] * ins[0].ndim
                for k, a in enumerate(attrs.get("axes", range(len(attrs["starts"])))):
                    index[a] = slice(attrs["starts"][k], attrs["ends"][k])
                out = [ins[0][tuple(index)]]
            elif t == "Slice" and len(ins) >= 3:
                axes = list(ins[3]) if len(ins) > 3 and ins[3] is not None else list(range(len(ins[1])))
                index = [slice(None)] * ins[0].ndim
                for k, a in enumerate(axes):
                    step = int(ins[4][k]) if len(ins) > 4 and ins[4] is not None else 1
                    index[a] = slice(int(ins[1][k]), int(ins[2][k]), step)
                out = [ins[0][tuple(index)]]
        if out is None:
            kept.append(n)
            continue
        for name, v in zip(n.output, out):
            values[name] = np.asarray(v)
            graph.initializer.append(numpy_helper.from_array(np.asarray(v), name))
    del graph.node[:]
    graph.node.extend(kept)


def main(path, shape=None):
    model = onnx.load(path)
    graph = model.graph
    inits = {t.name for t in graph.initializer}
    if shape:
        dims = [int(d) for d in shape.split(",")]
        first = next(i for i in graph.input if i.name not in inits)
        for d, v in zip(first.type.tensor_type.shape.dim, dims):
            d.Clear()
            d.dim_value = v
    shapes = None
    for _ in range(8):
        fold_constants(model, shapes)
        model = shape_inference.infer_shapes(model, data_prop=True)
        shapes = {vi.name: [d.dim_value for d in vi.type.tensor_type.shape.dim]
                  for vi in list(model.graph.input) + list(model.graph.value_info)}
    graph = model.graph
    shapes = {}
    for vi in list(graph.input) + list(graph.value_info) + list(graph.output):
        shapes[vi.name] = [d.dim_value for d in vi.type.tensor_type.shape.dim]
    stored = {t.name: list(t.dims) for t in graph.initializer}
    for n in graph.node:
        if n.op_type == "Constant":
            stored[n.output[0]] = list(n.attribute[0].t.dims)
    # a stored tensor seen through an alias (Identity, DequantizeLinear, a constant Transpose) is still stored
    changed = True
    while changed:
        changed = False
        for n in graph.node:
            if n.op_type in ALIAS and n.input and n.input[0] in stored and n.output[0] not in stored:
                if all(i in stored or not i for i in n.input):
                    stored[n.output[0]] = shapes.get(n.output[0], stored[n.input[0]])
                    changed = True
    macs = 0
    params = 0
    for n in graph.node:
        t = n.op_type
        if t in ALIAS and all(i in stored or not i for i in n.input):
            continue
        if t == "Constant":
            continue
        skip = NOT_DATA.get(t, set())
        for k, i in enumerate(n.input):
            if i and i in stored and k not in skip:
                size = int(np.prod(stored[i])) if stored[i] else 1
                if size > 1:
                    params += size
        if t in ("Conv", "QLinearConv", "ConvInteger"):
            w = stored[n.input[3 if t == "QLinearConv" else 1]]
            out = shapes[n.output[0]]
            macs += int(np.prod(out)) * w[1] * int(np.prod(w[2:]))
            if VERBOSE:
                print(n.name, int(np.prod(out)) * w[1] * int(np.prod(w[2:])), out)
        elif t == "ConvTranspose":
            w = stored[n.input[1]]
            group = next((a.i for a in n.attribute if a.name == "group"), 1)
            macs += int(np.prod(shapes[n.input[0]])) * (w[1]) * int(np.prod(w[2:]))
        elif t in ("Gemm", "MatMul", "QLinearMatMul", "MatMulInteger"):
            a = shapes.get(n.input[0]) or stored.get(n.input[0])
            trans_a = next((x.i for x in n.attribute if x.name == "transA"), 0)
            inner = a[0] if trans_a else a[-1]
            macs += int(np.prod(shapes[n.output[0]])) * inner
    print(f"params {params} macs {macs}")


if __name__ == "__main__":
    main(*sys.argv[1:])
