package com.liminaltransit.admin.ridebot;

import com.liminaltransit.admin.AdminPage;
import com.liminaltransit.admin.auth.AdminGate;
import com.liminaltransit.admin.auth.WritersOnly;
import com.liminaltransit.narrative.chain.AiBudget;
import com.liminaltransit.narrative.chain.ProviderChain;
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
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Randomtest from the writers' room: start a run, watch it (htmx polls the run's fragment every second while it
 * goes; without JavaScript the page has a refresh link), cancel it, read its report. Writers spend the players'
 * AI budget here, so a run is bounded: one queued or playing run per writer ({@code 409} with a way to cancel it),
 * at most {@code liminal.ridebot.max-rides} rides ({@code 400} naming the cap), and once the day's budget is spent
 * a run on a chain with a paid provider needs the writer's confirmation, which is logged and stored with the run.
 * Refusals answer the form again (the page, or for htmx a fragment in the run's place).
 */
@Path("/admin/randomtest")
@WritersOnly
@ApplicationScoped
@Produces(MediaType.TEXT_HTML)
public class RideBotResource {

    private static final Logger LOG = Logger.getLogger(RideBotResource.class.getName());
    private static final Pattern RUN_ID = Pattern.compile("[0-9a-f-]{36}");
    private static final Pattern NUMBER = Pattern.compile("-?\\d{1,18}");
    private static final String CONFIRMED = "yes";

    private final RideBotRuns runs;
    private final RideBot bot;
    private final RidePlans plans;
    private final AiBudget budget;
    private final Clock clock;

    @Inject
    RideBotResource(RideBotRuns runs, RideBot bot, RidePlans plans, AiBudget budget, Clock clock) {
        this.runs = runs;
        this.bot = bot;
        this.plans = plans;
        this.budget = budget;
        this.clock = clock;
    }

    /** The form and the recent runs. */
    @GET
    public Response page(@Context ContainerRequestContext request) {
        return Response.ok(AdminPage.page("admin/randomtest", request, pageModel(Map.of())))
                .build();
    }

    /** Starts a run; htmx gets its progress fragment, a plain form the run's page. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response start(
            @FormParam("rides") String rides,
            @FormParam("seed") String seed,
            @FormParam("variant") String variant,
            @FormParam("policy") String policy,
            @FormParam("confirm-budget") String confirmBudget,
            @Context ContainerRequestContext request,
            @Context HttpHeaders headers) {
        Form form = new Form(rides, seed, variant, policy);
        int max = runs.maxRides();
        if (rides == null || !NUMBER.matcher(rides.strip()).matches()) {
            return refuse(
                    Response.Status.BAD_REQUEST,
                    "Give the number of rides to play, 1 to " + max + ".",
                    form,
                    Map.of(),
                    request,
                    headers);
        }
        long count = Long.parseLong(rides.strip());
        if (count < 1 || count > max) {
            return refuse(
                    Response.Status.BAD_REQUEST,
                    "A run plays 1 to " + max + " rides (the cap is liminal.ridebot.max-rides = " + max
                            + "). Start a smaller run, or run the command-line bot for more.",
                    form,
                    Map.of(),
                    request,
                    headers);
        }
        long runSeed;
        if (seed == null || seed.isBlank()) {
            runSeed = ThreadLocalRandom.current().nextLong(1, 1_000_000);
        } else if (NUMBER.matcher(seed.strip()).matches()) {
            runSeed = Long.parseLong(seed.strip());
        } else {
            return refuse(
                    Response.Status.BAD_REQUEST,
                    "The seed is a whole number, or empty for a random one.",
                    form,
                    Map.of(),
                    request,
                    headers);
        }
        Long variantId = null;
        if (variant != null && !variant.isBlank()) {
            if (!NUMBER.matcher(variant.strip()).matches()
                    || plans.forVariant(Long.parseLong(variant.strip())).variantId() == null) {
                return refuse(
                        Response.Status.BAD_REQUEST,
                        "There is no experiment variant with this id.",
                        form,
                        Map.of(),
                        request,
                        headers);
            }
            variantId = Long.parseLong(variant.strip());
        }
        ChoicePolicy choicePolicy = ChoicePolicy.of(policy).orElse(null);
        if (choicePolicy == null) {
            return refuse(
                    Response.Status.BAD_REQUEST,
                    "Choose how the bot picks: random, or the least-used choice.",
                    form,
                    Map.of(),
                    request,
                    headers);
        }
        String writer = AdminGate.session(request).username();
        List<String> paid = paidProviders(variantId);
        boolean overBudget = !paid.isEmpty() && budget.exhausted();
        if (overBudget && !CONFIRMED.equals(confirmBudget)) {
            return refuse(
                    Response.Status.CONFLICT,
                    "Today's AI budget is spent, and this run's chain has paid providers (" + String.join(", ", paid)
                            + "). Confirm below to run it anyway; the confirmation is logged with your name.",
                    form,
                    Map.of("confirmBudget", true),
                    request,
                    headers);
        }
        String id;
        try {
            id = runs.start((int) count, runSeed, writer, variantId, overBudget ? writer : null, choicePolicy);
        } catch (RideBotRunStore.AlreadyActive active) {
            Map<String, Object> extra = new HashMap<>();
            active.active().flatMap(run -> runs.find(run.id())).ifPresent(run -> extra.put("activeRun", run));
            return refuse(
                    Response.Status.CONFLICT,
                    "You already have a randomtest run queued or playing. Wait for it to finish, or cancel it, before"
                            + " you start another.",
                    form,
                    extra,
                    request,
                    headers);
        }
        if (overBudget) {
            LOG.warning(() -> "Writer " + writer + " confirmed randomtest run " + id + " on paid providers " + paid
                    + " past today's AI budget, at " + clock.instant());
        }
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
        if (Htmx.isHtmx(headers)) {
            return Response.ok(AdminPage.fragment("admin/randomtest", "run", request, runModel(run)))
                    .build();
        }
        return Response.ok(AdminPage.page("admin/randomtest", request, pageModel(runModel(run))))
                .build();
    }

    /**
     * Cancels a queued or playing run (on whichever server plays it): it stops before its next ride and its report
     * says it was cancelled. A plain form is sent to the run's page; htmx gets the run's fragment.
     */
    @POST
    @Path("{id}/cancel")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response cancel(
            @PathParam("id") String id, @Context ContainerRequestContext request, @Context HttpHeaders headers) {
        find(id);
        runs.cancel(id, AdminGate.session(request).username());
        if (Htmx.isHtmx(headers)) {
            return Response.ok(AdminPage.fragment("admin/randomtest", "run", request, runModel(find(id))))
                    .build();
        }
        return Response.seeOther(URI.create("/admin/randomtest/" + id)).build();
    }

    /** The paid providers a run would try (every provider but {@code offline}). */
    private List<String> paidProviders(Long variantId) {
        return bot.chainFor(variantId).stream()
                .filter(name -> !ProviderChain.OFFLINE.equals(name))
                .toList();
    }

    private Response refuse(
            Response.Status status,
            String message,
            Form form,
            Map<String, Object> extra,
            ContainerRequestContext request,
            HttpHeaders headers) {
        Map<String, Object> model = new HashMap<>(extra);
        model.put("refusal", message);
        model.put("form", form);
        if (Htmx.isHtmx(headers)) {
            return Response.status(status)
                    .entity(AdminPage.fragment("admin/randomtest", "refusal", request, pageModel(model)))
                    .build();
        }
        return Response.status(status)
                .entity(AdminPage.page("admin/randomtest", request, pageModel(model)))
                .build();
    }

    private Map<String, Object> pageModel(Map<String, Object> extra) {
        Map<String, Object> model = new HashMap<>(extra);
        model.putIfAbsent("form", new Form("100", "", "", "random"));
        model.put("runs", runs.recent());
        model.put("maxRides", runs.maxRides());
        model.put("budgetSpent", budget.exhausted());
        return model;
    }

    private RunView find(String id) {
        if (id == null || !RUN_ID.matcher(id).matches()) {
            throw new PageException(Response.Status.NOT_FOUND, "No randomtest run has this id.");
        }
        return runs.find(id)
                .orElseThrow(() -> new PageException(Response.Status.NOT_FOUND, "No randomtest run has this id."));
    }

    private static Map<String, Object> runModel(RunView run) {
        Map<String, Object> model = new HashMap<>();
        model.put("run", run);
        return model;
    }

    /**
     * What the writer typed, to fill the form again after a refusal.
     *
     * @param rides   rides asked for
     * @param seed    the seed, or empty
     * @param variant the variant id, or empty
     * @param policy  how the bot chooses ({@code random} or {@code least-used})
     */
    public record Form(String rides, String seed, String variant, String policy) {
        /** Keeps what was typed, {@code null} as empty ({@code random} for the policy). */
        public Form {
            rides = rides == null ? "" : rides.strip();
            seed = seed == null ? "" : seed.strip();
            variant = variant == null ? "" : variant.strip();
            policy = policy == null || policy.isBlank() ? "random" : policy.strip();
        }
    }
}
