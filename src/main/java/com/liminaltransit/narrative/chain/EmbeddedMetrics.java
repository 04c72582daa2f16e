package com.liminaltransit.narrative.chain;

import static com.liminaltransit.narrative.Jsonp.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.PrintStream;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Narrative figures as CloudWatch Embedded Metric Format lines on stdout: on ECS and App Runner the log stream
 * becomes metrics ({@code AiCalls}, {@code AiFailures}, {@code StepLatency}, {@code AiCostUsd}) in the namespace
 * set by {@code liminal.metrics.emf.namespace} ({@code LIMINAL_METRICS_EMF_NAMESPACE}), with no agent and no AWS
 * call from the request path. Without a namespace (local development) nothing is written. The alarms and dashboard
 * in {@code terraform/modules/monitoring} read these names; each metric is published both without dimensions
 * (what the alarms read) and per provider.
 */
@ApplicationScoped
class EmbeddedMetrics {

    private final Optional<String> namespace;
    private final PrintStream out;

    /** Writes to stdout when {@code liminal.metrics.emf.namespace} is set (in AWS). */
    @Inject
    EmbeddedMetrics(@ConfigProperty(name = "liminal.metrics.emf.namespace") Optional<String> namespace) {
        this(namespace.filter(ns -> !ns.isBlank()), System.out);
    }

    /** Writes to {@code out} in {@code namespace}; none: writes nothing. */
    EmbeddedMetrics(Optional<String> namespace, PrintStream out) {
        this.namespace = namespace;
        this.out = out;
    }

    /** Writes nothing (tests that build the chain's parts by hand). */
    static EmbeddedMetrics off() {
        return new EmbeddedMetrics(Optional.empty(), System.out);
    }

    /** One call to an AI provider (the offline storyteller is not one) and whether it failed. */
    void providerCall(String provider, boolean failed) {
        emit(
                provider,
                Map.of("AiCalls", "Count", "AiFailures", "Count"),
                JSON.createObjectBuilder().add("AiCalls", 1).add("AiFailures", failed ? 1 : 0));
    }

    /** One stop written, whoever wrote it, and how long the whole chain took. */
    void step(String provider, long latencyMillis) {
        emit(
                provider,
                Map.of("StepLatency", "Milliseconds"),
                JSON.createObjectBuilder().add("StepLatency", latencyMillis));
    }

    /**
     * One paid vendor call, as the spend ledger writes it (retries, repairs, previews and bot runs included, as
     * the daily budget counts them), in US dollars. A call that cost nothing writes no line.
     */
    void cost(String provider, double usd) {
        if (usd > 0) {
            emit(
                    provider,
                    Map.of("AiCostUsd", "None"),
                    JSON.createObjectBuilder().add("AiCostUsd", usd));
        }
    }

    /** Builds the line; visible for tests. */
    JsonObject line(String provider, Map<String, String> units, JsonObjectBuilder values, long timestamp) {
        var metrics = JSON.createArrayBuilder();
        units.forEach((name, unit) ->
                metrics.add(JSON.createObjectBuilder().add("Name", name).add("Unit", unit)));
        var directive = JSON.createObjectBuilder()
                .add("Namespace", namespace.orElseThrow())
                .add(
                        "Dimensions",
                        JSON.createArrayBuilder()
                                .add(JSON.createArrayBuilder())
                                .add(JSON.createArrayBuilder().add("Provider")))
                .add("Metrics", metrics);
        return values.add(
                        "_aws",
                        JSON.createObjectBuilder()
                                .add("Timestamp", timestamp)
                                .add(
                                        "CloudWatchMetrics",
                                        JSON.createArrayBuilder().add(directive)))
                .add("Provider", provider)
                .build();
    }

    private void emit(String provider, Map<String, String> units, JsonObjectBuilder values) {
        if (namespace.isPresent()) {
            out.println(line(provider, units, values, System.currentTimeMillis()));
        }
    }
}
