package com.liminaltransit.web;

import com.liminaltransit.persistence.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every failure becomes a page (or, for htmx, a fragment) in the site's style with a short sentence and a way
 * back: no stack trace, no exception name, no SQL. Unexpected failures are logged with an incident id that the
 * page shows, so an operator can find the log line a player reports.
 */
@Provider
@ApplicationScoped
public class ErrorPages implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class.getName());

    /** The error page's template. */
    static final String TEMPLATE = "error";

    @Context
    private HttpHeaders headers;

    @Context
    private UriInfo uriInfo;

    @Override
    public Response toResponse(Throwable failure) {
        if (failure instanceof NotFoundException
                && uriInfo != null
                && uriInfo.getMatchedResources().isEmpty()) {
            // No resource of ours matched: answer without a body so Helidon goes on to its other routes
            // (health, metrics, static content). A path nobody serves gets its page from UnmatchedPathPage.
            return Response.status(Response.Status.NOT_FOUND).build();
        }
        if (failure instanceof PageException page) {
            Response response = page(
                            page.status().getStatusCode(),
                            page.getMessage(),
                            page.messageKey().orElse(null),
                            page.messageArgs(),
                            null,
                            headers != null && Htmx.isHtmx(headers))
                    .build();
            page.retryAfter()
                    .ifPresent(wait -> response.getHeaders()
                            .putSingle("Retry-After", String.valueOf(Math.max(1, wait.toSeconds()))));
            return response;
        }
        if (failure instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            int status = web.getResponse().getStatus();
            return answer(status, sentenceFor(status), sentenceKeyFor(status), null);
        }
        if (failure instanceof Jdbc.DataAccessException) {
            // The database is away (readiness says so too): nothing was written, so trying again is safe.
            LOG.log(Level.WARNING, "Database unavailable: " + LogSafe.text(failure.getMessage()));
            return answer(
                    503,
                    "The line's records are out of reach for a moment. Nothing was lost: "
                            + "please try again shortly.",
                    "error.database",
                    null);
        }
        String incident = UUID.randomUUID().toString().substring(0, 8);
        // Messages can quote the request (a parser quotes its input): logged escaped and cut, never raw.
        LOG.log(Level.SEVERE, LogSafe.throwable(failure), () -> "Unexpected failure, incident " + incident);
        return answer(
                500,
                "Something on the line failed. Your ride is safe; please try again in a moment.",
                "error.unexpected",
                incident);
    }

    private Response answer(int status, String message, String messageKey, String incident) {
        return page(status, message, messageKey, incident, headers != null && Htmx.isHtmx(headers))
                .build();
    }

    /**
     * The answer for a status: its page, or for htmx its fragment aimed at the page's notice slot. For filters that
     * refuse a request with {@code abortWith} and must add a header of their own.
     */
    static Response.ResponseBuilder page(int status, String message, String incident, boolean fragment) {
        return page(status, message, null, incident, fragment);
    }

    /** As {@link #page(int, String, String, boolean)}, with the bundle key of the sentence ({@code null}: none). */
    static Response.ResponseBuilder page(
            int status, String message, String messageKey, String incident, boolean fragment) {
        return page(status, message, messageKey, List.of(), incident, fragment);
    }

    private static Response.ResponseBuilder page(
            int status,
            String message,
            String messageKey,
            List<Object> messageArgs,
            String incident,
            boolean fragment) {
        View view = view(status, message, messageKey, messageArgs, incident, fragment);
        Response.ResponseBuilder response = Response.status(status).entity(view).type(MediaType.TEXT_HTML_TYPE);
        if (status == 503) {
            response.header("Retry-After", "5");
        }
        if (fragment) {
            // htmx swaps the notice into the page's message slot instead of the passage area.
            response.header("HX-Retarget", "#notice").header("HX-Reswap", "innerHTML");
        }
        return response;
    }

    /** The error page (or its fragment) for a status; {@code incident} may be {@code null}. */
    public static View view(int status, String message, String incident, boolean fragment) {
        return view(status, message, null, incident, fragment);
    }

    /**
     * The error page (or its fragment) for a status, with the bundle keys of its title ({@code titleKey}) and, when
     * given, of its sentence ({@code messageKey}), so the page can say them in the player's language.
     */
    public static View view(int status, String message, String messageKey, String incident, boolean fragment) {
        return view(status, message, messageKey, List.of(), incident, fragment);
    }

    /**
     * As {@link #view(int, String, String, String, boolean)}, with the values of the sentence's pattern
     * ({@code messageArgs}, an array for {@code #messages.msgWithParams}).
     */
    public static View view(
            int status,
            String message,
            String messageKey,
            List<Object> messageArgs,
            String incident,
            boolean fragment) {
        Map<String, Object> model = new HashMap<>();
        model.put("messageArgs", messageArgs.toArray());
        model.put("status", status);
        model.put("title", titleFor(status));
        model.put("titleKey", titleKeyFor(status));
        model.put("message", message);
        if (messageKey != null) {
            model.put("messageKey", messageKey);
        }
        if (incident != null) {
            model.put("incident", incident);
        }
        return fragment ? View.fragment(TEMPLATE, "problem", model) : View.page(TEMPLATE, model);
    }

    /** The bundle key of a status's title: {@code error.title.404}, or {@code error.title.5xx} / {@code .other}. */
    static String titleKeyFor(int status) {
        return switch (status) {
            case 400, 401, 403, 404, 405, 409, 413, 415, 429 -> "error.title." + status;
            default -> status >= 500 ? "error.title.5xx" : "error.title.other";
        };
    }

    /** The bundle key of {@link #sentenceFor}'s sentence. */
    static String sentenceKeyFor(int status) {
        return switch (status) {
            case 404, 405, 406, 413, 415 -> "error.sentence." + status;
            default -> "error.sentence.other";
        };
    }

    private static String titleFor(int status) {
        return switch (status) {
            case 400 -> "That request does not fit the timetable";
            case 401 -> "Sign in first";
            case 403 -> "Not your ride";
            case 404 -> "No such train";
            case 405 -> "Not a way to board";
            case 409 -> "Already answered";
            case 413 -> "Too much luggage";
            case 415 -> "Unreadable ticket";
            case 429 -> "Too many tries";
            default -> status >= 500 ? "The line is down" : "The conductor shakes their head";
        };
    }

    /** The sentence shown for a status when the failure itself has none fit to show. */
    static String sentenceFor(int status) {
        return switch (status) {
            case 403 -> "This door stays closed.";
            case 404 -> "There is nothing at this address. The train may have left without it.";
            case 405 -> "This address does not take that kind of request.";
            case 406 -> "This address cannot answer in the format your browser asked for.";
            case 413 -> "That request was larger than anything the train carries.";
            case 415 -> "The form was sent in a format this address does not read.";
            default -> "The request could not be understood.";
        };
    }
}
