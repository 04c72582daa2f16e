package com.liminaltransit.story;

import com.liminaltransit.i18n.Languages;
import com.liminaltransit.narrative.ChoiceOption;
import com.liminaltransit.throttle.Throttled;
import com.liminaltransit.web.Htmx;
import com.liminaltransit.web.Player;
import com.liminaltransit.web.PlayerCookieFilter;
import com.liminaltransit.web.SmokeRequests;
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
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The player's pages, per the URL contract of DESIGN.md. One URL answers htmx with a fragment and a plain
 * browser with a redirect, so the whole ride works with JavaScript off.
 */
@Path("/")
@ApplicationScoped
@Produces(MediaType.TEXT_HTML)
public class StoryResource {

    private static final Pattern RIDE_ID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern STEP = Pattern.compile("\\d{1,4}");
    private static final Pattern CHOICE = Pattern.compile("[a-z0-9]{1,8}");
    private static final Pattern VERSION = Pattern.compile("[1-9]\\d{0,2}");
    private static final String CONFLICT_KEY = "ride.conflict";

    private final StoryService stories;
    private final Retries retries;
    private final StopWrites writes;
    private final Languages languages;

    private final boolean streaming;

    @Inject
    StoryResource(
            StoryService stories,
            Retries retries,
            StopWrites writes,
            Languages languages,
            @ConfigProperty(name = "liminal.stream.enabled", defaultValue = "true") boolean streaming) {
        this.stories = stories;
        this.retries = retries;
        this.writes = writes;
        this.languages = languages;
        this.streaming = streaming;
    }

    /** The landing page: board a ride, or go back to one of yours. */
    @GET
    public View landing(@Context ContainerRequestContext request) {
        return View.page("story/landing", Map.of("rides", stories.ridesOf(PlayerCookieFilter.player(request))));
    }

    /** Boards a new ride, in the player's language, and sends the player to it. */
    @POST
    @Path("stories")
    @Throttled
    public Response board(@Context ContainerRequestContext request) {
        Player player = PlayerCookieFilter.player(request);
        String language = languages.of(request);
        String id =
                SmokeRequests.isSmoke(request) ? stories.boardSmoke(player, language) : stories.board(player, language);
        return seeRide(id);
    }

    /** The whole ride so far; its owner also sees the open choices. */
    @GET
    @Path("stories/{id}")
    public View ride(@PathParam("id") String id, @Context ContainerRequestContext request) {
        Story story = stories.story(checkedId(id));
        return View.page("story/ride", rideModel(story, request, null, retries.perStop()));
    }

    /** Answers the open stop of a ride. */
    @POST
    @Path("stories/{id}/choices")
    @Throttled
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response choose(
            @PathParam("id") String id,
            @FormParam("step") String step,
            @FormParam("choice") String choice,
            @FormParam("version") String version,
            @FormParam("stream") String stream,
            @Context ContainerRequestContext request,
            @Context HttpHeaders headers) {
        String rideId = checkedId(id);
        if (step == null
                || !STEP.matcher(step).matches()
                || choice == null
                || !CHOICE.matcher(choice).matches()
                || (version != null && !VERSION.matcher(version).matches())) {
            throw new StoryException.BadRequest(
                    "Choose one of the offered choices at the open stop.", "ride.bad-choice-form");
        }
        Player player = PlayerCookieFilter.player(request);
        int fromVersion = version == null ? 0 : Integer.parseInt(version);
        boolean htmx = Htmx.isHtmx(headers);
        if (streaming && htmx && "1".equals(stream) && !SmokeRequests.isSmoke(request)) {
            return chooseStreaming(rideId, player, Integer.parseInt(step), choice, fromVersion, request);
        }
        ChoiceOutcome outcome = SmokeRequests.isSmoke(request)
                ? stories.chooseSmoke(rideId, player, Integer.parseInt(step), choice, fromVersion)
                : stories.choose(rideId, player, Integer.parseInt(step), choice, fromVersion);
        if (outcome.kind() == ChoiceOutcome.Kind.CONFLICT) {
            return conflict(outcome.story(), request, htmx);
        }
        if (!htmx) {
            return seeStop(rideId, outcome.answered() + 1);
        }
        return stepFragment(outcome);
    }

