"""Params and MACs of torchvision's scaled family members, as their own constructors build them.

Run with Debian's python3-torchvision (0.14): /usr/bin/python3 reference/families/families.py > reference/families/torchvision-families.csv
Params: sum(p.numel() for p in model.parameters()). MACs: forward hooks on every nn.Conv2d
(output elements x in_channels / groups x kh x kw) and nn.Linear (output elements x in_features),
the rule of reference/torchvision-modern.md. One 3 x S x S input, batch 1, model.eval().
"""
import torch
from torchvision import models


def count(model, size):
    model.eval()
    params = sum(p.numel() for p in model.parameters())
    macs = [0]

    def conv(mod, i, o):
        kh, kw = mod.kernel_size
        macs[0] += o.numel() * (mod.in_channels // mod.groups) * kh * kw

    def linear(mod, i, o):
        macs[0] += o.numel() * mod.in_features

    for mod in model.modules():
        if isinstance(mod, torch.nn.Conv2d):
            mod.register_forward_hook(conv)
        elif isinstance(mod, torch.nn.Linear):
            mod.register_forward_hook(linear)
    with torch.no_grad():
        model(torch.zeros(1, 3, size, size))
    return params, macs[0]


# (zoo model, its parameters as "name=value;...", constructor, input side)
ROWS = []
for w in [0.25, 0.35, 0.5, 0.6, 0.75, 0.9, 1.0, 1.3, 1.4]:
    ROWS.append(("mobilenet_v2", f"width_mult={w}", lambda w=w: models.mobilenet_v2(width_mult=w), 224))
for w in [0.5, 0.75, 1.0, 1.25]:
    ROWS.append(("mobilenet_v3_large", f"width_mult={w}", lambda w=w: models.mobilenet_v3_large(width_mult=w), 224))
for name, alpha in [("mnasnet0_5", 0.5), ("mnasnet0_75", 0.75), ("mnasnet1_0", 1.0), ("mnasnet1_3", 1.3)]:
    ROWS.append(("mnasnet", f"alpha={alpha}", getattr(models, name), 224))
# torchvision's own (width, depth) coefficients and the resolutions its weights were trained at
EFFICIENTNET = [(0, 1.0, 1.0, 224), (1, 1.0, 1.1, 240), (2, 1.1, 1.2, 288), (3, 1.2, 1.4, 300),
                (4, 1.4, 1.8, 380), (5, 1.6, 2.2, 456), (6, 1.8, 2.6, 528), (7, 2.0, 3.1, 600)]
for b, w, d, size in EFFICIENTNET:
    ctor = getattr(models, f"efficientnet_b{b}")
    ROWS.append(("efficientnet_b0", f"width_mult={w};depth_mult={d}", ctor, 224))
    if size != 224:
        ROWS.append(("efficientnet_b0", f"width_mult={w};depth_mult={d}", ctor, size))
for size in ["0_5", "1_0", "1_5", "2_0"]:
    ROWS.append(("shufflenet_v2_x1_0", f"size={size.replace('_', '.')}", getattr(models, f"shufflenet_v2_x{size}"), 224))

print("model,params_set,input,torchvision,params,macs")
for zoo, params_set, ctor, size in ROWS:
    model = ctor()
    p, m = count(model, size)
    what = getattr(ctor, "__name__", "") or ""
    if what == "<lambda>":
        what = zoo + "(" + params_set.replace(";", ",") + ")"
    print(f"{zoo},{params_set},{size},{what},{p},{m}")
