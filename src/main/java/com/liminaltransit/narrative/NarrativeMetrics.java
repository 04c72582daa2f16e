package com.liminaltransit.narrative;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

import java.time.Duration;

/** Counts provider calls by outcome and times them, so an operator sees which storyteller writes the rides. */
@ApplicationScoped
public class NarrativeMetrics {

    private final MetricRegistry registry;

    /** Registers in the application registry (Prometheus scope {@code application}). */
    @Inject
    public NarrativeMetrics(MetricRegistry registry) {
        this.registry = registry;
    }

    /** For CDI proxies only. */
    protected NarrativeMetrics() {
        this.registry = null;
    }

    /** One provider call ended with {@code outcome} ({@code success}, {@code invalid}, {@code error}, …). */
    public void recordCall(String provider, String outcome, Duration latency) {
        registry.counter("narrative.steps", new Tag("provider", provider), new Tag("outcome", outcome)).inc();
        registry.timer("narrative.latency", new Tag("provider", provider)).update(latency);
    }
}
