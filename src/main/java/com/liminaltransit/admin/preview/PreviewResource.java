package com.liminaltransit.admin.preview;

import com.liminaltransit.admin.AdminPage;
import com.liminaltransit.admin.auth.AdminGate;
import com.liminaltransit.admin.prompts.PromptStore;
import com.liminaltransit.i18n.Languages;
import com.liminaltransit.narrative.Conversation;
import com.liminaltransit.narrative.PromptBuilder;
import com.liminaltransit.narrative.PromptSet;
import com.liminaltransit.narrative.StepNeeds;
import com.liminaltransit.narrative.StoryContext;
import com.liminaltransit.web.Htmx;
import com.liminaltransit.web.PageException;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The preview: choose a ride and a stop (or a fresh seed) and a prompt version, read the exact prompt with its
 * token count, and run it on one to three providers side by side, each with its configured model or one the writer
 * names (to compare two models of one vendor, name the provider twice), optionally in another language (a provider
 * whose model does not write it is skipped, as the chain would). Each column is its own request (htmx posts it when
 * the page loads, with an indicator; without JavaScript its button posts it as a page). Nothing is stored in any
 * ride; what the vendors are paid is charged to the spend ledger as {@code preview}.
 */
@Path("/admin/preview")
@ApplicationScoped
@Produces(MediaType.TEXT_HTML)
public class PreviewResource {

    /** The most columns side by side. */
    static final int MAX_COLUMNS = 3;

