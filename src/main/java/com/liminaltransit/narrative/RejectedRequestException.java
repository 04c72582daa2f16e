package com.liminaltransit.narrative;

/**
 * The vendor refused the request itself (HTTP 400, 404, 422: unknown model, bad parameter): asking again will not
 * help.
 */
public class RejectedRequestException extends NarrativeException {

    /** Creates the exception with a message that is safe to log. */
    public RejectedRequestException(String message) {
        super(message);
    }
}
