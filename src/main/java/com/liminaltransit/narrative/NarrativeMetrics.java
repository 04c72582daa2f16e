package com.liminaltransit.narrative;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.Optional;

/** Counts provider calls by outcome and times them, so an operator sees which storyteller writes the rides. */
@ApplicationScoped
public class NarrativeMetrics {

    private final MetricRegistry registry;
    private final Optional<EmbeddedMetrics> cloudWatch;

    /**
     * Registers in the application registry (Prometheus scope {@code application}) and, when
     * {@code liminal.metrics.emf.namespace} is set (in AWS), also writes CloudWatch EMF lines to stdout.
     */
    @Inject
    public NarrativeMetrics(MetricRegistry registry,
                            @ConfigProperty(name = "liminal.metrics.emf.namespace") Optional<String> emfNamespace) {
        this.registry = registry;
        this.cloudWatch = emfNamespace.filter(ns -> !ns.isBlank()).map(ns -> new EmbeddedMetrics(ns, System.out));
    }

    /** For CDI proxies only. */
    protected NarrativeMetrics() {
        this.registry = null;
        this.cloudWatch = Optional.empty();
    }

    /** One provider call ended with {@code outcome} ({@code success}, {@code invalid}, {@code error}, …). */
    public void recordCall(String provider, String outcome, Duration latency) {
        registry.counter("narrative.steps", new Tag("provider", provider), new Tag("outcome", outcome)).inc();
        registry.timer("narrative.latency", new Tag("provider", provider)).update(latency);
        if (!ProviderChain.OFFLINE.equals(provider)) {
            cloudWatch.ifPresent(emf -> emf.providerCall(provider, !"success".equals(outcome)));
        }
    }

    /** One stop written by the chain: who wrote it and how long the whole step took. */
    public void recordStep(StepResult step) {
        cloudWatch.ifPresent(emf -> emf.step(step.generation().provider(), step.latencyMillis()));
    }
}
