package com.liminaltransit.narrative;

/**
 * Throttled for longer than a step can wait (a {@code Retry-After} beyond the cap, or a spent quota): not retried,
 * the chain goes on to the next provider at once.
 */
public class QuotaExhaustedException extends NarrativeException {

    /** Creates the exception with a message that is safe to log. */
    public QuotaExhaustedException(String message) {
        super(message);
    }
}
