package dev.ridgeline.prune;

import dev.ridgeline.search.space.ChannelGroups;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * How much each output channel of each layer matters, normalised per layer (a layer's scores sum to 1,
 * so wide and narrow layers weigh alike, as Li et al. 2017 rank filters by L1 norm within a layer). A
 * channel group's score of channel i sums its members' (coupled layers are pruned together, as DepGraph
 * aggregates them); a group keeps its highest-scoring channels.
 */
public final class ChannelScores {
    private final Map<String, double[]> perLayer;
    private final String source;

    public ChannelScores(Map<String, double[]> perLayer, String source) {
        this.perLayer = Map.copyOf(perLayer);
        this.source = source;
    }

    /** Where the scores came from: "weights (L1 norm)" or the CSV file. */
    public String source() {
        return source;
    }

    public Map<String, double[]> perLayer() {
        return perLayer;
    }

    /**
     * Channel i's score for a group: the sum over the scored layers whose output is the group's channels
     * (its convs and linear layers, and depthwise convs that pass its channels through).
     */
    public double[] group(ChannelGroups groups, ChannelGroups.Group g) {
        double[] s = new double[g.baseChannels()];
        for (Map.Entry<String, double[]> e : perLayer.entrySet()) {
            int[] of = groups.groupsOfTensor(e.getKey());
            double[] l = e.getValue();
            if (of.length == 1 && of[0] == g.id() && l.length == s.length) {
                for (int i = 0; i < s.length; i++) {
                    s[i] += l[i];
                }
            }
        }
        return s;
    }

    /**
     * The {@code width} channels a group keeps, ascending: its highest scores, ties to the lower index. A
     * group split by grouped convs (its divisor d above 1) keeps width / d channels of each of its d blocks,
     * so that every conv group keeps the same number of channels.
     */
    public int[] kept(ChannelGroups groups, ChannelGroups.Group g, int width) {
        double[] s = group(groups, g);
        int blocks = g.divisor() > 1 && width % g.divisor() == 0 && s.length % g.divisor() == 0 ? g.divisor() : 1;
        int size = s.length / blocks;
        int per = width / blocks;
        return IntStream.range(0, blocks).flatMap(b -> IntStream.range(b * size, (b + 1) * size).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -s[i]).thenComparingInt(i -> i))
                .limit(per).mapToInt(Integer::intValue)).sorted().toArray();
    }

    /** The score a group keeps at a width: the sum of its {@code width} highest channel scores. */
    public double keptScore(ChannelGroups groups, ChannelGroups.Group g, int width) {
        double[] s = group(groups, g);
        return Arrays.stream(kept(groups, g, width)).mapToDouble(i -> s[i]).sum();
    }

    /** Per-knob, per-choice kept scores of width knobs (empty rows for other knobs). */
    double[][] perChoice(dev.ridgeline.search.space.ResolvedSpace space) {
        List<dev.ridgeline.search.space.Knob> knobs = space.space().knobs();
        double[][] out = new double[knobs.size()][];
        for (int k = 0; k < knobs.size(); k++) {
            if (knobs.get(k).target() instanceof dev.ridgeline.search.space.KnobTarget.Width w) {
                out[k] = new double[knobs.get(k).choices()];
                for (int c = 0; c < out[k].length; c++) {
                    for (int i = 0; i < w.groups().size(); i++) {
                        out[k][c] += keptScore(space.groups(), space.groups().groups().get(w.groups().get(i)),
                                w.channels()[c][i]);
                    }
                }
            } else {
                out[k] = new double[0];
            }
        }
        return out;
    }

    /** A layer's scores scaled to sum to 1 (Li et al. 2017 normalise per layer); all-zero scores stay zero. */
    public static double[] normalised(double[] v) {
        double sum = 0;
        for (double x : v) {
            sum += x;
        }
        double[] out = v.clone();
        if (sum > 0) {
            for (int i = 0; i < out.length; i++) {
                out[i] /= sum;
            }
        }
        return out;
    }
}