    private static final Pattern RIDE_ID = Pattern.compile("[0-9a-f-]{36}");
    private static final Pattern NUMBER = Pattern.compile("\\d{1,9}");
    private static final Pattern SEED = Pattern.compile("-?\\d{1,18}");
    private static final Pattern PROVIDER = Pattern.compile("[a-z0-9-]{1,32}");
    /** A BCP 47 language tag as writers type one: {@code ja}, {@code pt-BR}, {@code zh-Hant-TW}. */
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}");
    /** Model names and ids as vendors write them: gpt-4o-mini, llama3.1:8b, anthropic.claude-3-haiku-…-v1:0, ARNs. */
    private static final Pattern MODEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/@+-]{0,199}");

    private static final String BAD_MODEL =
            "A model name is up to 200 letters, digits and . _ : / @ + -, starting with a letter or digit.";

    private final Previewer previewer;
    private final PromptStore store;
    private final PreviewRepository rides;
    private final Languages languages;

    @Inject
    PreviewResource(Previewer previewer, PromptStore store, PreviewRepository rides, Languages languages) {
        this.previewer = previewer;
        this.store = store;
        this.rides = rides;
        this.languages = languages;
    }

    /**
     * A language the form offers.
     *
     * @param tag  its BCP 47 tag
     * @param name its name in English, with the tag, e.g. {@code Japanese (ja)}
     */
    public record LanguageOption(String tag, String name) {}

    /**
     * A provider as the form offers it.
     *
     * @param name    its name
     * @param ready   whether it can be called
     * @param missing the settings it still needs, comma-separated
     */
    public record ProviderOption(String name, boolean ready, String missing) {}

    /**
     * One column: a provider and the model to ask of it.
     *
     * @param provider the provider's name
     * @param model    the model named by the writer; empty for the provider's configured one
     */
    public record Column(String provider, String model) {
        /** The column's heading, e.g. {@code bedrock · anthropic.claude-3-sonnet…}. */
        public String title() {
            return model.isEmpty() ? provider : provider + " · " + model;
        }
    }

    /**
     * What a preview is of: a ride's stop, or the boarding of a fresh seed; in {@code language} when one is named
     * (else the ride's, or {@code en}).
     */
    private record Target(String ride, Integer stop, Long seed, String language) {
        boolean chosen() {
            return ride != null && stop != null || seed != null;
        }
    }

    /** The form; with a ride and stop (or a seed) also the prompt and the columns. */
    @GET
    public Response page(
            @QueryParam("ride") String ride,
            @QueryParam("stop") String stop,
            @QueryParam("seed") String seed,
            @QueryParam("lang") String lang,
            @QueryParam("version") String version,
            @QueryParam("provider") List<String> providers,
            @QueryParam("model") List<String> models,
            @QueryParam("past-budget") String pastBudget,
            @Context ContainerRequestContext request) {
        Target target = target(ride, stop, seed, lang);
        PromptSet prompts = prompts(version);
        Map<String, List<String>> available = previewer.providers();
        List<Column> columns = columns(providers, models, available);
        Map<String, Object> model = new HashMap<>();
        List<PreviewRepository.RideChoice> recent = rides.recentRides(20);
        model.put("rides", recent);
        model.put("rideListed", recent.stream().anyMatch(r -> r.id().equals(target.ride())));
        model.put("versions", store.versions());
        model.put("version", prompts.version());
        List<ProviderOption> options = available.entrySet().stream()
                .map(e -> new ProviderOption(e.getKey(), e.getValue().isEmpty(), String.join(", ", e.getValue())))
                .toList();
        model.put("providers", options);
        model.put("unconfigured", options.stream().filter(o -> !o.ready()).toList());
        model.put("columns", columns);
        model.put("ride", target.ride() == null ? "" : target.ride());
        model.put("stop", target.stop() == null ? "" : target.stop().toString());
        model.put("seed", target.seed() == null ? "" : target.seed().toString());
        model.put("lang", target.language() == null ? "" : target.language());
        model.put(
                "languages",
                languages.tags().stream()
                        .map(tag -> new LanguageOption(
                                tag, Locale.forLanguageTag(tag).getDisplayName(Locale.ENGLISH) + " (" + tag + ")"))
                        .toList());
        model.put("langListed", target.language() == null || languages.tags().contains(target.language()));
        model.put("chosen", target.chosen());
        model.put("budgetSpent", previewer.budgetSpent());
        model.put("pastBudget", confirmed(pastBudget));
        if (target.ride() != null) {
            model.put("steps", rides.steps(target.ride()));
        }
        if (target.chosen()) {
            Conversation conversation = previewer.prompt(context(target, prompts));
            String user = conversation.turns().getFirst().text();
            model.put("system", conversation.system());
            model.put("user", user);
            model.put(
                    "promptTokens",
                    PromptBuilder.estimateTokens(conversation.system()) + PromptBuilder.estimateTokens(user));
        }
        return Response.ok(AdminPage.page("admin/preview", request, model)).build();
    }

    /** Runs one column: htmx gets the column's fragment, a plain form a page with that column. */
    @POST
    @Path("run")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response run(
            @FormParam("ride") String ride,
            @FormParam("stop") String stop,
            @FormParam("seed") String seed,
            @FormParam("lang") String lang,
            @FormParam("version") String version,
            @FormParam("provider") String provider,
            @FormParam("model") String modelName,
            @FormParam("past-budget") String pastBudget,
            @Context ContainerRequestContext request,
            @Context HttpHeaders headers) {
        Target target = target(ride, stop, seed, lang);
        if (!target.chosen()) {
            throw new PageException(Response.Status.BAD_REQUEST, "Choose a ride and a stop, or a seed.");
        }
        if (provider == null || !PROVIDER.matcher(provider).matches()) {
            throw new PageException(Response.Status.BAD_REQUEST, "Choose a provider.");
        }
        String chosenModel = model(modelName);
        PromptSet prompts = prompts(version);
        StoryContext context = context(target, prompts);
        PreviewResult result = previewer.run(
                context,
                provider,
                chosenModel,
                confirmed(pastBudget),
                AdminGate.session(request).username());
        Map<String, Object> model = new HashMap<>();
        model.put("result", result);
        model.put("version", prompts.version());
        model.put("readsPrompts", previewer.readsPrompts(provider));
        model.put("bankVersion", previewer.bankVersion(context));
        if (Htmx.isHtmx(headers)) {
            return Response.ok(AdminPage.fragment("admin/preview", "result", request, model))
                    .build();
        }
        model.put(
                "backLink",
                backLink(target, prompts.version(), new Column(provider, chosenModel), confirmed(pastBudget)));
        return Response.ok(AdminPage.page("admin/preview-run", request, model)).build();
    }

    private StoryContext context(Target target, PromptSet prompts) {
        if (target.seed() != null && target.ride() == null) {
            return previewer.forSeed(target.seed(), prompts, target.language());
        }
        StoryContext context = previewer.forRide(target.ride(), target.stop(), prompts);
        return target.language() == null ? context : context.withLanguage(target.language());
    }

    private static Target target(String ride, String stop, String seed, String lang) {
        String rideId = ride == null || ride.isBlank() ? null : ride.strip();
        if (rideId != null && !RIDE_ID.matcher(rideId).matches()) {
            throw new PageException(Response.Status.NOT_FOUND, "There is no ride with this id.");
        }
        Integer stopIndex = null;
        if (stop != null && !stop.isBlank()) {
            if (!NUMBER.matcher(stop.strip()).matches()) {
                throw new PageException(Response.Status.BAD_REQUEST, "The stop is a whole number from 0.");
            }
            stopIndex = Integer.parseInt(stop.strip());
        }
        Long seedValue = null;
        if (seed != null && !seed.isBlank()) {
            if (!SEED.matcher(seed.strip()).matches()) {
                throw new PageException(Response.Status.BAD_REQUEST, "The seed is a whole number.");
            }
            seedValue = Long.parseLong(seed.strip());
        }
        String language = null;
        if (lang != null && !lang.isBlank()) {
            if (!LANGUAGE.matcher(lang.strip()).matches()) {
                throw new PageException(
                        Response.Status.BAD_REQUEST, "The language is a BCP 47 tag, such as en, ja or pt-BR.");
            }
            language = StepNeeds.normalise(lang.strip());
        }
        return new Target(rideId, stopIndex, rideId == null ? seedValue : null, language);
    }

    private PromptSet prompts(String version) {
        if (version == null || version.isBlank()) {
            return store.published();
        }
        if (!NUMBER.matcher(version.strip()).matches()) {
            throw new PageException(Response.Status.NOT_FOUND, "There is no prompt version with this number.");
        }
        return store.find(Integer.parseInt(version.strip()))
                .orElseThrow(() ->
                        new PageException(Response.Status.NOT_FOUND, "There is no prompt version with this number."));
    }

    /** Whether the writer ticked "spend past the daily budget" (a checkbox sends {@code on}). */
    private static boolean confirmed(String pastBudget) {
        return pastBudget != null && !pastBudget.isBlank();
    }

    /** A model the writer named, stripped; empty for none; a 400 page for one no vendor would name so. */
    private static String model(String asked) {
        String name = asked == null ? "" : asked.strip();
        if (!name.isEmpty() && !MODEL.matcher(name).matches()) {
            throw new PageException(Response.Status.BAD_REQUEST, BAD_MODEL);
        }
        return name;
    }

    /**
     * Up to three distinct columns of known providers, the {@code i}-th model going with the {@code i}-th provider (the
     * form sends them in pairs); by default offline.
     */
    private static List<Column> columns(List<String> asked, List<String> models, Map<String, List<String>> available) {
        List<Column> columns = new ArrayList<>();
        for (int i = 0; asked != null && i < asked.size(); i++) {
            String name = asked.get(i);
            String modelName = model(models != null && i < models.size() ? models.get(i) : null);
            Column column = new Column(name, modelName);
            if (name != null
                    && available.containsKey(name)
                    && !columns.contains(column)
                    && columns.size() < MAX_COLUMNS) {
                columns.add(column);
            }
        }
        if (columns.isEmpty()) {
            columns.add(new Column("offline", ""));
        }
        return columns;
    }

    private static String backLink(Target target, int version, Column column, boolean pastBudget) {
        Map<String, String> query = new LinkedHashMap<>();
        if (target.ride() != null) {
            query.put("ride", target.ride());
            query.put("stop", target.stop().toString());
        } else {
            query.put("seed", target.seed().toString());
        }
        if (target.language() != null) {
            query.put("lang", target.language());
        }
        query.put("version", Integer.toString(version));
        query.put("provider", column.provider());
        query.put("model", column.model());
        if (pastBudget) {
            query.put("past-budget", "on");
        }
        StringBuilder link = new StringBuilder("/admin/preview?");
        query.forEach((key, value) -> link.append(key)
                .append('=')
                .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8))
                .append('&'));
        return link.substring(0, link.length() - 1);
    }
}
