package com.liminaltransit.narrative;

/**
 * A provider could not produce a usable narrative. The chain treats it as that provider's failure and moves on.
 * Subclasses name why, so fault-tolerance policies can retry only what is worth retrying.
 */
public class NarrativeException extends RuntimeException {

    /** Creates the exception with a message that is safe to log (no prompt, no key). */
    public NarrativeException(String message) {
        super(message);
    }

    /** Creates the exception with its cause. */
    public NarrativeException(String message, Throwable cause) {
        super(message, cause);
    }
}
