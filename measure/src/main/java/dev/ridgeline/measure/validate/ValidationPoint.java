package dev.ridgeline.measure.validate;

/**
 * One held-out design: which job and choices it is, its fastest timed run (what predictions are compared
 * with, as in calibration), its median and relative spread, and the predictions of the profile under test and
 * of the comparison profile.
 */
public record ValidationPoint(String job, String choices, double measuredSeconds, double medianSeconds,
                              double relativeSpread, double predictedSeconds, double comparedSeconds) {
}
