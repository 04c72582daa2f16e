package com.liminaltransit.safety;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one check over what a provider wrote (passage, choice labels, summary), in the language of the ride: allow or
 * block, with the categories and scores that decided it. Layers are chosen by {@code liminal.safety.checks}
 * ({@code rules}, the default; {@code comprehend}; {@code guardrail}). The local rules run first and a rule's finding
 * blocks without calling any classifier; then every configured classifier that covers the language is asked (at
 * once, when there are two). When a classifier is configured and none covers the language, the text fails closed
 * (so does a language without word rules when the rules are the only layer). A classifier that is down, throttled
 * or too slow never becomes the player's error: {@code liminal.safety.on-unavailable} decides ({@code offline}, the
 * default, fails closed; {@code allow-rules-only} lets the rules' verdict stand).
 */
@ApplicationScoped
public class SafetyCheck {

    private static final Logger LOG = Logger.getLogger(SafetyCheck.class.getName());

    /** The languages offered when {@code liminal.languages} is not set. */
    static final String DEFAULT_LANGUAGES = "en,es,fr,de,ja";

    private final List<Layer> layers;
    private final OnUnavailable onUnavailable;
    private final List<String> offered;
    private final RuleCheck rules;
    private final List<Classifier> available;
    private final List<Classifier> classifiers;
    private final SafetyMetrics metrics;
    private final ExecutorService parallel = Executors.newVirtualThreadPerTaskExecutor();

    /**
     * Reads and checks the settings.
     *
     * @throws IllegalStateException when a check is unknown or not configured, or the policy is malformed, so the
     *                               server stops at start-up naming the key instead of failing every step
     */
    @Inject
    SafetyCheck(
            @ConfigProperty(name = "liminal.safety.checks", defaultValue = "rules") List<String> checks,
            @ConfigProperty(name = "liminal.safety.on-unavailable", defaultValue = "offline") String onUnavailable,
            @ConfigProperty(name = "liminal.languages", defaultValue = DEFAULT_LANGUAGES) List<String> offered,
            ComprehendClassifier comprehend,
            GuardrailClassifier guardrail,
            SafetyMetrics metrics) {
        this(layers(checks), policy(onUnavailable), offered, List.of(comprehend, guardrail), metrics);
    }

    SafetyCheck(
            List<Layer> layers,
            OnUnavailable onUnavailable,
            List<String> offered,
            List<Classifier> available,
            SafetyMetrics metrics) {
        this.layers = List.copyOf(layers);
        this.onUnavailable = onUnavailable;
        Set<String> languages = new LinkedHashSet<>();
        offered.stream().filter(tag -> !tag.isBlank()).map(Languages::primary).forEach(languages::add);
        this.offered = List.copyOf(languages);
        this.rules = new RuleCheck(this.offered);
        this.available = List.copyOf(available);
        this.classifiers = available.stream()
                .filter(classifier -> this.layers.contains(classifier.layer()))
                .toList();
        for (Classifier classifier : classifiers) {
            List<String> missing = classifier.missingSettings();
            if (!missing.isEmpty()) {
                throw new IllegalStateException(
                        "liminal.safety.checks names '" + classifier.layer().code()
                                + "', but it is not configured: set " + String.join(", ", missing)
                                + " (or remove it from the checks)");
            }
        }
        if (onUnavailable == OnUnavailable.ALLOW_RULES_ONLY && !this.layers.contains(Layer.RULES)) {
            throw new IllegalStateException(
                    "liminal.safety.on-unavailable=allow-rules-only needs rules in liminal.safety.checks");
        }
        this.metrics = metrics;
        LOG.info(() -> "Safety checks: " + this.layers.stream().map(Layer::code).toList() + "; on unavailable: "
                + onUnavailable.code());
    }

