package com.liminaltransit.narrative;

/**
 * A failure that may well pass if the same provider is asked again in a moment (throttling, a 5xx, a timeout, a
 * dropped connection). Providers name only this type in {@code @Retry(retryOn = …)}, so a bad key or a bad request
 * is never hammered.
 */
public abstract class RetryableNarrativeException extends NarrativeException {

    /** Creates the exception with a message that is safe to log. */
    protected RetryableNarrativeException(String message) {
        super(message);
    }

    /** Creates the exception with its cause. */
    protected RetryableNarrativeException(String message, Throwable cause) {
        super(message, cause);
    }
}
