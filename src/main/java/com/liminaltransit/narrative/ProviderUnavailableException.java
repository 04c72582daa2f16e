package com.liminaltransit.narrative;

/** The vendor is down or flaky: a 5xx, an overloaded answer, a refused or reset connection, a garbled body. */
public class ProviderUnavailableException extends RetryableNarrativeException {

    /** Creates the exception with a message that is safe to log. */
    public ProviderUnavailableException(String message) {
        super(message);
    }

    /** Creates the exception with its cause (an I/O error, usually). */
    public ProviderUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
