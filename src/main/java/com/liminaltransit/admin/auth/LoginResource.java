package com.liminaltransit.admin.auth;

import com.liminaltransit.web.PageException;
import com.liminaltransit.web.RequestOrigin;
import com.liminaltransit.web.View;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Signing writers in: the one writers' route open to all (so it is not {@link WritersOnly}). The sign-in form
 * carries its own token (a cookie and a field that must match), so another site cannot sign a browser in to an
 * account of its choosing; a successful sign-in opens a brand-new session, so no id known before sign-in is worth
 * anything after it. Signing out is {@link LogoutResource}.
 */
@Path("/admin/login")
@ApplicationScoped
@Produces(MediaType.TEXT_HTML)
public class LoginResource {

    private static final Logger LOG = Logger.getLogger(LoginResource.class.getName());
    private static final DateTimeFormatter CLOCK =
            DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final String MISMATCH = "That username and password do not match a writer's account.";
    private static final String BUSY =
            "Another sign-in with this name or from this address is being checked. Try again in a moment.";

    private final AdminSettings settings;
    private final Passwords passwords;
    private final AdminSessions sessions;
    private final LoginThrottle throttle;
    private final RequestOrigin origin;
    private final Clock clock;

    @Inject
    LoginResource(
            AdminSettings settings,
            Passwords passwords,
            AdminSessions sessions,
            LoginThrottle throttle,
            RequestOrigin origin,
            Clock clock) {
        this.settings = settings;
        this.passwords = passwords;
        this.sessions = sessions;
        this.throttle = throttle;
        this.origin = origin;
        this.clock = clock;
    }

    /** The sign-in form; with no account configured, how to configure one. */
    @GET
    public Response form(@QueryParam("signed-out") String signedOut, @Context ContainerRequestContext request) {
        boolean https = origin.isHttps(request);
        if (sessions.find(AdminCookies.value(request, AdminCookies.SESSION, https))
                .isPresent()) {
            return Response.seeOther(URI.create("/admin")).build();
        }
        return loginPage(Response.Status.OK, signedOut != null ? "You have signed out." : null, "", https);
    }

    /** Checks the credentials and opens a session, or shows the form again with one reason for all failures. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signIn(
            @FormParam("username") String username,
            @FormParam("password") String password,
            @FormParam("csrf") String csrf,
            @Context ContainerRequestContext request) {
        boolean https = origin.isHttps(request);
        String name = Usernames.normalise(username);
        if (!settings.hasAccounts()) {
            return loginPage(Response.Status.OK, null, "", https);
        }
        if (!Tokens.same(AdminCookies.value(request, AdminCookies.LOGIN, https), csrf)) {
            throw new PageException(
                    Response.Status.FORBIDDEN, "The sign-in form had expired. Open the sign-in page again and retry.");
        }
        String address = origin.clientAddress(request);
        LoginThrottle.Admission admission = throttle.admit(name, address);
        if (admission instanceof LoginThrottle.Refused refused) {
            Instant until = refused.until();
            LOG.warning(() -> "Sign-in refused (too many failures) from " + address);
            long seconds = Math.max(1, Duration.between(clock.instant(), until).toSeconds() + 1);
            return tooMany(
                    "Too many failed sign-ins. Try again after " + CLOCK.format(until) + " (in about "
                            + Math.max(1, (seconds + 59) / 60) + " min).",
                    seconds,
                    name,
                    https);
        }
        if (!(admission instanceof LoginThrottle.Admitted attempt)) {
            LOG.warning(() -> "Sign-in refused (another attempt in flight) from " + address);
            return tooMany(BUSY, 1, name, https);
        }
        Optional<String> writer;
        try {
            writer = passwords.check(name, password);
        } catch (RuntimeException e) {
            throttle.failed(attempt);
            throw e;
        }
        if (writer.isEmpty()) {
            throttle.failed(attempt);
            LOG.warning(() -> "Failed sign-in from " + address);
            return loginPage(Response.Status.UNAUTHORIZED, MISMATCH, name, https);
        }
        throttle.succeeded(attempt);
        sessions.close(AdminCookies.value(request, AdminCookies.SESSION, https));
        String sessionId = sessions.open(writer.get());
        LOG.info(() -> "Writer " + writer.get() + " signed in from " + address
                + (attempt.throughLock() ? " (a known address, past the lock on the name)" : ""));
        return Response.seeOther(URI.create("/admin"))
                .header(HttpHeaders.SET_COOKIE, AdminCookies.set(AdminCookies.SESSION, sessionId, https))
                .header(HttpHeaders.SET_COOKIE, AdminCookies.expire(AdminCookies.LOGIN, https))
                .build();
    }

    private Response tooMany(String notice, long retryAfterSeconds, String name, boolean https) {
        return Response.fromResponse(loginPage(Response.Status.TOO_MANY_REQUESTS, notice, name, https))
                .header(HttpHeaders.RETRY_AFTER, retryAfterSeconds)
                .build();
    }

    private Response loginPage(Response.Status status, String notice, String username, boolean https) {
        Map<String, Object> model = new HashMap<>();
        model.put("configured", settings.hasAccounts());
        model.put("username", username);
        if (notice != null) {
            model.put("notice", notice);
        }
        Response.ResponseBuilder response = Response.status(status);
        if (settings.hasAccounts()) {
            String token = Tokens.random();
            model.put("csrf", token);
            response.header(HttpHeaders.SET_COOKIE, AdminCookies.set(AdminCookies.LOGIN, token, https));
        }
        return response.entity(View.page("admin/login", model))
                .type(MediaType.TEXT_HTML_TYPE)
                .build();
    }
}
