package dev.revisit.agent.recorder;

/** One gauge series: the last value set. Not exported until first set. */
public final class GaugeSeries {
    private volatile double value = Double.NaN;

    public void set(double value) {
        this.value = value;
    }

    double value() {
        return value;
    }
}
