package com.liminaltransit.admin.experiments;

import com.liminaltransit.admin.AdminPage;
import com.liminaltransit.admin.auth.AdminGate;
import com.liminaltransit.admin.prompts.PromptStore;
import com.liminaltransit.narrative.chain.ProviderChain;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Experiments: start one (two to four variants, each a prompt version, a provider chain and a weight), read its
 * results per variant with intervals, stop it and publish the winner's prompt version.
 */
@Path("/admin/experiments")
@ApplicationScoped
@Produces(MediaType.TEXT_HTML)
public class ExperimentsResource {

    /** The most variants an experiment has. */
    static final int MAX_VARIANTS = 4;

    private static final Pattern ID = Pattern.compile("[1-9]\\d{0,17}");
    private static final Pattern WEIGHT = Pattern.compile("\\d{1,4}");
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N} ._-]{1,40}");

    private final Experiments experiments;
    private final ExperimentResults results;
    private final PromptStore prompts;
    private final ProviderChain chain;

    @Inject
    ExperimentsResource(Experiments experiments, ExperimentResults results, PromptStore prompts, ProviderChain chain) {
        this.experiments = experiments;
        this.results = results;
        this.prompts = prompts;
        this.chain = chain;
    }

    /**
     * One row of the form as typed, for showing it again.
     *
     * @param name    variant name
     * @param version prompt version
     * @param chain   chain text
     * @param weight  weight text
     */
    public record Row(String name, String version, String chain, String weight) {}

    /** The experiments and the form to start one. */
    @GET
    public Response list(@Context ContainerRequestContext request) {
        String published = Integer.toString(prompts.publishedVersion());
        List<Row> rows = List.of(
                new Row("A", published, "", "1"),
                new Row("B", published, "", "1"),
                new Row("", "", "", ""),
                new Row("", "", "", ""));
        return Response.ok(listPage(request, "", rows, List.of())).build();
    }

    /** Starts an experiment; a problem with the form is a 400 with the form again, nothing started. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response start(MultivaluedMap<String, String> form, @Context ContainerRequestContext request) {
        String name = first(form, "name").strip();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < MAX_VARIANTS; i++) {
            rows.add(new Row(
                    first(form, "variant-" + i).strip(),
                    first(form, "version-" + i).strip(),
                    first(form, "chain-" + i).strip(),
                    first(form, "weight-" + i).strip()));
        }
        List<String> problems = new ArrayList<>();
        if (name.isEmpty() || name.length() > 100) {
            problems.add("Name the experiment (up to 100 characters).");
        }
        List<Experiments.VariantSpec> specs = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            if (row.name().isEmpty() && row.weight().isEmpty()) {
                continue;
            }
            String label = "Variant " + (i + 1);
            if (!NAME.matcher(row.name()).matches()) {
                problems.add(label + ": give a short name (letters, digits, spaces, . _ -; up to 40).");
            } else if (!names.add(row.name())) {
                problems.add(label + ": the name " + row.name() + " is used twice.");
            }
            int version = 0;
            if (!ID.matcher(row.version()).matches()
                    || prompts.find(Integer.parseInt(row.version())).isEmpty()) {
                problems.add(label + ": choose an existing prompt version.");
            } else {
                version = Integer.parseInt(row.version());
            }
            int weight = 0;
            if (!WEIGHT.matcher(row.weight()).matches() || Integer.parseInt(row.weight()) < 1) {
                problems.add(label + ": the weight is a whole number from 1 to 9999.");
            } else {
                weight = Integer.parseInt(row.weight());
            }
            List<String> providers = row.chain().isEmpty()
                    ? List.of()
                    : Arrays.stream(row.chain().split(","))
                            .map(String::strip)
                            .filter(s -> !s.isEmpty())
                            .toList();
            String chainProblem = providers.isEmpty() ? null : chain.problemWith(providers);
            if (chainProblem != null || row.chain().length() > 200) {
                problems.add(label + ": " + (chainProblem == null ? "the chain is too long." : chainProblem));
            }
            specs.add(new Experiments.VariantSpec(row.name(), version, providers, weight));
        }
        if (specs.size() < 2) {
            problems.add("An experiment needs two to four variants.");
        }
        if (problems.isEmpty() && experiments.running().isPresent()) {
            problems.add("Another experiment is running: stop it first.");
        }
        if (!problems.isEmpty()) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(listPage(request, name, rows, problems))
                    .build();
        }
        long id;
        try {
            id = experiments.start(name, specs, AdminGate.session(request).username());
        } catch (IllegalStateException running) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(listPage(request, name, rows, List.of(running.getMessage())))
                    .build();
        }
        return Response.seeOther(URI.create("/admin/experiments/" + id)).build();
    }

    /** An experiment's results. */
    @GET
    @Path("{id}")
    public Response show(@PathParam("id") String id, @Context ContainerRequestContext request) {
        Experiments.Experiment experiment = existing(id);
        return Response.ok(AdminPage.page(
                        "admin/experiment",
                        request,
                        Map.of(
                                "experiment", experiment,
                                "results", results.of(experiment),
                                "published", prompts.publishedVersion())))
                .build();
    }

    /** Stops an experiment; with {@code winner} (a variant id) also publishes that variant's prompt version. */
    @POST
    @Path("{id}/stop")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response stop(
            @PathParam("id") String id, @FormParam("winner") String winner, @Context ContainerRequestContext request) {
        Experiments.Experiment experiment = existing(id);
        Long winnerId = null;
        if (winner != null && !winner.isBlank()) {
            if (!ID.matcher(winner.strip()).matches()) {
                throw new PageException(Response.Status.BAD_REQUEST, "The winner is one of the variants.");
            }
            winnerId = Long.parseLong(winner.strip());
        }
        if (!experiments.stop(
                experiment.id(), winnerId, AdminGate.session(request).username())) {
            throw new PageException(
                    Response.Status.CONFLICT,
                    experiment.running()
                            ? "The winner is not one of this experiment's variants."
                            : "This experiment has already stopped.");
        }
        return Response.seeOther(URI.create("/admin/experiments/" + experiment.id()))
                .build();
    }

    private Object listPage(ContainerRequestContext request, String name, List<Row> rows, List<String> problems) {
        Map<String, Object> model = new HashMap<>();
        model.put("experiments", experiments.all());
        model.put("running", experiments.running().isPresent());
        model.put("versions", prompts.versions());
        model.put(
                "providers",
                chain.available().entrySet().stream()
                        .filter(e -> e.getValue().isEmpty())
                        .map(Map.Entry::getKey)
                        .toList());
        model.put("chain", String.join(",", chain.names()));
        model.put("name", name);
        model.put("rows", rows);
        model.put("problems", problems);
        return AdminPage.page("admin/experiments", request, model);
    }

    private Experiments.Experiment existing(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw notFound();
        }
        return experiments.find(Long.parseLong(id)).orElseThrow(ExperimentsResource::notFound);
    }

    private static PageException notFound() {
        return new PageException(Response.Status.NOT_FOUND, "There is no experiment with this id.");
    }

    private static String first(MultivaluedMap<String, String> form, String key) {
        String value = form.getFirst(key);
        return value == null ? "" : value;
    }
}
