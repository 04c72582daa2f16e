package com.liminaltransit.narrative.chain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Counts provider calls by outcome, times them, and adds up tokens, cost and fallbacks, so an operator sees which
 * storyteller writes the rides and what it costs.
 */
@ApplicationScoped
public class NarrativeMetrics {

    private final MetricRegistry registry;
    private final EmbeddedMetrics cloudWatch;
    private final Map<String, DoubleAdder> costs = new ConcurrentHashMap<>();

    /**
     * Registers in the application registry (Prometheus scope {@code application}) and, when
     * {@code liminal.metrics.emf.namespace} is set (in AWS), also writes CloudWatch EMF lines to stdout.
     */
    @Inject
    NarrativeMetrics(MetricRegistry registry, EmbeddedMetrics cloudWatch) {
        this.registry = registry;
        this.cloudWatch = cloudWatch;
    }

    /** One provider call ended with {@code outcome}. */
    public void recordCall(String provider, CallResult outcome, Duration latency) {
        registry.counter("narrative.steps", new Tag("provider", provider), new Tag("outcome", outcome.tag()))
                .inc();
        registry.timer("narrative.latency", new Tag("provider", provider)).update(latency);
        if (!ProviderChain.OFFLINE.equals(provider)) {
            cloudWatch.providerCall(provider, outcome != CallResult.SUCCESS);
        }
    }

    /** One stop written by the chain: who wrote it and how long the whole step took. */
    public void recordStep(StepResult step) {
        cloudWatch.step(step.generation().provider(), step.latencyMillis());
    }

    /** Tokens read and written by the call that won a step ({@code narrative_tokens_total{direction}}). */
    public void recordTokens(String provider, int inputTokens, int outputTokens) {
        registry.counter("narrative.tokens", new Tag("provider", provider), new Tag("direction", "input"))
                .inc(Math.max(0, inputTokens));
        registry.counter("narrative.tokens", new Tag("provider", provider), new Tag("direction", "output"))
                .inc(Math.max(0, outputTokens));
    }

    /** What the step cost in US dollars ({@code narrative_cost_usd{provider}}, a running total). */
    public void recordCost(String provider, double usd) {
        costs.computeIfAbsent(provider, name -> {
                    DoubleAdder total = new DoubleAdder();
                    registry.gauge("narrative.cost.usd", total, DoubleAdder::sum, new Tag("provider", name));
                    return total;
                })
                .add(usd);
    }

    /** The chain passed over {@code provider} for a step ({@code narrative_fallbacks_total{provider,reason}}). */
    public void recordFallback(String provider, String reason) {
        registry.counter("narrative.fallbacks", new Tag("provider", provider), new Tag("reason", reason))
                .inc();
    }
}
