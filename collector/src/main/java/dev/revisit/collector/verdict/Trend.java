package dev.revisit.collector.verdict;

/** Least-squares line through (time, value) points, skipping NaN values. */
final class Trend {

    private static final double MILLIS_PER_DAY = 86_400_000.0;

    private final double slopePerMilli;
    private final double intercept;
    private final long origin;

    private Trend(double slopePerMilli, double intercept, long origin) {
        this.slopePerMilli = slopePerMilli;
        this.intercept = intercept;
        this.origin = origin;
    }

    /** The fitted line, or null with fewer than three points or no spread in time. */
    static Trend fit(long[] times, double[] values) {
        int n = 0;
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        long origin = times.length > 0 ? times[0] : 0;
        for (int i = 0; i < times.length; i++) {
            if (Double.isNaN(values[i])) {
                continue;
            }
            double x = times[i] - origin;
            n++;
            sx += x;
            sy += values[i];
            sxx += x * x;
            sxy += x * values[i];
        }
        double denominator = n * sxx - sx * sx;
        if (n < 3 || denominator == 0) {
            return null;
        }
        double slope = (n * sxy - sx * sy) / denominator;
        return new Trend(slope, (sy - slope * sx) / n, origin);
    }

    double slopePerDay() {
        return slopePerMilli * MILLIS_PER_DAY;
    }

    double at(long time) {
        return intercept + slopePerMilli * (time - origin);
    }
}
