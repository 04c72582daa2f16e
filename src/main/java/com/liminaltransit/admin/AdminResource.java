package com.liminaltransit.admin;

import com.liminaltransit.admin.auth.AdminGate;
import com.liminaltransit.admin.auth.SessionLimits;
import com.liminaltransit.admin.auth.WritersOnly;
import com.liminaltransit.web.View;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperties;

/** The writers' room front page: who is signed in, for how long, and the tools. */
@Path("/admin")
@WritersOnly
@ApplicationScoped
@Produces(MediaType.TEXT_HTML)
public class AdminResource {

    private static final DateTimeFormatter CLOCK =
            DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final SessionLimits limits;

    @Inject
    AdminResource(@ConfigProperties SessionLimits limits) {
        this.limits = limits;
    }

    /** The front page. */
    @GET
    public View home(@Context ContainerRequestContext request) {
        var session = AdminGate.session(request);
        return AdminPage.page(
                "admin/home",
                request,
                Map.of(
                        "signedInAt", CLOCK.format(session.createdAt()),
                        "endsAt", CLOCK.format(session.createdAt().plus(limits.absoluteTimeout())),
                        "idleMinutes", limits.idleTimeout().toMinutes()));
    }
}
