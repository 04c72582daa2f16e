package com.liminaltransit.story;

import com.liminaltransit.throttle.Throttled;
import com.liminaltransit.web.Htmx;
import com.liminaltransit.web.Player;
import com.liminaltransit.web.PlayerCookieFilter;
import com.liminaltransit.web.View;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The journey's pages: a permalink for every stop, another door taken from an answered stop (a branch), the map of a
 * ride's family, and another version of the open stop. Reading is open to anyone with the link, as a ride is; acting
 * (branching, asking again) is the owner's alone, and others get {@code 403}.
 *
 * <p>Shares the root path with {@link StoryResource}, so JAX-RS matches both classes' methods together.
 */
@Path("/")
@ApplicationScoped
@Produces(MediaType.TEXT_HTML)
public class JourneyResource {

    private static final Pattern STOP = Pattern.compile("\\d{1,4}");
    private static final Pattern CHOICE = Pattern.compile("[a-z0-9]{1,8}");
    private static final Pattern VERSION = Pattern.compile("[1-9]\\d{0,2}");

    private final StoryService stories;
    private final Branches branches;
    private final Retries retries;
    private final JourneyRepository journey;

    @Inject
    JourneyResource(StoryService stories, Branches branches, Retries retries, JourneyRepository journey) {
        this.stories = stories;
        this.branches = branches;
        this.retries = retries;
        this.journey = journey;
    }

    /**
     * Stop {@code n} of a ride: the ride up to it, that stop's heading focused ({@code autofocus}, which works without
     * JavaScript) and in view; {@code ?version=k} shows another version of it. Past the last stop: {@code 404}.
     */
    @GET
    @Path("stories/{id}/stops/{n}")
    public View stop(
            @PathParam("id") String id,
            @PathParam("n") String n,
            @QueryParam("version") String version,
            @Context ContainerRequestContext request) {
        Story story = stories.story(StoryResource.checkedId(id));
        if (n == null || !STOP.matcher(n).matches() || !story.hasStop(Integer.parseInt(n))) {
            throw new StoryException.NotFound("This ride has not reached that stop.", "ride.stop-not-reached");
        }
        int stop = Integer.parseInt(n);
        Passage inEffect = story.passage(stop);
        Passage shown =
                version == null ? inEffect : version(inEffect, story.ride().id(), version);
        Map<String, Object> model = model(story.upTo(stop).with(shown), request, stop);
        model.put("permalink", true);
        if (shown.version() != inEffect.version() && !inEffect.unanswered()) {
            model.put("notTaken", inEffect.version());
        } else if (!inEffect.unanswered()) {
            model.put("doors", branches.doors(story, stop));
        }
        return View.page("story/ride", model);
    }

    /**
     * Takes another door at an answered stop: a new ride sharing stops {@code 0..from}, then the stop the door leads
     * to; {@code 303} to it (htmx: {@code HX-Location}). The same request again leads to the same branch, and the
     * door already taken leads to the ride that took it; neither calls the narrator.
     */
    @POST
    @Path("stories/{id}/branches")
    @Throttled
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response branch(
            @PathParam("id") String id,
            @FormParam("from") String from,
            @FormParam("choice") String choice,
            @Context ContainerRequestContext request,
            @Context HttpHeaders headers) {
        String rideId = StoryResource.checkedId(id);
        if (from == null
                || !STOP.matcher(from).matches()
                || choice == null
                || !CHOICE.matcher(choice).matches()) {
            throw new StoryException.BadRequest(
                    "Take one of the doors offered at an answered stop.", "ride.bad-branch-form");
        }
        Player player = PlayerCookieFilter.player(request);
        Branches.Landing landing = branches.branch(rideId, player, Integer.parseInt(from), choice);
        String location = "/stories/" + landing.rideId() + "#stop-" + landing.stop();
        return Htmx.isHtmx(headers)
                ? Response.noContent().header("HX-Location", location).build()
                : Response.seeOther(URI.create(location)).build();
    }

    /** The family of a ride (the first ride and every branch) as an SVG drawn here and as nested lists. */
    @GET
    @Path("stories/{id}/map")
    public View map(@PathParam("id") String id, @Context ContainerRequestContext request) {
        Ride ride = journey.ride(StoryResource.checkedId(id)).orElseThrow(StoryException.NotFound::new);
        FamilyMap map = FamilyMap.of(journey.family(ride.rootId()), ride.id());
        boolean owner = PlayerCookieFilter.player(request).owns(ride.ownerHash());
        return View.page("story/map", Map.of("map", map, "ride", ride, "owner", owner));
    }

