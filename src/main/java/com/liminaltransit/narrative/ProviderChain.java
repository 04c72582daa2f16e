package com.liminaltransit.narrative;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Timeout;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes a stop by asking the providers of {@code liminal.ai.chain} in turn until one gives a valid narrative.
 * {@code offline} is always the last link, so a ride never dead-ends; and the whole step runs under one deadline
 * (MicroProfile Fault Tolerance {@code @Timeout}, override with
 * {@code com.liminaltransit.narrative.ProviderChain/write/Timeout/value}) after which {@code offline} answers.
 */
@ApplicationScoped
public class ProviderChain {

    /** The storyteller that needs no network and closes every chain. */
    public static final String OFFLINE = "offline";

    private static final Logger LOG = Logger.getLogger(ProviderChain.class.getName());

    private final List<AiProvider> providers;
    private final AiProvider offline;
    private final NarrativeMetrics metrics;

    /**
     * Orders the known providers by the configured chain.
     *
     * @throws IllegalStateException when the chain names a provider that does not exist, so a typo stops the
     *                               server at start-up instead of silently falling back on every step
     */
    @Inject
    public ProviderChain(@Any Instance<AiProvider> available,
                         @ConfigProperty(name = "liminal.ai.chain", defaultValue = OFFLINE) List<String> chain,
                         NarrativeMetrics metrics) {
        Map<String, AiProvider> byName = new LinkedHashMap<>();
        available.forEach(provider -> byName.put(provider.name(), provider));
        this.providers = order(chain, byName);
        this.offline = providers.getLast();
        this.metrics = metrics;
        LOG.info(() -> "Narrative chain: " + providers.stream().map(AiProvider::name).toList());
    }

    /** For CDI proxies only. */
    protected ProviderChain() {
        this.providers = List.of();
        this.offline = null;
        this.metrics = null;
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

    /** Writes the stop that {@code context} asks for; always answers unless {@code offline} itself breaks. */
    @Timeout(value = 20, unit = ChronoUnit.SECONDS)
    @Fallback(fallbackMethod = "writeOffline")
    public StepResult write(StoryContext context) {
        long started = System.nanoTime();
        List<String> passedOver = new ArrayList<>();
        for (AiProvider provider : providers) {
            boolean last = provider == offline;
            long callStarted = System.nanoTime();
            try {
                Generation generation = provider.generate(context);
                ValidationResult verdict = provider.validate(generation.narrative());
                if (!verdict.valid()) {
                    throw new InvalidNarrativeException(verdict.complaint());
                }
                metrics.recordCall(provider.name(), "success", since(callStarted));
                StepResult step = result(provider, generation, started, passedOver);
                metrics.recordStep(step);
                return step;
            } catch (RuntimeException e) {
                metrics.recordCall(provider.name(), outcome(e), since(callStarted));
                if (last) {
                    throw e;
                }
                LOG.log(Level.WARNING, e, () -> "Provider " + provider.name() + " failed; trying the next one");
                passedOver.add(provider.name() + ": " + describe(e));
            }
        }
        throw new IllegalStateException("the chain has no providers");
    }

    /** The step deadline passed: the offline storyteller answers at once. */
    StepResult writeOffline(StoryContext context) {
        long started = System.nanoTime();
        Generation generation = offline.generate(context);
        metrics.recordCall(offline.name(), "success", since(started));
        StepResult step = new StepResult(generation, 0, since(started).toMillis(), 1, "step deadline passed");
        metrics.recordStep(step);
        return step;
    }

    private StepResult result(AiProvider provider, Generation generation, long started, List<String> passedOver) {
        double cost = provider.estimateCost(generation.inputTokens(), generation.outputTokens());
        String reason = passedOver.isEmpty() ? null : truncate(String.join("; ", passedOver), 300);
        return new StepResult(generation, cost, since(started).toMillis(), passedOver.size() + 1, reason);
    }

    private static String outcome(RuntimeException e) {
        return e instanceof InvalidNarrativeException ? "invalid" : "error";
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
