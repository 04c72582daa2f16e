package com.liminaltransit.admin.bank;

import com.liminaltransit.admin.AdminPage;
import com.liminaltransit.admin.auth.AdminGate;
import com.liminaltransit.admin.auth.WritersOnly;
import com.liminaltransit.admin.prompts.LineDiff;
import com.liminaltransit.narrative.offline.BankText;
import com.liminaltransit.narrative.offline.OfflineProvider;
import com.liminaltransit.web.PageException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
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
import java.io.StringReader;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The offline storyteller's content bank as data writers own: its numbered versions (none ever changed), one
 * version's parts and scenes, an editor that saves a new version from one changed part (checked first: every
 * problem named, nothing saved), a line diff of two versions, publishing (rollback is publishing an older version)
 * and a preview of any version on any seed, played along any path, before it is published.
 */
@Path("/admin/bank")
@WritersOnly
@ApplicationScoped
@Produces(MediaType.TEXT_HTML)
public class BankResource {

    private static final Pattern VERSION = Pattern.compile("[1-9]\\d{0,8}");
    private static final Pattern SEED = Pattern.compile("-?\\d{1,18}");
    private static final Pattern CHOICE = Pattern.compile("[a-z0-9]{1,8}");
    private static final int NOTE_MAX = 200;

    private final BankStore store;
    private final BankPreview preview;

    @Inject
    BankResource(BankStore store, BankPreview preview) {
        this.store = store;
        this.preview = preview;
    }

    /** One scene as the version page lists it. */
    public record SceneRow(String id, String kind, String part) {}

    /** One part as the version page lists it. */
    public record PartRow(String name, int length) {}

    /** The versions (the published one marked), publish and roll back, the diff form, the publication log. */
    @GET
    public Response list(@Context ContainerRequestContext request) {
        int published = store.publishedVersionNow();
        return Response.ok(AdminPage.page(
                        "admin/bank",
                        request,
                        Map.of(
                                "versions", store.versions(),
                                "publications", store.publications(10),
                                "published", published,
                                "newest", store.newestVersion(),
                                "maxVersions", store.maxVersions())))
                .build();
    }

    /** One version: its parts and its scenes (where each lives), links to read, edit and preview. */
    @GET
    @Path("{version}")
    public Response show(@PathParam("version") String version, @Context ContainerRequestContext request) {
        int number = version(version);
        BankText bank = existing(number);
        List<PartRow> parts = new ArrayList<>();
        bank.parts().forEach((name, text) -> parts.add(new PartRow(name, text.length())));
        Map<String, Object> model = new HashMap<>();
        model.put("version", number);
        model.put("info", store.info(number).orElseThrow(BankResource::notFound));
        model.put("published", store.publishedVersionNow());
        model.put("parts", parts);
        model.put("scenes", scenes(bank));
        return Response.ok(AdminPage.page("admin/bank-version", request, model)).build();
    }

    /** One part of one version, as text. */
    @GET
    @Path("{version}/parts/{name}")
    public Response part(
            @PathParam("version") String version,
            @PathParam("name") String name,
            @Context ContainerRequestContext request) {
        int number = version(version);
        String text = partOf(existing(number), name);
        return Response.ok(AdminPage.page(
                        "admin/bank-part", request, Map.of("version", number, "name", name, "text", text)))
                .build();
    }

    /** The editor: one part of version {@code from} (the published one by default). */
    @GET
    @Path("new")
    public Response editor(
            @QueryParam("from") String from,
            @QueryParam("part") String part,
            @Context ContainerRequestContext request) {
        int base = from == null || from.isBlank() ? store.publishedVersionNow() : version(from);
        BankText bank = existing(base);
        String name = part == null || part.isBlank() ? bank.names().getFirst() : part;
        return Response.ok(editorPage(request, base, bank.names(), name, partOf(bank, name), "", List.of()))
                .build();
    }

