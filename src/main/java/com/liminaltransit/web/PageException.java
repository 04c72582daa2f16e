package com.liminaltransit.web;

import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Optional;

/**
 * A request that cannot be served, with its status and a sentence the visitor can read. Features extend it;
 * {@link ErrorPages} turns it into a page (or an htmx fragment) in the site's style.
 */
public class PageException extends RuntimeException {

    private final Response.Status status;
    private final Duration retryAfter;

    /** Creates the exception; {@code message} is shown to the visitor, so it names no internals. */
    public PageException(Response.Status status, String message) {
        this(status, message, null);
    }

    /** Creates the exception with a {@code Retry-After} for the answer ({@code null} for none). */
    public PageException(Response.Status status, String message, Duration retryAfter) {
        super(message, null, false, false);
        this.status = status;
        this.retryAfter = retryAfter;
    }

    /** When the visitor may try again, if the answer should say so. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** The HTTP status of the answer. */
    public Response.Status status() {
        return status;
    }
}
