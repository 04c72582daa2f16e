package com.liminaltransit.throttle;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A token bucket's shape: up to {@code capacity} requests at once, refilled at {@code capacity} per
 * {@code period}. Written in config as {@code 10/1h}, {@code 60/1m} or {@code 5/30s}.
 *
 * @param capacity the burst, and the number allowed per period
 * @param period   how long a full refill takes
 */
record RateLimit(int capacity, Duration period) {

    private static final Pattern FORM = Pattern.compile("(\\d+)\\s*/\\s*(\\d+)\\s*([smhd])");

    RateLimit {
        if (capacity < 1 || period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("a rate limit needs a capacity >= 1 and a positive period");
        }
    }

    /** Parses {@code N/<amount><s|m|h|d>}. */
    static RateLimit parse(String text) {
        Matcher matcher = FORM.matcher(text.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a rate limit (like 60/1m): " + text);
        }
        long amount = Long.parseLong(matcher.group(2));
        Duration period = switch (matcher.group(3)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
        return new RateLimit(Integer.parseInt(matcher.group(1)), period);
    }

    /** Tokens added per second. */
    double refillPerSecond() {
        return capacity / (period.toMillis() / 1000.0);
    }
}
