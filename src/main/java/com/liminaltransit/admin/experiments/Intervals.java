package com.liminaltransit.admin.experiments;

/** 95% intervals for the results page. */
final class Intervals {

    /** z for a two-sided 95% interval. */
    static final double Z = 1.959964;

    /**
     * An interval.
     *
     * @param low  lower bound
     * @param high upper bound
     */
    record Interval(double low, double high) {}

    private Intervals() {}

    /** Wilson score interval of {@code successes} in {@code trials}; {@code [0, 1]} with no trials. */
    static Interval wilson(long successes, long trials) {
        if (trials == 0) {
            return new Interval(0, 1);
        }
        double n = trials;
        double p = successes / n;
        double z2 = Z * Z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = Z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n);
        return new Interval(Math.max(0, centre - half), Math.min(1, centre + half));
    }

    /** Normal interval of a mean from its sample: mean ± z·s/√n; the mean itself with fewer than two values. */
    static Interval mean(double sum, double sumOfSquares, long n) {
        if (n == 0) {
            return new Interval(0, 0);
        }
        double mean = sum / n;
        if (n < 2) {
            return new Interval(mean, mean);
        }
        double variance = Math.max(0, (sumOfSquares - n * mean * mean) / (n - 1));
        double half = Z * Math.sqrt(variance / n);
        return new Interval(mean - half, mean + half);
    }
}
