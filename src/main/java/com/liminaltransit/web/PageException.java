package com.liminaltransit.web;

import jakarta.ws.rs.core.Response;

/**
 * A request that cannot be served, with its status and a sentence the visitor can read. Features extend it;
 * {@link ErrorPages} turns it into a page (or an htmx fragment) in the site's style.
 */
public class PageException extends RuntimeException {

    private final Response.Status status;

    /** Creates the exception; {@code message} is shown to the visitor, so it names no internals. */
    public PageException(Response.Status status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    /** The HTTP status of the answer. */
    public Response.Status status() {
        return status;
    }
}
