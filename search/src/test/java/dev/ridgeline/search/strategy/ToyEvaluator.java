package dev.ridgeline.search.strategy;

import dev.ridgeline.search.eval.Metric;
import dev.ridgeline.search.eval.PointEvaluator;
import dev.ridgeline.search.space.DesignSpace;
import dev.ridgeline.search.space.Knob;
import dev.ridgeline.search.space.KnobTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/** Any shape of space, with cheap metrics: params is the choice sum, latency the weighted choice sum. */
final class ToyEvaluator implements PointEvaluator {
    private final DesignSpace space;

    ToyEvaluator(int... choicesPerKnob) {
        List<Knob> knobs = new ArrayList<>();
        for (int k = 0; k < choicesPerKnob.length; k++) {
            List<String> labels = IntStream.range(0, choicesPerKnob[k]).mapToObj(Integer::toString).toList();
            knobs.add(new Knob("k" + k, labels, new KnobTarget.Abstract()));
        }
        this.space = new DesignSpace(knobs);
    }

    static ToyEvaluator uniform(int knobs, int choices) {
        return new ToyEvaluator(IntStream.generate(() -> choices).limit(knobs).toArray());
    }

    @Override
    public DesignSpace space() {
        return space;
    }

    @Override
    public void evaluate(int[] choices, double[] metrics) {
        double sum = 0;
        double weighted = 0;
        for (int k = 0; k < choices.length; k++) {
            sum += choices[k];
            weighted += (k + 1) * (space.choices(k) - 1 - choices[k]);
        }
        metrics[Metric.PARAMS.ordinal()] = sum;
        metrics[Metric.LATENCY_SECONDS.ordinal()] = weighted;
    }
}
