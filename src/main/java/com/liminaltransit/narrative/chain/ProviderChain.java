package com.liminaltransit.narrative.chain;

import com.liminaltransit.narrative.AiProvider;
import com.liminaltransit.narrative.CallLedger;
import com.liminaltransit.narrative.Generation;
import com.liminaltransit.narrative.InvalidNarrativeException;
import com.liminaltransit.narrative.StoryContext;
import com.liminaltransit.narrative.ValidationResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * Writes a stop by asking the providers of {@code liminal.ai.chain} in turn until one gives a valid narrative.
 * {@code offline} is always the last link, so a ride never dead-ends; and the whole step runs under one deadline
 * (MicroProfile Fault Tolerance {@code @Timeout}, override with
 * {@code com.liminaltransit.narrative.chain.ProviderChain/write/Timeout/value}) after which {@code offline} answers.
 * Each provider guards its own calls ({@code @Timeout}, {@code @Retry}, {@code @CircuitBreaker}, {@code @Bulkhead});
 * the chain counts the vendor calls a step took and remembers what each provider's breaker last said, for
 * {@code /health/ready}.
 */
@ApplicationScoped
public class ProviderChain {

    /** The storyteller that needs no network and closes every chain. */
    public static final String OFFLINE = "offline";

    private static final Logger LOG = Logger.getLogger(ProviderChain.class.getName());

    private final List<AiProvider> providers;
    private final Map<String, AiProvider> known;
    private final AiProvider offline;
    private final NarrativeMetrics metrics;
    private final CallLedger ledger;
    private final AiBudget budget;
    private final Map<String, String> states = new ConcurrentHashMap<>();

    /**
     * Orders the known providers by the configured chain.
     *
     * @throws IllegalStateException when the chain names a provider that does not exist or is not configured, so
     *                               a typo or a missing key stops the server at start-up instead of silently
     *                               falling back on every step
     */
    @Inject
    public ProviderChain(
            @Any Instance<AiProvider> available,
            @ConfigProperty(name = "liminal.ai.chain", defaultValue = OFFLINE) List<String> chain,
            NarrativeMetrics metrics,
            CallLedger ledger,
            AiBudget budget) {
        Map<String, AiProvider> byName = new LinkedHashMap<>();
        available.forEach(provider -> byName.put(provider.name(), provider));
        this.providers = order(chain, byName);
        this.known = Map.copyOf(byName);
        this.offline = providers.getLast();
        this.metrics = metrics;
        this.ledger = ledger;
        this.budget = budget;
        providers.forEach(provider -> states.put(provider.name(), "closed"));
        LOG.info(() ->
                "Narrative chain: " + providers.stream().map(AiProvider::name).toList());
    }

