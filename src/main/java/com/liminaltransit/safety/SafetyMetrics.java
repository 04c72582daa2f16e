package com.liminaltransit.safety;

import static com.liminaltransit.narrative.Jsonp.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * What the safety check did, for operators: {@code safety_checks_total{layer,language,result}} (result
 * {@code pass}, {@code block}, {@code unavailable}), {@code safety_blocks_total{layer,category,language}},
 * {@code safety_fail_closed_total{language,reason}} (reason {@code uncovered} or {@code unavailable}) and the time
 * each layer takes, {@code safety_latency_seconds{layer}} ({@code all} for the whole check). In AWS
 * ({@code liminal.metrics.emf.namespace} set) each check is also a CloudWatch EMF line ({@code SafetyChecks},
 * {@code SafetyBlocks}, {@code SafetyFailClosed}, {@code SafetyUnavailable}, with and without a {@code Language}
 * dimension), which the dashboard and alarms in {@code terraform/modules/monitoring} read.
 */
@ApplicationScoped
public class SafetyMetrics {

    private final MetricRegistry registry;
    private final Optional<Emf> cloudWatch;

    @Inject
    SafetyMetrics(
            MetricRegistry registry,
            @ConfigProperty(name = "liminal.metrics.emf.namespace") Optional<String> emfNamespace) {
        this.registry = registry;
        this.cloudWatch = emfNamespace.filter(ns -> !ns.isBlank()).map(ns -> new Emf(ns, System.out));
    }

    /** One layer judged one answer. */
    void checked(Layer layer, String language, String result) {
        registry.counter(
                        "safety.checks",
                        new Tag("layer", layer.code()),
                        new Tag("language", language),
                        new Tag("result", result))
                .inc();
    }

    /** One layer blocked one answer for {@code category}. */
    void blocked(Layer layer, String category, String language) {
        registry.counter(
                        "safety.blocks",
                        new Tag("layer", layer.code()),
                        new Tag("category", category),
                        new Tag("language", language))
                .inc();
    }

    /** An answer was refused unjudged: no classifier covers its language, or one it needs is unavailable. */
    void failedClosed(String language, String reason) {
        registry.counter("safety.fail.closed", new Tag("language", language), new Tag("reason", reason))
                .inc();
    }

    /** How long {@code layer} ({@code all}: the whole check) took. */
    void timed(String layer, Duration took) {
        registry.timer("safety.latency", new Tag("layer", layer)).update(took);
    }

    /** The check's verdict, as one EMF line in AWS. */
    void verdict(String language, SafetyVerdict verdict) {
        cloudWatch.ifPresent(emf -> emf.emit(language, verdict, System.currentTimeMillis()));
    }

    /** The check's figures as CloudWatch Embedded Metric Format. */
    static final class Emf {
        private final String namespace;
        private final PrintStream out;

        Emf(String namespace, PrintStream out) {
            this.namespace = namespace;
            this.out = out;
        }

        void emit(String language, SafetyVerdict verdict, long timestamp) {
            out.println(line(language, verdict, timestamp));
        }

        JsonObject line(String language, SafetyVerdict verdict, long timestamp) {
            var metrics = JSON.createArrayBuilder();
            for (String name : new String[] {"SafetyChecks", "SafetyBlocks", "SafetyFailClosed", "SafetyUnavailable"}) {
                metrics.add(JSON.createObjectBuilder().add("Name", name).add("Unit", "Count"));
            }
            var directive = JSON.createObjectBuilder()
                    .add("Namespace", namespace)
                    .add(
                            "Dimensions",
                            JSON.createArrayBuilder()
                                    .add(JSON.createArrayBuilder())
                                    .add(JSON.createArrayBuilder().add("Language")))
                    .add("Metrics", metrics);
            return JSON.createObjectBuilder()
                    .add(
                            "_aws",
                            JSON.createObjectBuilder()
                                    .add("Timestamp", timestamp)
                                    .add(
                                            "CloudWatchMetrics",
                                            JSON.createArrayBuilder().add(directive)))
                    .add("Language", language)
                    .add("SafetyChecks", 1)
                    .add("SafetyBlocks", verdict.decision() == SafetyVerdict.Decision.BLOCK ? 1 : 0)
                    .add("SafetyFailClosed", verdict.decision() == SafetyVerdict.Decision.FAIL_CLOSED ? 1 : 0)
                    .add("SafetyUnavailable", verdict.unavailable().size())
                    .build();
        }
    }
}
