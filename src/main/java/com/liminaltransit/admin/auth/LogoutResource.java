package com.liminaltransit.admin.auth;

import com.liminaltransit.web.RequestOrigin;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.logging.Logger;

/** Signing a writer out: behind the gate like every writers' route, so another site cannot sign a writer out. */
@Path("/admin/logout")
@WritersOnly
@ApplicationScoped
@Produces(MediaType.TEXT_HTML)
public class LogoutResource {

    private static final Logger LOG = Logger.getLogger(LogoutResource.class.getName());

    private final AdminSessions sessions;
    private final RequestOrigin origin;

    @Inject
    LogoutResource(AdminSessions sessions, RequestOrigin origin) {
        this.sessions = sessions;
        this.origin = origin;
    }

    /** Ends the session on the server and in the browser. */
    @POST
    public Response signOut(@Context ContainerRequestContext request) {
        boolean https = origin.isHttps(request);
        sessions.close(AdminCookies.value(request, AdminCookies.SESSION, https));
        LOG.info(() -> "Writer " + AdminGate.session(request).username() + " signed out");
        return Response.seeOther(URI.create(AdminGate.LOGIN_PATH + "?signed-out"))
                .header(HttpHeaders.SET_COOKIE, AdminCookies.expire(AdminCookies.SESSION, https))
                .build();
    }
}