    /** Builds the chain when the application starts, so a bad {@code liminal.ai.chain} fails start-up. */
    void checkAtStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        LOG.fine(() -> "Narrative chain checked: " + names());
    }

    static List<AiProvider> order(List<String> chain, Map<String, AiProvider> byName) {
        List<AiProvider> ordered = new ArrayList<>();
        for (String name : chain) {
            String trimmed = name.strip();
            if (trimmed.isEmpty() || OFFLINE.equals(trimmed)) {
                continue;
            }
            AiProvider provider = byName.get(trimmed);
            if (provider == null) {
                throw new IllegalStateException("liminal.ai.chain names '" + trimmed
                        + "', which is not a provider; known providers: " + byName.keySet());
            }
            List<String> missing = provider.missingSettings();
            if (!missing.isEmpty()) {
                throw new IllegalStateException("liminal.ai.chain names '" + trimmed
                        + "', but it is not configured: set " + String.join(", ", missing)
                        + " (or remove it from the chain)");
            }
            if (!ordered.contains(provider)) {
                ordered.add(provider);
            }
        }
        AiProvider offline = byName.get(OFFLINE);
        if (offline == null) {
            throw new IllegalStateException("the offline provider is missing from the application");
        }
        ordered.add(offline);
        return List.copyOf(ordered);
    }

    /** The providers in the order they are tried, {@code offline} last. */
    public List<String> names() {
        return providers.stream().map(AiProvider::name).toList();
    }

    /**
     * Every provider the application has, by name, with the settings each still needs (empty: it can be called).
     * The writers' room shows unconfigured ones disabled.
     */
    public Map<String, List<String>> available() {
        Map<String, List<String>> all = new java.util.TreeMap<>();
        known.forEach((name, provider) -> all.put(name, provider.missingSettings()));
        return all;
    }

    /** One provider by name, for a preview that asks it alone; empty when unknown. */
    public java.util.Optional<AiProvider> provider(String name) {
        return java.util.Optional.ofNullable(known.get(name));
    }

    /**
     * Why {@code chain} cannot be used as a chain (an unknown or unconfigured provider), or {@code null} when it
     * can; {@code offline} is added last whether named or not.
     */
    public String problemWith(List<String> chain) {
        try {
            order(chain, known);
            return null;
        } catch (IllegalStateException e) {
            return e.getMessage();
        }
    }

    /** The providers tried for {@code context}: its own chain when it names one, else the configured one. */
    private List<AiProvider> providersFor(StoryContext context) {
        if (context.chain().isEmpty()) {
            return providers;
        }
        try {
            return order(context.chain(), known);
        } catch (IllegalStateException e) {
            LOG.warning(() -> "A variant's chain cannot be used (" + e.getMessage() + "); using the configured one");
            return providers;
        }
    }

    /**
     * The circuit-breaker state each provider of the chain showed on its last call: {@code closed} (calls go
     * through), {@code open} (the breaker refused the call), {@code bulkhead-full}; {@code offline} is always
     * {@code closed}.
     */
    public Map<String, String> states() {
        Map<String, String> ordered = new LinkedHashMap<>();
        providers.forEach(provider -> ordered.put(provider.name(), states.getOrDefault(provider.name(), "closed")));
        return ordered;
    }

    /** Writes the stop that {@code context} asks for; always answers unless {@code offline} itself breaks. */
    @Timeout(value = 20, unit = ChronoUnit.SECONDS)
    @Fallback(fallbackMethod = "writeOffline")
    public StepResult write(StoryContext context) {
        ledger.open(context);
        try {
            return writeWithEach(context);
        } finally {
            ledger.close(context);
        }
    }

    private StepResult writeWithEach(StoryContext context) {
        long started = System.nanoTime();
        List<String> passedOver = new ArrayList<>();
        int attempts = 0;
        for (AiProvider provider : providersFor(context)) {
            boolean last = provider == offline;
            if (!last && budget.exhausted()) {
                metrics.recordFallback(provider.name(), "DailyBudget");
                passedOver.add(provider.name() + ": daily AI budget reached");
                continue;
            }
            long callStarted = System.nanoTime();
            try {
                Generation generation = provider.generate(context);
                ValidationResult verdict = provider.validate(generation.narrative());
                if (!verdict.valid()) {
                    throw new InvalidNarrativeException(verdict.complaint());
                }
                attempts += callsFor(context);
                states.put(provider.name(), "closed");
                metrics.recordCall(provider.name(), "success", since(callStarted));
                StepResult step = result(provider, generation, started, attempts, passedOver);
                metrics.recordStep(step);
                return step;
            } catch (RuntimeException e) {
                attempts += callsFor(context);
                states.put(provider.name(), state(e));
                metrics.recordCall(provider.name(), outcome(e), since(callStarted));
                if (last) {
                    throw e;
                }
                metrics.recordFallback(provider.name(), e.getClass().getSimpleName());
                LOG.log(
                        Level.WARNING,
                        () -> "Provider " + provider.name() + " failed (" + describe(e) + "); trying the next one");
                passedOver.add(provider.name() + ": " + describe(e));
            }
        }
        throw new IllegalStateException("the chain has no providers");
    }

    /** The step deadline passed: the offline storyteller answers at once. */
    StepResult writeOffline(StoryContext context) {
        long started = System.nanoTime();
        ledger.close(context);
        providersFor(context).stream()
                .filter(provider -> provider != offline)
                .forEach(provider -> metrics.recordFallback(provider.name(), "StepDeadline"));
        Generation generation = offline.generate(context);
        ValidationResult verdict = offline.validate(generation.narrative());
        if (!verdict.valid()) {
            throw new InvalidNarrativeException(verdict.complaint());
        }
        metrics.recordCall(offline.name(), "success", since(started));
        StepResult step = new StepResult(generation, 0, since(started).toMillis(), 1, "step deadline passed");
        metrics.recordStep(step);
        return step;
    }

    /** Vendor calls made for this step by the provider just asked; a provider that counts none made one call. */
    private int callsFor(StoryContext context) {
        return Math.max(1, ledger.take(context));
    }

    private StepResult result(
            AiProvider provider, Generation generation, long started, int attempts, List<String> passedOver) {
        double cost = provider.estimateCost(generation.inputTokens(), generation.outputTokens());
        metrics.recordTokens(provider.name(), generation.inputTokens(), generation.outputTokens());
        metrics.recordCost(provider.name(), cost);
        String reason = passedOver.isEmpty() ? null : truncate(String.join("; ", passedOver), 300);
        return new StepResult(generation, cost, since(started).toMillis(), attempts, reason);
    }

    private static String state(RuntimeException e) {
        if (e instanceof CircuitBreakerOpenException) {
            return "open";
        }
        return e instanceof BulkheadException ? "bulkhead-full" : "closed";
    }

    private static String outcome(RuntimeException e) {
        if (e instanceof InvalidNarrativeException) {
            return "invalid";
        }
        return e instanceof CircuitBreakerOpenException ? "breaker-open" : "error";
    }

    private static String describe(RuntimeException e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")");
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static Duration since(long nanoStart) {
        return Duration.ofNanos(System.nanoTime() - nanoStart);
    }
}
