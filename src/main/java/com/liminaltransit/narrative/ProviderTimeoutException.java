package com.liminaltransit.narrative;

/**
 * The vendor did not finish its answer within the provider's own request timeout (which is shorter than the
 * fault-tolerance {@code @Timeout}, so it surfaces as our type and can be retried).
 */
public class ProviderTimeoutException extends RetryableNarrativeException {

    /** Creates the exception with a message that is safe to log. */
    public ProviderTimeoutException(String message) {
        super(message);
    }

    /** Creates the exception with its cause. */
    public ProviderTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
