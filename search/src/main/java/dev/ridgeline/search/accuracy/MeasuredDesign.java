package dev.ridgeline.search.accuracy;

/**
 * One design whose accuracy was measured: its choice on every knob of the space and its score (higher is
 * better), with the line of the file that gave it.
 */
public record MeasuredDesign(int line, int[] choices, double accuracy) {
    public MeasuredDesign {
        choices = choices.clone();
    }

    @Override
    public int[] choices() {
        return choices.clone();
    }

    int choice(int knob) {
        return choices[knob];
    }
}
