package dev.ridgeline.core.io.yaml;

import dev.ridgeline.core.build.Scope;
import dev.ridgeline.core.op.Activation;
import dev.ridgeline.core.op.ActivationKind;
import dev.ridgeline.core.op.BatchNorm;
import dev.ridgeline.core.op.Conv2d;
import dev.ridgeline.core.op.Padding;
import dev.ridgeline.core.op.Window;
import java.util.Optional;

/** The conv, BN and activation units that built-in blocks are made of. */
final class Units {
    private Units() {
    }

    /** PyTorch's usual padding for odd kernels, (K - 1) / 2 per side; "same" otherwise. */
    static Padding centred(int kh, int kw) {
        return kh % 2 == 1 && kw % 2 == 1 ? Padding.of((kh - 1) / 2, (kw - 1) / 2) : Padding.SAME;
    }

    /** A conv reading the scope's latest output, its input channels taken from that output. */
    static String conv(Scope s, String name, int out, int kernel, int stride, int groups, boolean bias) {
        int in = s.lastShape().channels();
        Window w = new Window(kernel, kernel, stride, stride, 1, 1, centred(kernel, kernel));
        return s.add(name, new Conv2d(in, out, w, groups, bias));
    }

    static String bn(Scope s, String name) {
        return s.add(name, new BatchNorm(s.lastShape().channels(), true));
    }

    /** Adds the activation, if any, named {@code prefix + id} (e.g. "relu1" or "expand_relu6"). */
    static void act(Scope s, String prefix, Optional<ActivationKind> kind, String suffix) {
        kind.ifPresent(k -> s.add(prefix + k.id() + suffix, new Activation(k, false)));
    }

    /** Reads "act: relu6" or "act: none"; {@code fallback} when absent. */
    static Optional<ActivationKind> activation(YamlMap f, String what, ActivationKind fallback) {
        Optional<String> text = f.text("act", what);
        if (text.isEmpty()) {
            return Optional.of(fallback);
        }
        if (text.get().equals("none")) {
            return Optional.empty();
        }
        Optional<ActivationKind> kind = ActivationKind.byId(text.get()).filter(k -> k != ActivationKind.CLIP);
        if (kind.isEmpty()) {
            StringBuilder known = new StringBuilder("none");
            for (ActivationKind k : ActivationKind.values()) {
                if (k == ActivationKind.CLIP || !k.inModelFormat()) {
                    continue; // a clip needs bounds: it is a layer of its own
                }
                known.append(", ").append(k.id());
            }
            throw f.require("act", what).error("field 'act' of %s must be one of %s, got '%s'", what, known,
                    text.get());
        }
        return kind;
    }
}
