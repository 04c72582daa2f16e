package com.liminaltransit.narrative.vendor;

import com.liminaltransit.narrative.NarrativeException;
import com.liminaltransit.narrative.ProviderAuthException;
import com.liminaltransit.narrative.ProviderTimeoutException;
import com.liminaltransit.narrative.ProviderUnavailableException;
import com.liminaltransit.narrative.QuotaExhaustedException;
import com.liminaltransit.narrative.RateLimitedException;
import com.liminaltransit.narrative.RejectedRequestException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Turns a vendor's HTTP status into our exception hierarchy, one table for every provider (plain HTTP and AWS SDK
 * alike), so fault-tolerance policies see the same failure for the same trouble whoever the vendor is.
 */
public final class ProviderFailures {

    private static final int MAX_DETAIL = 200;

    private ProviderFailures() {}

    /**
     * The exception for a non-2xx answer.
     *
     * @param vendor     provider name, for the message
     * @param status     the HTTP status
     * @param retryAfter the {@code Retry-After} header value, or {@code null}
     * @param detail     the vendor's error text (type or message), or {@code null}; truncated, never contains a key
     */
    public static NarrativeException forStatus(String vendor, int status, String retryAfter, String detail) {
        String message = vendor + " answered HTTP " + status
                + (detail == null || detail.isBlank() ? "" : ": " + truncate(detail.strip()));
        if (status == 429) {
            if (detail != null && detail.contains("insufficient_quota")) {
                return new QuotaExhaustedException(message);
            }
            return new RateLimitedException(message, retryAfter(retryAfter));
        }
        if (status == 401 || status == 403) {
            // some vendors quote part of the rejected key in their message: keep only the status
            return new ProviderAuthException(vendor + " answered HTTP " + status + ": credentials refused");
        }
        if (status == 408) {
            return new ProviderTimeoutException(message);
        }
        if (status >= 500 || status == 424) {
            // 529 is Anthropic's "overloaded"; 424 is SageMaker's "the model container failed".
            return new ProviderUnavailableException(message);
        }
        return new RejectedRequestException(message);
    }

    /**
     * Reads {@code Retry-After}: delta seconds (fractions allowed, as some vendors send) or an HTTP date.
     *
     * @return the wait, or {@code null} when the value is absent or unreadable
     */
    public static Duration retryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        try {
            double seconds = Double.parseDouble(text);
            return seconds < 0 ? null : Duration.ofMillis(Math.round(seconds * 1000));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    private static String truncate(String text) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() <= MAX_DETAIL ? oneLine : oneLine.substring(0, MAX_DETAIL - 1) + "…";
    }
}
