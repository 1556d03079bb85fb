package dev.revisit.collector.page;

import dev.revisit.collector.catalog.Unit;
import java.util.Locale;

/**
 * A small inline SVG line chart: a signal's value over time against its threshold (dashed).
 * Steps without data leave gaps rather than being joined, so a gap in the evidence shows as one.
 */
final class Chart {

    static final int WIDTH = 480;
    static final int HEIGHT = 120;
    private static final int PAD = 8;

    private Chart() {}

    /** {@code values[i]} is the signal at step i (NaN without data), oldest first. */
    static String svg(double[] values, double threshold, Unit unit, String label) {
        double lo = threshold;
        double hi = threshold;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        double span = hi - lo;
        if (span == 0) {
            span = Math.abs(hi) > 0 ? Math.abs(hi) : 1;
        }
        boolean nonNegative = lo >= 0;
        lo -= span * 0.1;
        hi += span * 0.1;
        if (nonNegative) {
            lo = Math.max(0, lo); // lag, ratios and latencies cannot go below zero: an axis that does looks wrong
        }
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
                .append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" role=\"img\" aria-label=\"").append(Html.esc(label)).append("\">");
        svg.append("<rect x=\"0\" y=\"0\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" fill=\"#fafafa\" stroke=\"#ddd\"/>");
        double ty = y(threshold, lo, hi);
        svg.append("<line class=\"threshold\" x1=\"0\" x2=\"").append(WIDTH).append("\" y1=\"").append(fmt(ty))
                .append("\" y2=\"").append(fmt(ty)).append("\" stroke=\"#c0392b\" stroke-dasharray=\"6 4\"/>");
        StringBuilder points = new StringBuilder();
        int drawn = 0;
        for (int i = 0; i < values.length; i++) {
            if (Double.isNaN(values[i])) {
                drawn += line(svg, points);
                continue;
            }
            double x = values.length == 1 ? WIDTH / 2.0 : PAD + (WIDTH - 2.0 * PAD) * i / (values.length - 1);
            points.append(fmt(x)).append(',').append(fmt(y(values[i], lo, hi))).append(' ');
        }
        drawn += line(svg, points);
        if (drawn == 0) {
            svg.append("<text x=\"").append(WIDTH / 2).append("\" y=\"").append(HEIGHT / 2)
                    .append("\" text-anchor=\"middle\" fill=\"#888\" font-size=\"12\">no data</text>");
        }
        svg.append("<text x=\"4\" y=\"12\" font-size=\"10\" fill=\"#555\">").append(Html.esc(unit.format(hi))).append("</text>");
        svg.append("<text x=\"4\" y=\"").append(HEIGHT - 4).append("\" font-size=\"10\" fill=\"#555\">")
                .append(Html.esc(unit.format(lo))).append("</text>");
        svg.append("</svg>");
        return svg.toString();
    }

    /** Flushes a run of points as one polyline (a single point as a dot); 1 if something was drawn. */
    private static int line(StringBuilder svg, StringBuilder points) {
        if (points.isEmpty()) {
            return 0;
        }
        String p = points.toString().trim();
        if (p.indexOf(' ') < 0) {
            String[] xy = p.split(",");
            svg.append("<circle class=\"value\" cx=\"").append(xy[0]).append("\" cy=\"").append(xy[1])
                    .append("\" r=\"2.5\" fill=\"#2c3e50\"/>");
        } else {
            svg.append("<polyline class=\"value\" fill=\"none\" stroke=\"#2c3e50\" stroke-width=\"2\" points=\"")
                    .append(p).append("\"/>");
        }
        points.setLength(0);
        return 1;
    }

    private static double y(double v, double lo, double hi) {
        return PAD + (HEIGHT - 2.0 * PAD) * (hi - v) / (hi - lo);
    }

    private static String fmt(double d) {
        return String.format(Locale.ROOT, "%.1f", d);
    }
}
