package dev.revisit.agent.recorder;

/**
 * One gauge series: the last value set. Not exported until first set, nor after
 * {@link #clear()} until set again — the way a reading whose source went away (a consumer that
 * closed) stops claiming its last value, without removing the series from its table.
 */
public final class GaugeSeries {
    private volatile double value = Double.NaN;

    public void set(double value) {
        this.value = value;
    }

    /** No value: left out of every export from the next one on, until {@link #set} is called again. */
    public void clear() {
        this.value = Double.NaN;
    }

    double value() {
        return value;
    }
}
