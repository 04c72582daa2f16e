package com.liminaltransit.config;

import jakarta.annotation.Priority;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.spi.Converter;

/**
 * The one duration syntax of our configuration: a whole number and a unit, as an operator writes it ({@code 500ms},
 * {@code 15s}, {@code 30m}, {@code 8h}, {@code 1d}). Registered as a MicroProfile Config converter, so any
 * {@code @ConfigProperty Duration} reads it and a malformed value stops the server at start-up, naming the value.
 * It outranks the built-in ISO-8601 converter on purpose: one notation everywhere, documented in the README.
 */
@Priority(200)
public final class DurationConverter implements Converter<Duration> {

    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)");

    @Override
    public Duration convert(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return parse(value);
    }

    /** Parses {@code 30s}-style text, or throws {@link IllegalArgumentException} saying what is expected. */
    public static Duration parse(String value) {
        Matcher matcher = DURATION.matcher(value.strip().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new IllegalArgumentException(
                    "'" + value + "' is not a duration: write a whole number and a unit, e.g. 500ms, 15s, 30m, 8h, 1d");
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }
}