    /**
     * The htmx answer to a streamed choice (the page's form sends {@code stream=1}; without JavaScript nothing
     * changes): the next stop is written in the background and the answer opens its event stream at once.
     */
    private Response chooseStreaming(
            String rideId, Player player, int step, String choice, int version, ContainerRequestContext request) {
        var settled = stories.chooseStreaming(rideId, player, step, choice, version, writes);
        if (settled.isPresent()) {
            ChoiceOutcome outcome = settled.get();
            return outcome.kind() == ChoiceOutcome.Kind.CONFLICT
                    ? conflict(outcome.story(), request, true)
                    : stepFragment(outcome);
        }
        Story story = stories.story(rideId);
        Passage answered = story.passage(step);
        String label = answered.chosen()
                .or(() -> answered.choice(choice))
                .map(ChoiceOption::label)
                .orElse("");
        Map<String, Object> model = Map.of(
                "stop",
                step + 1,
                "answered",
                answered,
                "chosenLabel",
                label,
                "streamUrl",
                "/stories/" + rideId + "/stops/" + (step + 1) + "/stream");
        return Response.ok(View.fragment("story/stream", "writing", model)).build();
    }

    private Response stepFragment(ChoiceOutcome outcome) {
        Map<String, Object> model = Map.of(
                "story",
                outcome.story(),
                "owner",
                true,
                "answered",
                outcome.story().passage(outcome.answered()),
                "next",
                outcome.next(),
                "retryLimit",
                retries.perStop());
        return Response.ok(View.fragment("story/ride", "step", model)).build();
    }

    /** Another choice already answered this stop: show the ride as it stands. */
    private Response conflict(Story story, ContainerRequestContext request, boolean htmx) {
        Map<String, Object> model = rideModel(
                story,
                request,
                "That stop was already answered, so your choice was not taken. Here is the ride as it stands.",
                retries.perStop());
        View view = htmx ? View.fragment("story/ride", "ride", model) : View.page("story/ride", model);
        Response.ResponseBuilder response =
                Response.status(Response.Status.CONFLICT).entity(view);
        if (htmx) {
            response.header("HX-Retarget", "#ride").header("HX-Reswap", "outerHTML");
        }
        return response.build();
    }

    /** The ride page's model; a notice is given in English and by its key in the players' message bundles. */
    private static Map<String, Object> rideModel(
            Story story, ContainerRequestContext request, String notice, int retryLimit) {
        boolean owner = PlayerCookieFilter.player(request).owns(story.ride().ownerHash());
        return notice == null
                ? Map.of("story", story, "owner", owner, "retryLimit", retryLimit)
                : Map.of(
                        "story",
                        story,
                        "owner",
                        owner,
                        "notice",
                        notice,
                        "noticeKey",
                        CONFLICT_KEY,
                        "noticeArgs",
                        new Object[0],
                        "retryLimit",
                        retryLimit);
    }

    /** Ids are random UUIDs: anything else cannot be a ride, so it is simply not found. */
    static String checkedId(String id) {
        if (id == null || !RIDE_ID.matcher(id).matches()) {
            throw new StoryException.NotFound();
        }
        return id;
    }

    /** See the ride page (the location goes out as this path: {@code web.RelativeLocations}). */
    private static Response seeRide(String id) {
        return Response.seeOther(URI.create("/stories/" + id)).build();
    }

    /**
     * See the ride page at the stop a choice led to. The fragment scrolls the browser to that stop (the page also
     * focuses it: {@code story/ride}), and the path stays the ride's own, so the page's address is one per ride
     * whichever stop it shows.
     */
    private static Response seeStop(String id, int stop) {
        return Response.seeOther(URI.create("/stories/" + id + "#stop-" + stop)).build();
    }
}
