package com.liminaltransit.web;

import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A request that cannot be served, with its status and a sentence the visitor can read. Features extend it;
 * {@link ErrorPages} turns it into a page (or an htmx fragment) in the site's style.
 */
public class PageException extends RuntimeException {

    private final Response.Status status;
    private final Duration retryAfter;
    private final String messageKey;
    private final List<Object> messageArgs;

    /** Creates the exception; {@code message} is shown to the visitor, so it names no internals. */
    public PageException(Response.Status status, String message) {
        this(status, message, null);
    }

    /** Creates the exception with a {@code Retry-After} for the answer ({@code null} for none). */
    public PageException(Response.Status status, String message, Duration retryAfter) {
        this(status, message, null, retryAfter);
    }

    /**
     * Creates the exception with the key of its sentence in the players' message bundles (and the values of its
     * {@code {0}}, {@code {1}}…), so the page says it in the player's language; {@code message} is the English, for
     * logs and pages without bundles.
     */
    public PageException(
            Response.Status status, String message, String messageKey, Duration retryAfter, Object... messageArgs) {
        super(message, null, false, false);
        this.status = status;
        this.retryAfter = retryAfter;
        this.messageKey = messageKey;
        this.messageArgs = List.of(messageArgs);
    }

    /** The bundle key of the sentence, if it has one. */
    public Optional<String> messageKey() {
        return Optional.ofNullable(messageKey);
    }

    /** The values the sentence's pattern takes, in order; empty for none. */
    public List<Object> messageArgs() {
        return messageArgs;
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
