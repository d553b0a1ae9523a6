package dev.ridgeline.store.measure;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ridgeline.measure.Measurement;
import dev.ridgeline.measure.runtime.Environment;
import dev.ridgeline.measure.runtime.NodeTime;
import dev.ridgeline.measure.stats.Spread;
import dev.ridgeline.store.format.Json;
import java.util.OptionalDouble;

/**
 * A measurement as JSON: {@code source, model, batch, runs, medianSeconds, q1Seconds, q3Seconds, iqrSeconds,
 * minSeconds, maxSeconds, relativeSpread, noisy, predictedSeconds?, environment{...}, profile[{node, opType,
 * layer, kernel, seconds}]}.
 */
public final class MeasurementJson {
    private MeasurementJson() {
    }

    public static ObjectNode tree(Measurement m, OptionalDouble predictedSeconds) {
        ObjectNode root = Json.object();
        root.put("source", m.source());
        root.put("model", m.model());
        root.put("batch", m.batch());
        Spread s = m.spread();
        root.put("runs", s.runs());
        root.put("medianSeconds", s.medianSeconds());
        root.put("q1Seconds", s.q1Seconds());
        root.put("q3Seconds", s.q3Seconds());
        root.put("iqrSeconds", s.iqrSeconds());
        root.put("minSeconds", s.minSeconds());
        root.put("maxSeconds", s.maxSeconds());
        root.put("relativeSpread", s.relativeSpread());
        root.put("noisy", s.noisy());
        predictedSeconds.ifPresent(p -> root.put("predictedSeconds", p));
        root.set("environment", environment(m.environment()));
        ArrayNode profile = root.putArray("profile");
        for (NodeTime t : m.profile()) {
            ObjectNode n = profile.addObject();
            n.put("node", t.node());
            n.put("opType", t.opType());
            n.put("layer", t.layer());
            n.put("kernel", t.kernel());
            n.put("seconds", t.seconds());
        }
        return root;
    }

    public static ObjectNode environment(Environment e) {
        ObjectNode env = Json.object();
        env.put("runtime", e.runtime());
        env.put("runtimeVersion", e.runtimeVersion());
        env.put("optLevel", e.optLevel());
        env.put("threads", e.threads());
        env.put("cpuModel", e.cpuModel());
        env.put("governor", e.governor());
        env.put("cores", e.cores());
        env.put("os", e.os());
        env.put("java", e.java());
        return env;
    }
}
