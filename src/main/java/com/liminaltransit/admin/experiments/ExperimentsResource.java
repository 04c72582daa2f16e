package com.liminaltransit.admin.experiments;

import com.liminaltransit.admin.AdminPage;
import com.liminaltransit.admin.auth.AdminGate;
import com.liminaltransit.admin.auth.WritersOnly;
import com.liminaltransit.admin.bank.BankStore;
import com.liminaltransit.admin.prompts.PromptStore;
import com.liminaltransit.narrative.AiProvider;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Experiments: start one (two to four variants, each a prompt version, a provider chain, a content bank version and
 * a weight), read its results per variant with intervals, stop it and publish the winner's prompt (and bank)
 * version. An experiment whose variants cannot write differently is refused with the reason.
 */
@Path("/admin/experiments")
@WritersOnly
@ApplicationScoped
@Produces(MediaType.TEXT_HTML)
public class ExperimentsResource {

    private static final Pattern ID = Pattern.compile("[1-9]\\d{0,17}");

    private final Experiments experiments;
    private final ExperimentResults results;
    private final PromptStore prompts;
    private final BankStore banks;
    private final ProviderChain chain;

    @Inject
    ExperimentsResource(
            Experiments experiments,
            ExperimentResults results,
            PromptStore prompts,
            BankStore banks,
            ProviderChain chain) {
        this.experiments = experiments;
        this.results = results;
        this.prompts = prompts;
        this.banks = banks;
        this.chain = chain;
    }

    /** The experiments and the form to start one. */
    @GET
    public Response list(@Context ContainerRequestContext request) {
        return Response.ok(listPage(request, ExperimentForm.fresh(prompts.publishedVersion()), List.of()))
                .build();
    }

    /**
     * Starts an experiment; a problem with the form, or another experiment running (even one started a moment
     * ago by another writer), is a 400 with the form again, nothing started.
     */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response start(MultivaluedMap<String, String> fields, @Context ContainerRequestContext request) {
        ExperimentForm form = ExperimentForm.read(fields);
        ExperimentForm.Checked checked = form.check(v -> prompts.find(v).isPresent(), chain::problemWith, writers());
        if (!checked.problems().isEmpty()) {
            return refused(request, form, checked.problems());
        }
        try {
            long id = experiments.start(
                    form.name(), checked.specs(), AdminGate.session(request).username());
            return Response.seeOther(URI.create("/admin/experiments/" + id)).build();
        } catch (ExperimentAlreadyRunning running) {
            return refused(request, form, List.of(running.getMessage()));
        }
    }

    /** An experiment's results. */
    @GET
    @Path("{id}")
    public Response show(@PathParam("id") String id, @Context ContainerRequestContext request) {
        Experiment experiment = existing(id);
        return Response.ok(AdminPage.page(
                        "admin/experiment",
                        request,
                        Map.of(
                                "experiment", new ExperimentView(experiment),
                                "results", results.of(experiment),
                                "published", prompts.publishedVersion(),
                                "publishedBank", banks.publishedVersion(),
                                "promptless", promptless(experiment))))
                .build();
    }

    /** Stops an experiment; with {@code winner} (a variant id) also publishes that variant's prompt version. */
    @POST
    @Path("{id}/stop")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response stop(
            @PathParam("id") String id, @FormParam("winner") String winner, @Context ContainerRequestContext request) {
        Experiment experiment = existing(id);
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

    /** What decides whether two variants can write differently. */
    private ExperimentForm.Writers writers() {
        return new ExperimentForm.Writers(
                chain.names(), this::readsPrompt, v -> banks.find(v).isPresent(), banks.publishedVersion());
    }

    private boolean readsPrompt(String provider) {
        return chain.provider(provider).map(AiProvider::readsPrompts).orElse(true);
    }

    /** The variants of an experiment whose rides only offline writes: their prompt version changes nothing. */
    private List<Long> promptless(Experiment experiment) {
        return experiment.variants().stream()
                .filter(v -> (v.chain().isEmpty() ? chain.names() : v.chain())
                        .stream()
                                .filter(name -> !ProviderChain.OFFLINE.equals(name))
                                .noneMatch(this::readsPrompt))
                .map(Variant::id)
                .toList();
    }

    private Response refused(ContainerRequestContext request, ExperimentForm form, List<String> problems) {
        return Response.status(Response.Status.BAD_REQUEST)
                .entity(listPage(request, form, problems))
                .build();
    }

    private Object listPage(ContainerRequestContext request, ExperimentForm form, List<String> problems) {
        Map<String, Object> model = new HashMap<>();
        model.put("experiments", ExperimentView.of(experiments.all()));
        model.put("running", experiments.running().isPresent());
        model.put("versions", prompts.versions());
        model.put("bankVersions", banks.versions());
        model.put(
                "promptsMatter",
                chain.names().stream()
                        .filter(name -> !ProviderChain.OFFLINE.equals(name))
                        .anyMatch(this::readsPrompt));
        model.put(
                "providers",
                chain.available().entrySet().stream()
                        .filter(e -> e.getValue().isEmpty())
                        .map(Map.Entry::getKey)
                        .toList());
        model.put("chain", String.join(",", chain.names()));
        model.put("name", form.name());
        model.put("rows", form.rows());
        model.put("problems", problems);
        return AdminPage.page("admin/experiments", request, model);
    }

    private Experiment existing(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw notFound();
        }
        return experiments.find(Long.parseLong(id)).orElseThrow(ExperimentsResource::notFound);
    }

    private static PageException notFound() {
        return new PageException(Response.Status.NOT_FOUND, "There is no experiment with this id.");
    }
}
