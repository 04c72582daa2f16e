package com.liminaltransit.admin.analytics;

import com.liminaltransit.admin.AdminPage;
import com.liminaltransit.admin.auth.WritersOnly;
import com.liminaltransit.web.View;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** The analytics page: what players do, drawn on the server as SVG. */
@Path("/admin/analytics")
@WritersOnly
@ApplicationScoped
@Produces(MediaType.TEXT_HTML)
public class AnalyticsResource {

    private static final List<Integer> PERIODS = List.of(7, 30, 90, 365);

    private final Analytics analytics;
    private final Clock clock;

    @Inject
    AnalyticsResource(Analytics analytics, Clock clock) {
        this.analytics = analytics;
        this.clock = clock;
    }

    /** The page for the last {@code days} days (7, 30, 90 or 365; anything else means 30). */
    @GET
    public View page(@QueryParam("days") @DefaultValue("30") String days, @Context ContainerRequestContext request) {
        int period = PERIODS.stream()
                .filter(p -> Integer.toString(p).equals(days))
                .findFirst()
                .orElse(30);
        return AdminPage.page(
                "admin/analytics",
                request,
                Map.of(
                        "report", analytics.report(period, clock.instant()),
                        "periods", PERIODS,
                        "abandonedAfter", Analytics.ABANDONED_AFTER.toMinutes()));
    }
}
