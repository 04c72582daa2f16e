package com.liminaltransit.admin.auth;

import com.liminaltransit.web.ErrorPages;
import com.liminaltransit.web.Htmx;
import com.liminaltransit.web.PageException;
import com.liminaltransit.web.RequestOrigin;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * Guards the writers' room: every path under {@code /admin} but the sign-in page, and every resource marked
 * {@link WritersOnly} wherever it is mounted. The path rule closes a route added later even if nobody remembers the
 * annotation; the annotation closes a writers' resource that is mounted elsewhere. Neither depends on the Java
 * package a class lives in. Without a live session a page request is sent to sign in ({@code 303}) and an htmx
 * request gets {@code 401} (with {@code HX-Redirect}, so the page follows). With one, every unsafe request must
 * carry the session's CSRF token, as the {@code X-CSRF-Token} header (htmx, from the page's meta) or the
 * {@code csrf} form field.
 */
@Provider
@Priority(Priorities.AUTHENTICATION + 10)
@ApplicationScoped
public class AdminGate implements ContainerRequestFilter {

    /** The sign-in page: the one admin route open to all. */
    public static final String LOGIN_PATH = "/admin/login";
    /** The header htmx requests carry the CSRF token in. */
    public static final String CSRF_HEADER = "X-CSRF-Token";
    /** The form field forms carry the CSRF token in. */
    public static final String CSRF_FIELD = "csrf";

    private static final String SESSION = "liminal.admin.session";
    private static final String OPEN = LOGIN_PATH.substring(1);
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    private final AdminSessions sessions;
    private final RequestOrigin origin;

    @Inject
    AdminGate(AdminSessions sessions, RequestOrigin origin) {
        this.sessions = sessions;
        this.origin = origin;
    }

    /**
     * The signed-in writer of an admin request (set by the gate before any admin resource runs); fails closed
     * with a 401 page should a resource ever be reached without one.
     */
    public static AdminSession session(ContainerRequestContext request) {
        AdminSession session = (AdminSession) request.getProperty(SESSION);
        if (session == null) {
            throw new PageException(Response.Status.UNAUTHORIZED, "Sign in to the writers' room first.");
        }
        return session;
    }

    /** Whether a path (segments joined by '/', without matrix parameters) is in the writers' area. */
    public static boolean guarded(String path) {
        String relative = String.join(
                "/", Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList());
        return (relative.equals("admin") || relative.startsWith("admin/")) && !relative.equals(OPEN);
    }

    /**
     * The request's path as its decoded segments without matrix parameters ({@code /admin;x} is {@code admin}),
     * so no spelling of an admin path slips past the gate.
     */
    private static String segments(ContainerRequestContext request) {
        return String.join(
                "/",
                request.getUriInfo().getPathSegments().stream()
                        .map(PathSegment::getPath)
                        .filter(s -> !s.isEmpty())
                        .toList());
    }

    /** Whether the matched resource is marked as the writers' room's, whatever path reached it. */
    private static boolean writersOnly(ContainerRequestContext request) {
        return request.getUriInfo().getMatchedResources().stream()
                .anyMatch(resource -> resource.getClass().isAnnotationPresent(WritersOnly.class));
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!guarded(segments(request)) && !writersOnly(request)) {
            return;
        }
        boolean https = origin.isHttps(request);
        String cookie = AdminCookies.value(request, AdminCookies.SESSION, https);
        Optional<AdminSession> session = sessions.find(cookie);
        if (session.isEmpty()) {
            request.abortWith(signInFirst(request, cookie != null, https));
            return;
        }
        request.setProperty(SESSION, session.get());
        if (!SAFE.contains(request.getMethod()) && !Tokens.same(session.get().csrfToken(), csrfToken(request))) {
            throw new PageException(
                    Response.Status.FORBIDDEN,
                    "This form is out of date or did not come from the writers' room. Reload the page and try again.");
        }
    }

    private static Response signInFirst(ContainerRequestContext request, boolean staleCookie, boolean https) {
        Response.ResponseBuilder response;
        if (Htmx.isHtmx(request)) {
            response = Response.status(Response.Status.UNAUTHORIZED)
                    .header("HX-Redirect", LOGIN_PATH)
                    .entity(ErrorPages.view(401, "Your session has ended. Sign in again to go on.", null, true))
                    .type(MediaType.TEXT_HTML_TYPE);
        } else {
            response = Response.seeOther(URI.create(LOGIN_PATH));
        }
        if (staleCookie) {
            response.header(HttpHeaders.SET_COOKIE, AdminCookies.expire(AdminCookies.SESSION, https));
        }
        return response.build();
    }

    /** The token from the header, or else from the urlencoded form (whose body is then put back for JAX-RS). */
    private static String csrfToken(ContainerRequestContext request) {
        String header = request.getHeaderString(CSRF_HEADER);
        if (header != null) {
            return header;
        }
        MediaType type = request.getMediaType();
        if (!request.hasEntity() || type == null || !MediaType.APPLICATION_FORM_URLENCODED_TYPE.isCompatible(type)) {
            return null;
        }
        try {
            byte[] body = request.getEntityStream().readAllBytes();
            request.setEntityStream(new ByteArrayInputStream(body));
            return formField(new String(body, StandardCharsets.US_ASCII), CSRF_FIELD);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String formField(String form, String name) {
        try {
            return field(form, name);
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }

    private static String field(String form, String name) {
        for (String pair : form.split("&")) {
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            if (URLDecoder.decode(key, StandardCharsets.UTF_8).equals(name)) {
                return equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