    /**
     * Saves a new version: version {@code from} with one part changed. A bank with problems (broken JSON, an unknown
     * placeholder, a label that says a word twice, ...) is the editor again with every problem named (400), nothing
     * saved.
     */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(
            @FormParam("from") String from,
            @FormParam("part") String part,
            @FormParam("text") String text,
            @FormParam("note") String note,
            @Context ContainerRequestContext request) {
        int base = version(from);
        BankText bank = existing(base);
        String name = part == null ? "" : part.strip();
        partOf(bank, name);
        String newText = text == null ? "" : text.replace("\r\n", "\n").replace('\r', '\n');
        String noteText = note == null ? "" : note.strip();
        List<String> problems = new ArrayList<>();
        if (noteText.length() > NOTE_MAX) {
            problems.add("The note is longer than " + NOTE_MAX + " characters.");
        }
        if (newText.equals(bank.parts().get(name))) {
            problems.add("This part is the same as in version " + base + ": there is nothing to save.");
        }
        BankText changed = bank.with(name, newText);
        if (problems.isEmpty()) {
            problems.addAll(OfflineProvider.problems(changed));
        }
        if (!problems.isEmpty()) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(editorPage(request, base, bank.names(), name, newText, noteText, problems))
                    .build();
        }
        int saved;
        try {
            saved = store.save(changed, noteText, AdminGate.session(request).username());
        } catch (BankStore.TooManyVersions full) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(editorPage(
                            request,
                            base,
                            bank.names(),
                            name,
                            newText,
                            noteText,
                            List.of("There are already " + full.max() + " content bank versions, the most this room"
                                    + " keeps (liminal.bank.max-versions = " + full.max() + "). Versions are never"
                                    + " deleted, so nothing was saved: publish an existing version, or ask an"
                                    + " operator to raise the limit.")))
                    .build();
        }
        return Response.seeOther(URI.create("/admin/bank/" + saved)).build();
    }

    /** Publishes a version: rides boarded from now on are written from it. An older one: the rollback. */
    @POST
    @Path("{version}/publish")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response publish(@PathParam("version") String version, @Context ContainerRequestContext request) {
        int number = version(version);
        if (!store.publish(number, AdminGate.session(request).username())) {
            throw notFound();
        }
        return Response.seeOther(URI.create("/admin/bank")).build();
    }

    /** The line diff of two versions, part by part: only the parts that differ. */
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
        BankText older = existing(Integer.parseInt(from));
        BankText newer = existing(Integer.parseInt(to));
        List<PartDiff> diffs = new ArrayList<>();
        List<String> names = new ArrayList<>(older.names());
        newer.names().stream().filter(n -> !names.contains(n)).forEach(names::add);
        for (String name : names) {
            List<LineDiff.Line> lines = LineDiff.diff(
                    older.parts().getOrDefault(name, ""), newer.parts().getOrDefault(name, ""));
            if (LineDiff.changed(lines)) {
                diffs.add(new PartDiff(name, lines));
            }
        }
        return Response.ok(AdminPage.page(
                        "admin/bank-diff",
                        request,
                        Map.of("from", Integer.parseInt(from), "to", Integer.parseInt(to), "diffs", diffs)))
                .build();
    }

    /**
     * A ride written from a version, on any seed ({@code seed}, default 1), along a path of choice ids ({@code path},
     * comma-separated); {@code end=first} plays on to the ending, taking the first choice each time. Nothing is
     * stored.
     */
    @GET
    @Path("{version}/preview")
    public Response preview(
            @PathParam("version") String version,
            @QueryParam("seed") String seed,
            @QueryParam("path") String path,
            @QueryParam("end") String end,
            @Context ContainerRequestContext request) {
        int number = version(version);
        existing(number);
        long rideSeed = 1;
        if (seed != null && !seed.isBlank()) {
            if (!SEED.matcher(seed.strip()).matches()) {
                throw new PageException(Response.Status.BAD_REQUEST, "The seed is a whole number.");
            }
            rideSeed = Long.parseLong(seed.strip());
        }
        List<String> ids = new ArrayList<>();
        if (path != null && !path.isBlank()) {
            for (String id : path.split(",")) {
                if (!CHOICE.matcher(id.strip()).matches() || ids.size() >= BankPreview.MAX_STOPS) {
                    throw new PageException(Response.Status.BAD_REQUEST, "The path is choice ids separated by commas.");
                }
                ids.add(id.strip());
            }
        }
        List<BankPreview.Stop> stops = preview.ride(number, rideSeed, ids, "first".equals(end));
        List<String> walked = stops.stream()
                .map(BankPreview.Stop::chosen)
                .filter(java.util.Objects::nonNull)
                .toList();
        Map<String, Object> model = new HashMap<>();
        model.put("version", number);
        model.put("seed", rideSeed);
        model.put("stops", stops);
        model.put("path", String.join(",", walked));
        model.put("published", store.publishedVersionNow());
        return Response.ok(AdminPage.page("admin/bank-preview", request, model)).build();
    }

    /**
     * One part's diff.
     *
     * @param name  the part
     * @param lines its lines, kept, added and removed
     */
    public record PartDiff(String name, List<LineDiff.Line> lines) {}

    private Object editorPage(
            ContainerRequestContext request,
            int base,
            List<String> names,
            String name,
            String text,
            String note,
            List<String> problems) {
        Map<String, Object> model = new HashMap<>();
        model.put("base", base);
        model.put("names", names);
        model.put("part", name);
        model.put("text", text);
        model.put("note", note);
        model.put("problems", problems);
        model.put("maxPart", BankText.MAX_PART);
        return AdminPage.page("admin/bank-edit", request, model);
    }

    /** The scenes of a bank, with the part each lives in. */
    private static List<SceneRow> scenes(BankText bank) {
        List<SceneRow> rows = new ArrayList<>();
        bank.parts().forEach((name, text) -> {
            try (JsonReader reader = Json.createReader(new StringReader(text))) {
                JsonObject root = reader.readObject();
                if (!root.containsKey("scenes") || root.get("scenes").getValueType() != JsonValue.ValueType.ARRAY) {
                    return;
                }
                String kind = root.getString("kind", "stop");
                root.getJsonArray("scenes")
                        .getValuesAs(JsonObject.class)
                        .forEach(scene -> rows.add(
                                new SceneRow(scene.getString("id", "?"), scene.getString("kind", kind), name)));
            } catch (RuntimeException unreadable) {
                // a saved version always reads; nothing to list otherwise
            }
        });
        return rows;
    }

    private BankText existing(int version) {
        return store.find(version).orElseThrow(BankResource::notFound);
    }

    private static String partOf(BankText bank, String name) {
        String text = name == null ? null : bank.parts().get(name);
        if (text == null) {
            throw new PageException(Response.Status.NOT_FOUND, "This version of the content bank has no such part.");
        }
        return text;
    }

    private static int version(String text) {
        if (text == null || !VERSION.matcher(text.strip()).matches()) {
            throw notFound();
        }
        return Integer.parseInt(text.strip());
    }

    private static PageException notFound() {
        return new PageException(Response.Status.NOT_FOUND, "There is no content bank version with this number.");
    }
}