    /** Builds the check when the application starts, so bad settings stop the server at start-up. */
    void checkAtStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        LOG.fine(() -> "Safety checks ready: " + layers);
    }

    static List<Layer> layers(List<String> checks) {
        List<Layer> layers = new ArrayList<>();
        for (String check : checks) {
            if (check.isBlank()) {
                continue;
            }
            Layer layer = Layer.of(check)
                    .orElseThrow(() -> new IllegalStateException("liminal.safety.checks names '" + check.strip()
                            + "', which is not a check; known checks: rules, comprehend, guardrail"));
            if (!layers.contains(layer)) {
                layers.add(layer);
            }
        }
        if (layers.isEmpty()) {
            throw new IllegalStateException("liminal.safety.checks names no check; use rules at least");
        }
        return layers;
    }

    static OnUnavailable policy(String value) {
        return OnUnavailable.of(value)
                .orElseThrow(() -> new IllegalStateException("liminal.safety.on-unavailable must be offline or"
                        + " allow-rules-only, not '" + value.strip() + "'"));
    }

    /** Judges what a model wrote in {@code language} with every configured layer that covers it. */
    public SafetyVerdict check(String language, List<TextPart> parts) {
        long started = System.nanoTime();
        String lang = Languages.primary(language);
        SafetyVerdict verdict = judge(lang, parts);
        metrics.timed("all", since(started));
        metrics.verdict(lang, verdict);
        return verdict;
    }

    /**
     * Judges authored text (the offline storyteller's) with the local rules alone: it is what replaces a model's
     * text, so it never fails closed, and no classifier is paid to read it.
     */
    public SafetyVerdict checkAuthored(String language, List<TextPart> parts) {
        String lang = Languages.primary(language);
        if (!layers.contains(Layer.RULES)) {
            return SafetyVerdict.allow(List.of(), List.of());
        }
        List<Finding> found = runRules(lang, parts);
        return found.isEmpty()
                ? SafetyVerdict.allow(List.of(Layer.RULES), List.of())
                : SafetyVerdict.block(found, List.of(Layer.RULES), List.of());
    }

    /**
     * Why no model's text in {@code language} could pass, before any is written: with classifiers configured, none of
     * them covers it; with rules alone, there are no word rules for it. Counted as a fail-closed step.
     */
    public Optional<String> uncovered(String language) {
        String lang = Languages.primary(language);
        Optional<String> reason = uncoveredReason(lang);
        reason.ifPresent(r -> metrics.failedClosed(lang, "uncovered"));
        return reason;
    }

    private Optional<String> uncoveredReason(String lang) {
        if (!classifiers.isEmpty() && classifiers.stream().noneMatch(c -> c.covers(lang))) {
            return Optional.of("no configured classifier covers " + lang);
        }
        if (classifiers.isEmpty() && !rules.covers(lang)) {
            return Optional.of("no word rules for " + lang);
        }
        return Optional.empty();
    }

    private SafetyVerdict judge(String lang, List<TextPart> parts) {
        List<Classifier> covering =
                classifiers.stream().filter(c -> c.covers(lang)).toList();
        if (!classifiers.isEmpty() && covering.isEmpty()) {
            metrics.failedClosed(lang, "uncovered");
            return SafetyVerdict.failClosed("no configured classifier covers " + lang, List.of(), List.of());
        }
        if (classifiers.isEmpty() && !rules.covers(lang)) {
            metrics.failedClosed(lang, "uncovered");
            return SafetyVerdict.failClosed("no word rules for " + lang, List.of(), List.of());
        }
        List<Layer> checkedBy = new ArrayList<>();
        if (layers.contains(Layer.RULES)) {
            checkedBy.add(Layer.RULES);
            List<Finding> found = runRules(lang, parts);
            if (!found.isEmpty()) {
                return SafetyVerdict.block(found, checkedBy, List.of());
            }
        }
        List<Finding> found = new ArrayList<>();
        List<String> unavailable = new ArrayList<>();
        for (Outcome outcome : ask(covering, lang, parts)) {
            if (outcome.unavailable() != null) {
                unavailable.add(outcome.layer().code() + " (" + outcome.unavailable() + ")");
            } else {
                checkedBy.add(outcome.layer());
                found.addAll(outcome.findings());
            }
        }
        if (!found.isEmpty()) {
            return SafetyVerdict.block(found, checkedBy, unavailable);
        }
        if (!unavailable.isEmpty() && onUnavailable == OnUnavailable.OFFLINE) {
            metrics.failedClosed(lang, "unavailable");
            return SafetyVerdict.failClosed("unavailable: " + String.join(", ", unavailable), checkedBy, unavailable);
        }
        return SafetyVerdict.allow(checkedBy, unavailable);
    }

    private List<Finding> runRules(String lang, List<TextPart> parts) {
        long started = System.nanoTime();
        List<Finding> found = rules.findings(lang, parts);
        metrics.timed(Layer.RULES.code(), since(started));
        record(Layer.RULES, lang, found);
        return found;
    }

    /** What one classifier said: its findings, or why it could not say. */
    private record Outcome(Layer layer, List<Finding> findings, String unavailable) {}

    /** Asks each classifier; two or more at once, so the step waits for the slowest, not the sum. */
    private List<Outcome> ask(List<Classifier> covering, String lang, List<TextPart> parts) {
        if (covering.size() == 1) {
            return List.of(ask(covering.getFirst(), lang, parts));
        }
        List<Future<Outcome>> running = new ArrayList<>();
        for (Classifier classifier : covering) {
            Callable<Outcome> task = () -> ask(classifier, lang, parts);
            running.add(parallel.submit(task));
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < running.size(); i++) {
            Layer layer = covering.get(i).layer();
            try {
                outcomes.add(running.get(i).get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running.forEach(future -> future.cancel(true));
                outcomes.add(new Outcome(layer, List.of(), "interrupted"));
            } catch (ExecutionException e) {
                outcomes.add(new Outcome(layer, List.of(), "failed"));
            }
        }
        return outcomes;
    }

    private Outcome ask(Classifier classifier, String lang, List<TextPart> parts) {
        long started = System.nanoTime();
        Layer layer = classifier.layer();
        try {
            List<Finding> found = classifier.classify(lang, parts);
            record(layer, lang, found);
            return new Outcome(layer, found, null);
        } catch (ClassifierUnavailableException e) {
            return unavailable(layer, lang, e.getMessage());
        } catch (RuntimeException e) {
            // an open breaker, an interrupted call, a client that could not be built: all mean "cannot say"
            String why = e.getClass().getSimpleName().replace("Exception", "");
            return unavailable(layer, lang, why.isEmpty() ? "failed" : why);
        } finally {
            metrics.timed(layer.code(), since(started));
        }
    }

    private Outcome unavailable(Layer layer, String lang, String why) {
        metrics.checked(layer, lang, "unavailable");
        LOG.warning(() -> "The " + layer.code() + " check is unavailable (" + why + ")");
        return new Outcome(layer, List.of(), why);
    }

    private void record(Layer layer, String lang, List<Finding> found) {
        metrics.checked(layer, lang, found.isEmpty() ? "pass" : "block");
        found.stream().map(Finding::category).distinct().forEach(category -> metrics.blocked(layer, category, lang));
    }

    /** The configured layers, in order. */
    public List<Layer> layers() {
        return layers;
    }

    /** What a step does when a classifier is unavailable. */
    public OnUnavailable onUnavailable() {
        return onUnavailable;
    }

    /**
     * For each offered language ({@code liminal.languages}), which layer is configured and covers it, and what
     * happens to a model's text in it: the writers' coverage table.
     */
    public List<CoverageRow> coverage() {
        List<CoverageRow> rows = new ArrayList<>();
        for (String language : offered) {
            List<CoverageRow.Cell> cells = new ArrayList<>();
            for (Layer layer : Layer.values()) {
                boolean configured = layers.contains(layer);
                boolean covers = layer == Layer.RULES
                        ? rules.covers(language)
                        : available.stream().filter(c -> c.layer() == layer).anyMatch(c -> c.covers(language));
                cells.add(new CoverageRow.Cell(layer, configured, covers));
            }
            rows.add(new CoverageRow(language, cells, outcome(language)));
        }
        return rows;
    }

    private String outcome(String language) {
        List<Classifier> covering =
                classifiers.stream().filter(c -> c.covers(language)).toList();
        if (!classifiers.isEmpty() && covering.isEmpty()) {
            return "fail closed: no configured classifier covers it; the offline storyteller's passage replaces"
                    + " every model's text";
        }
        if (classifiers.isEmpty() && !rules.covers(language)) {
            return "fail closed: no word rules for it; the offline storyteller's passage replaces every model's"
                    + " text";
        }
        List<String> by = new ArrayList<>();
        if (layers.contains(Layer.RULES)) {
            by.add("rules");
        }
        covering.forEach(c -> by.add(c.layer().code()));
        String shown = "shown when " + String.join(" and ", by) + " pass it";
        if (covering.isEmpty()) {
            return shown;
        }
        return shown
                + (onUnavailable == OnUnavailable.OFFLINE
                        ? "; classifier unavailable: offline's passage"
                        : "; classifier unavailable: shown if the rules pass it");
    }

    @PreDestroy
    void close() {
        parallel.shutdownNow();
    }

    private static Duration since(long nanoStart) {
        return Duration.ofNanos(System.nanoTime() - nanoStart);
    }
}
