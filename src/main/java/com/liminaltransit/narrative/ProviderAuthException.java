package com.liminaltransit.narrative;

/** The vendor did not accept our credentials (HTTP 401/403, an expired key, a missing IAM permission). */
public class ProviderAuthException extends NarrativeException {

    /** Creates the exception with a message that is safe to log (it never contains the key). */
    public ProviderAuthException(String message) {
        super(message);
    }
}
