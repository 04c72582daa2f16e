package com.liminaltransit.narrative;

import java.time.Duration;
import java.util.Optional;

/**
 * The vendor said "too many requests" (HTTP 429, a throttling error) and, perhaps, when to come back. A wait within
 * {@code liminal.ai.retry-after-cap} is honoured before the retry; a longer one becomes a
 * {@link QuotaExhaustedException} so the chain moves on instead of waiting.
 */
public class RateLimitedException extends RetryableNarrativeException {

    private final transient Duration retryAfter;

    /** Creates the exception; {@code retryAfter} may be {@code null} when the vendor did not say. */
    public RateLimitedException(String message, Duration retryAfter) {
        super(message + (retryAfter == null ? "" : " (retry after " + retryAfter.toMillis() + " ms)"));
        this.retryAfter = retryAfter;
    }

    /** How long the vendor asked us to wait, if it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
