package com.liminaltransit.admin.prompts;

import com.liminaltransit.admin.AdminPage;
import com.liminaltransit.admin.auth.AdminGate;
import com.liminaltransit.admin.auth.WritersOnly;
import com.liminaltransit.narrative.PromptBuilder;
import com.liminaltransit.narrative.PromptSet;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The writers' prompts: the list of versions (paged), an editor that saves a new version (variables checked first), one
 * version's text, publishing (rollback is publishing an older one) and a line diff of two versions.
 */
@Path("/admin/prompts")
@WritersOnly
@ApplicationScoped
@Produces(MediaType.TEXT_HTML)
public class PromptsResource {

    private static final Pattern VERSION = Pattern.compile("[1-9]\\d{0,8}");
    private static final int NOTE_MAX = 200;
    private static final int PAGE_SIZE = 20;
    private static final Pattern PAGE = Pattern.compile("[1-9]\\d{0,5}");

    private final PromptStore store;

    @Inject
    PromptsResource(PromptStore store) {
        this.store = store;
    }

    /**
     * One page of versions ({@value #PAGE_SIZE} a page, newest first, {@code ?page=N} from 1), the published one
     * marked, with links to the newer and older pages; the publication log, and the diff form.
     */
    @GET
    public Response list(@QueryParam("page") String page, @Context ContainerRequestContext request) {
        int number;
        if (page == null || page.isBlank()) {
            number = 1;
        } else if (PAGE.matcher(page.strip()).matches()) {
            number = Integer.parseInt(page.strip());
        } else {
            throw new PageException(Response.Status.BAD_REQUEST, "The page is a whole number from 1.");
        }
        PromptStore.VersionPage versions = store.versions(number, PAGE_SIZE);
        if (number > versions.pages()) {
            throw new PageException(
                    Response.Status.NOT_FOUND, "There are only " + versions.pages() + " pages of prompt versions.");
        }
        return Response.ok(AdminPage.page(
                        "admin/prompts",
                        request,
                        Map.of(
                                "versions",
                                versions,
                                "publications",
                                store.publications(10),
                                "published",
                                store.publishedVersion(),
                                "newest",
                                store.newestVersion(),
                                "maxVersions",
                                store.maxVersions())))
                .build();
    }

    /** The editor, filled with version {@code from} (the published one by default). */
    @GET
    @Path("new")
    public Response editor(@QueryParam("from") String from, @Context ContainerRequestContext request) {
        int base = from == null || from.isBlank() ? store.publishedVersion() : version(from);
        PromptSet prompts = existing(base);
        return Response.ok(editorPage(request, prompts.system(), prompts.step(), "", base, List.of()))
                .build();
    }

    /** Saves a new version; with a problem in the variables, the editor again with the problems (400). */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(
            @FormParam("system") String system,
            @FormParam("step") String step,
            @FormParam("note") String note,
            @FormParam("base") String base,
            @Context ContainerRequestContext request) {
        String systemText = normalise(system);
        String stepText = normalise(step);
        String noteText = note == null ? "" : note.strip();
        List<String> problems = new java.util.ArrayList<>(PromptBuilder.problems(systemText, stepText));
        if (noteText.length() > NOTE_MAX) {
            problems.add("The note is longer than " + NOTE_MAX + " characters.");
        }
        if (!problems.isEmpty()) {
            int baseVersion = base != null && VERSION.matcher(base).matches() ? Integer.parseInt(base) : 0;
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(editorPage(request, systemText, stepText, noteText, baseVersion, problems))
                    .build();
        }
        int saved;
        try {
            saved = store.save(
                    systemText, stepText, noteText, AdminGate.session(request).username());
        } catch (PromptStore.TooManyVersions full) {
            int baseVersion = base != null && VERSION.matcher(base).matches() ? Integer.parseInt(base) : 0;
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(editorPage(
                            request,
                            systemText,
                            stepText,
                            noteText,
                            baseVersion,
                            List.of("There are already " + full.max() + " prompt versions, the most this room keeps"
                                    + " (liminal.prompts.max-versions = " + full.max() + "). Versions are never"
                                    + " deleted, so nothing was saved: publish an existing version, or ask an"
                                    + " operator to raise the limit.")))
                    .build();
        }
        return Response.seeOther(URI.create("/admin/prompts/" + saved)).build();
    }

    /** One version's text, with its diff against the published version. */
    @GET
    @Path("{version}")
    public Response show(@PathParam("version") String version, @Context ContainerRequestContext request) {
        int number = version(version);
        PromptSet prompts = existing(number);
        int published = store.publishedVersion();
        Map<String, Object> model = new HashMap<>();
        model.put("prompts", prompts);
        model.put("published", published);
        model.put("isPublished", published == number);
        model.put("systemTokens", PromptBuilder.estimateTokens(prompts.system()));
        model.put("stepTokens", PromptBuilder.estimateTokens(prompts.step()));
        return Response.ok(AdminPage.page("admin/prompt", request, model)).build();
    }

    /** Publishes a version: new steps use it. Publishing an older version is the rollback. */
    @POST
    @Path("{version}/publish")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response publish(@PathParam("version") String version, @Context ContainerRequestContext request) {
        int number = version(version);
        if (!store.publish(number, AdminGate.session(request).username())) {
            throw notFound();
        }
        return Response.seeOther(URI.create("/admin/prompts")).build();
    }

    /** The line diff of two versions, system prompt and step template. */
    @GET
    @Path("diff")
    public Response diff(
            @QueryParam("from") String from, @QueryParam("to") String to, @Context ContainerRequestContext request) {
        if (from == null
                || to == null
                || !VERSION.matcher(from).matches()
                || !VERSION.matcher(to).matches()) {
            throw new PageException(Response.Status.BAD_REQUEST, "Choose two versions to compare.");
        }
        PromptSet older = existing(Integer.parseInt(from));
        PromptSet newer = existing(Integer.parseInt(to));
        List<LineDiff.Line> system = LineDiff.diff(older.system(), newer.system());
        List<LineDiff.Line> step = LineDiff.diff(older.step(), newer.step());
        return Response.ok(AdminPage.page(
                        "admin/prompt-diff",
                        request,
                        Map.of(
                                "from",
                                older.version(),
                                "to",
                                newer.version(),
                                "systemDiff",
                                system,
                                "stepDiff",
                                step,
                                "systemChanged",
                                LineDiff.changed(system),
                                "stepChanged",
                                LineDiff.changed(step))))
                .build();
    }

    private Object editorPage(
            ContainerRequestContext request, String system, String step, String note, int base, List<String> problems) {
        Map<String, Object> model = new HashMap<>();
        model.put("system", system);
        model.put("step", step);
        model.put("note", note);
        model.put("base", base);
        model.put("problems", problems);
        model.put("variables", PromptBuilder.VARIABLES.stream().sorted().toList());
        model.put("required", PromptBuilder.REQUIRED_IN_STEP);
        return AdminPage.page("admin/prompt-edit", request, model);
    }

    private PromptSet existing(int version) {
        return store.find(version).orElseThrow(PromptsResource::notFound);
    }

    private static int version(String text) {
        if (text == null || !VERSION.matcher(text).matches()) {
            throw notFound();
        }
        return Integer.parseInt(text);
    }

    private static PageException notFound() {
        return new PageException(Response.Status.NOT_FOUND, "There is no prompt version with this number.");
    }

    /** Browsers send CRLF from a textarea: store LF, so diffs and versions compare as written. */
    private static String normalise(String text) {
        return text == null ? "" : text.replace("\r\n", "\n").replace('\r', '\n');
    }
}
