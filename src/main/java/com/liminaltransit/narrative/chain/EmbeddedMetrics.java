package com.liminaltransit.narrative.chain;

import static com.liminaltransit.narrative.Jsonp.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.PrintStream;
import java.util.Map;

/**
 * Narrative figures as CloudWatch Embedded Metric Format lines on stdout: on App Runner and ECS the log stream
 * becomes metrics ({@code AiCalls}, {@code AiFailures}, {@code StepLatency}) in the namespace set by
 * {@code liminal.metrics.emf.namespace}, with no agent and no AWS call from the request path. The alarms and
 * dashboard in {@code terraform/modules/monitoring} read these names. Each metric is published both without
 * dimensions (what the alarms read) and per provider.
 */
final class EmbeddedMetrics {

    private final String namespace;
    private final PrintStream out;

    EmbeddedMetrics(String namespace, PrintStream out) {
        this.namespace = namespace;
        this.out = out;
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

    /** Builds the line; visible for tests. */
    JsonObject line(String provider, Map<String, String> units, JsonObjectBuilder values, long timestamp) {
        var metrics = JSON.createArrayBuilder();
        units.forEach((name, unit) ->
                metrics.add(JSON.createObjectBuilder().add("Name", name).add("Unit", unit)));
        var directive = JSON.createObjectBuilder()
                .add("Namespace", namespace)
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
        out.println(line(provider, units, values, System.currentTimeMillis()));
    }
}
