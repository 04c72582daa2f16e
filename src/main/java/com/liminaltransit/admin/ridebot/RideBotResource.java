package com.liminaltransit.admin.ridebot;

import com.liminaltransit.admin.AdminPage;
import com.liminaltransit.admin.auth.AdminGate;
import com.liminaltransit.admin.auth.WritersOnly;
import com.liminaltransit.story.RidePlans;
import com.liminaltransit.web.Htmx;
import com.liminaltransit.web.PageException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Randomtest from the writers' room: start a run, watch it (htmx polls the run's fragment every second while it
 * goes; without JavaScript the page has a refresh link), read its report.
 */
@Path("/admin/randomtest")
@WritersOnly
@ApplicationScoped
@Produces(MediaType.TEXT_HTML)
public class RideBotResource {

    /** The most rides one run from the admin may play. */
    static final int MAX_RIDES = 5_000;

    private static final Pattern RUN_ID = Pattern.compile("[0-9a-f-]{36}");
    private static final Pattern NUMBER = Pattern.compile("-?\\d{1,18}");

    private final RideBotRuns runs;
    private final RidePlans plans;

    @Inject
    RideBotResource(RideBotRuns runs, RidePlans plans) {
        this.runs = runs;
        this.plans = plans;
    }

    /** The form and the recent runs. */
    @GET
    public Response page(@Context ContainerRequestContext request) {
        return Response.ok(AdminPage.page(
                        "admin/randomtest", request, Map.of("runs", runs.recent(), "maxRides", MAX_RIDES)))
                .build();
    }

    /** Starts a run; htmx gets its progress fragment, a plain form the run's page. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response start(
            @FormParam("rides") String rides,
            @FormParam("seed") String seed,
            @FormParam("variant") String variant,
            @Context ContainerRequestContext request,
            @Context HttpHeaders headers) {
        if (rides == null || !NUMBER.matcher(rides.strip()).matches()) {
            throw new PageException(
                    Response.Status.BAD_REQUEST, "Give the number of rides to play, 1 to " + MAX_RIDES + ".");
        }
        long count = Long.parseLong(rides.strip());
        if (count < 1 || count > MAX_RIDES) {
            throw new PageException(Response.Status.BAD_REQUEST, "Play between 1 and " + MAX_RIDES + " rides.");
        }
        long runSeed;
        if (seed == null || seed.isBlank()) {
            runSeed = ThreadLocalRandom.current().nextLong(1, 1_000_000);
        } else if (NUMBER.matcher(seed.strip()).matches()) {
            runSeed = Long.parseLong(seed.strip());
        } else {
            throw new PageException(
                    Response.Status.BAD_REQUEST, "The seed is a whole number, or empty for a random one.");
        }
        Long variantId = null;
        if (variant != null && !variant.isBlank()) {
            if (!NUMBER.matcher(variant.strip()).matches()
                    || plans.forVariant(Long.parseLong(variant.strip())).variantId() == null) {
                throw new PageException(Response.Status.BAD_REQUEST, "There is no experiment variant with this id.");
            }
            variantId = Long.parseLong(variant.strip());
        }
        String id = runs.start((int) count, runSeed, AdminGate.session(request).username(), variantId);
        if (Htmx.isHtmx(headers)) {
            return Response.ok(AdminPage.fragment("admin/randomtest", "run", request, runModel(find(id))))
                    .build();
        }
        return Response.seeOther(URI.create("/admin/randomtest/" + id)).build();
    }

    /** A run: its page, or for htmx its progress fragment (which keeps polling while the run goes). */
    @GET
    @Path("{id}")
    public Response run(
            @PathParam("id") String id, @Context ContainerRequestContext request, @Context HttpHeaders headers) {
        RunView run = find(id);
        Map<String, Object> model = runModel(run);
        if (Htmx.isHtmx(headers)) {
            return Response.ok(AdminPage.fragment("admin/randomtest", "run", request, model))
                    .build();
        }
        model.put("runs", runs.recent());
        model.put("maxRides", MAX_RIDES);
        return Response.ok(AdminPage.page("admin/randomtest", request, model)).build();
    }

    private RunView find(String id) {
        if (id == null || !RUN_ID.matcher(id).matches()) {
            throw new PageException(Response.Status.NOT_FOUND, "No randomtest run has this id on this server.");
        }
        return runs.find(id)
                .orElseThrow(() ->
                        new PageException(Response.Status.NOT_FOUND, "No randomtest run has this id on this server."));
    }

    private static Map<String, Object> runModel(RunView run) {
        Map<String, Object> model = new HashMap<>();
        model.put("run", run);
        return model;
    }
}