    /**
     * Asks the train again for the open stop {@code step}: another version, kept beside the others. {@code versions}
     * (optional) is how many the player saw, so a repeated request answers with the version it made instead of
     * asking again. Without htmx: {@code 303} to the stop showing the new version.
     */
    @POST
    @Path("stories/{id}/retries")
    @Throttled
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response retry(
            @PathParam("id") String id,
            @FormParam("step") String step,
            @FormParam("versions") String versions,
            @Context ContainerRequestContext request,
            @Context HttpHeaders headers) {
        String rideId = StoryResource.checkedId(id);
        if (step == null
                || !STOP.matcher(step).matches()
                || (versions != null && !VERSION.matcher(versions).matches())) {
            throw new StoryException.BadRequest("Ask again at the open stop of the ride.", "ride.bad-retry-form");
        }
        Player player = PlayerCookieFilter.player(request);
        Retries.Outcome outcome = retries.askAgain(
                rideId, player, Integer.parseInt(step), versions == null ? 0 : Integer.parseInt(versions));
        boolean htmx = Htmx.isHtmx(headers);
        return switch (outcome.kind()) {
            case ANSWERED ->
                conflict(
                        outcome.story(),
                        request,
                        htmx,
                        "That stop was already answered, and an answered stop is never written again. Take another door"
                                + " from it (its link) to see where another choice leads.",
                        "ride.retry-answered");
            case OVER_LIMIT ->
                conflict(
                        outcome.story(),
                        request,
                        htmx,
                        "You have asked the train again " + retries.perStop() + " times at this stop, the most it"
                                + " allows. Choose from the versions you have.",
                        "ride.retry-limit",
                        retries.perStop());
            case WRITTEN, REPLAYED -> asked(outcome, request, htmx);
        };
    }

    private Response asked(Retries.Outcome outcome, ContainerRequestContext request, boolean htmx) {
        String rideId = outcome.story().ride().id();
        if (!htmx) {
            return Response.seeOther(URI.create(
                            "/stories/" + rideId + "/stops/" + outcome.stop() + "?version=" + outcome.version()))
                    .build();
        }
        Passage inEffect = outcome.story().passage(outcome.stop());
        Passage shown = journey.version(inEffect, rideId, outcome.version()).orElse(inEffect);
        Map<String, Object> model = model(outcome.story().with(shown), request, outcome.stop());
        return Response.ok(View.fragment("story/ride", "ride", model))
                .header("HX-Retarget", "#ride")
                .header("HX-Reswap", "outerHTML")
                .build();
    }

    /**
     * The retry does not fit the stop: the ride as it stands, with a notice ({@code 409}), in English and by its key
     * (and values) in the players' message bundles.
     */
    private Response conflict(
            Story story,
            ContainerRequestContext request,
            boolean htmx,
            String notice,
            String noticeKey,
            Object... noticeArgs) {
        Map<String, Object> model = model(story, request, null);
        model.put("notice", notice);
        model.put("noticeKey", noticeKey);
        model.put("noticeArgs", noticeArgs);
        View view = htmx ? View.fragment("story/ride", "ride", model) : View.page("story/ride", model);
        Response.ResponseBuilder response =
                Response.status(Response.Status.CONFLICT).entity(view);
        if (htmx) {
            response.header("HX-Retarget", "#ride").header("HX-Reswap", "outerHTML");
        }
        return response.build();
    }

    private Passage version(Passage inEffect, String rideId, String version) {
        if (!VERSION.matcher(version).matches()) {
            throw new StoryException.NotFound("This stop has no such version.", "ride.no-such-version");
        }
        return journey.version(inEffect, rideId, Integer.parseInt(version))
                .orElseThrow(
                        () -> new StoryException.NotFound("This stop has no such version.", "ride.no-such-version"));
    }

    /** What the ride page reads; {@code focus} names the stop whose heading takes focus, or is {@code null}. */
    private Map<String, Object> model(Story story, ContainerRequestContext request, Integer focus) {
        Map<String, Object> model = new HashMap<>();
        model.put("story", story);
        model.put("owner", PlayerCookieFilter.player(request).owns(story.ride().ownerHash()));
        model.put("retryLimit", retries.perStop());
        if (focus != null) {
            model.put("focus", focus);
        }
        return model;
    }
}
