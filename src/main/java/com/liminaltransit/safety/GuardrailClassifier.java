package com.liminaltransit.safety;

import com.liminaltransit.narrative.vendor.AwsSupport;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ApplyGuardrailRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ApplyGuardrailResponse;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailAction;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailAssessment;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailContentFilter;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailContentSource;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailTextBlock;

/**
 * Amazon Bedrock Guardrails {@code ApplyGuardrail} (in {@code bedrockruntime}): the configured guardrail and version
 * judge any provider's text without calling a model. It covers the languages declared in
 * {@code liminal.safety.guardrail.languages}, which must match the guardrail's tier (Classic: English, French,
 * Spanish; Standard: about 60 languages). The guardrail intervening blocks; what its policies flagged becomes the
 * categories: content filters ({@code hate}, {@code insults}, {@code sexual}, {@code violence}, {@code misconduct}),
 * denied topics ({@code topic:<name>}), words ({@code denied-word}, {@code profanity}), sensitive information
 * ({@code pii:<type>}, {@code regex:<name>}). A guardrail that anonymises instead of blocking still blocks here: the
 * player never reads a half-masked passage.
 */
@ApplicationScoped
public class GuardrailClassifier implements Classifier {

    private static final String ID = "liminal.safety.guardrail.id";
    private static final String VERSION = "liminal.safety.guardrail.version";
    private static final String REGION = "liminal.safety.guardrail.region";

    private final Optional<String> id;
    private final Optional<String> version;
    private final Set<String> languages;
    private final Optional<String> region;
    private final Optional<String> endpoint;
    private final Duration timeout;
    private volatile BedrockRuntimeClient client;

    /** Reads {@code liminal.safety.guardrail.*}; the SDK client is built on first use. */
    @Inject
    GuardrailClassifier(
            @ConfigProperty(name = ID) Optional<String> id,
            @ConfigProperty(name = VERSION) Optional<String> version,
            @ConfigProperty(name = "liminal.safety.guardrail.languages", defaultValue = "en,es,fr")
                    List<String> languages,
            @ConfigProperty(name = REGION) Optional<String> region,
            @ConfigProperty(name = "liminal.safety.guardrail.endpoint") Optional<String> endpoint,
            @ConfigProperty(name = "liminal.safety.guardrail.timeout", defaultValue = "2s") Duration timeout) {
        this.id = id.filter(value -> !value.isBlank()).map(String::strip);
        this.version = version.filter(value -> !value.isBlank()).map(String::strip);
        Set<String> primary = new LinkedHashSet<>();
        languages.stream().filter(tag -> !tag.isBlank()).map(Languages::primary).forEach(primary::add);
        this.languages = Set.copyOf(primary);
        this.region = region;
        this.endpoint = endpoint;
        this.timeout = timeout;
    }

    @Override
    public Layer layer() {
        return Layer.GUARDRAIL;
    }

    @Override
    public Set<String> languages() {
        return languages;
    }

    @Override
    public List<String> missingSettings() {
        List<String> missing = new ArrayList<>();
        if (id.isEmpty()) {
            missing.add(ID);
        }
        if (version.isEmpty()) {
            missing.add(VERSION + " (a number, or DRAFT)");
        }
        if (AwsSupport.region(region).isEmpty()) {
            missing.add(REGION + " (or AWS_REGION)");
        }
        return missing;
    }

    /**
     * Guarded by a breaker; override with
     * {@code com.liminaltransit.safety.GuardrailClassifier/classify/CircuitBreaker/<key>}.
     */
    @Override
    @CircuitBreaker(
            requestVolumeThreshold = 8,
            failureRatio = 0.75,
            delay = 30,
            delayUnit = ChronoUnit.SECONDS,
            failOn = ClassifierUnavailableException.class)
    public List<Finding> classify(String language, List<TextPart> parts) {
        ApplyGuardrailRequest request = ApplyGuardrailRequest.builder()
                .guardrailIdentifier(id.orElseThrow())
                .guardrailVersion(version.orElseThrow())
                .source(GuardrailContentSource.OUTPUT)
                .content(parts.stream()
                        .filter(part -> !part.text().isBlank())
                        .map(part -> GuardrailContentBlock.fromText(
                                GuardrailTextBlock.builder().text(part.text()).build()))
                        .toList())
                .build();
        return read(ClassifierFailures.call(Layer.GUARDRAIL, () -> client().applyGuardrail(request)));
    }

    /** What the guardrail flagged, when it intervened; an answer without a known action is malformed. */
    static List<Finding> read(ApplyGuardrailResponse response) {
        GuardrailAction action = response.action();
        if (action == null || action == GuardrailAction.UNKNOWN_TO_SDK_VERSION) {
            throw new ClassifierUnavailableException(Layer.GUARDRAIL, "malformed answer");
        }
        if (action == GuardrailAction.NONE) {
            return List.of();
        }
        List<Finding> found = new ArrayList<>();
        if (response.hasAssessments()) {
            response.assessments().forEach(assessment -> flagged(assessment, found));
        }
        if (found.isEmpty()) {
            found.add(finding("intervened", 1.0));
        }
        return found;
    }

    private static void flagged(GuardrailAssessment assessment, List<Finding> found) {
        if (assessment.contentPolicy() != null && assessment.contentPolicy().hasFilters()) {
            for (GuardrailContentFilter filter : assessment.contentPolicy().filters()) {
                if (acted(filter.actionAsString(), filter.detected())) {
                    found.add(finding(kebab(filter.typeAsString()), confidence(filter.confidenceAsString())));
                }
            }
        }
        if (assessment.topicPolicy() != null && assessment.topicPolicy().hasTopics()) {
            assessment.topicPolicy().topics().stream()
                    .filter(topic -> acted(topic.actionAsString(), topic.detected()))
                    .forEach(topic -> found.add(finding("topic:" + kebab(topic.name()), 1.0)));
        }
        var words = assessment.wordPolicy();
        if (words != null) {
            if (words.hasCustomWords()
                    && words.customWords().stream().anyMatch(w -> acted(w.actionAsString(), w.detected()))) {
                found.add(finding("denied-word", 1.0));
            }
            if (words.hasManagedWordLists()) {
                words.managedWordLists().stream()
                        .filter(w -> acted(w.actionAsString(), w.detected()))
                        .map(w -> kebab(w.typeAsString()))
                        .distinct()
                        .forEach(type -> found.add(finding(type, 1.0)));
            }
        }
        var sensitive = assessment.sensitiveInformationPolicy();
        if (sensitive != null) {
            if (sensitive.hasPiiEntities()) {
                sensitive.piiEntities().stream()
                        .filter(e -> acted(e.actionAsString(), e.detected()))
                        .map(e -> "pii:" + kebab(e.typeAsString()))
                        .distinct()
                        .forEach(type -> found.add(finding(type, 1.0)));
            }
            if (sensitive.hasRegexes()) {
                sensitive.regexes().stream()
                        .filter(r -> acted(r.actionAsString(), r.detected()))
                        .map(r -> "regex:" + kebab(r.name()))
                        .distinct()
                        .forEach(name -> found.add(finding(name, 1.0)));
            }
        }
    }

    /** A policy entry counts when the guardrail acted on it (blocked or anonymised), or says it detected it. */
    private static boolean acted(String action, Boolean detected) {
        return (action != null && !"NONE".equals(action)) || Boolean.TRUE.equals(detected);
    }

    private static Finding finding(String category, double score) {
        return new Finding(Layer.GUARDRAIL, category, score, "text");
    }

    private static double confidence(String level) {
        return switch (level == null ? "" : level) {
            case "HIGH" -> 1.0;
            case "MEDIUM" -> 0.66;
            case "LOW" -> 0.33;
            default -> 0.0;
        };
    }

    private static String kebab(String name) {
        return name == null ? "unknown" : name.strip().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-");
    }

    private BedrockRuntimeClient client() {
        BedrockRuntimeClient built = client;
        if (built == null) {
            synchronized (this) {
                if (client == null) {
                    client = AwsSupport.build("guardrail", BedrockRuntimeClient.builder(), region, timeout, endpoint);
                }
                built = client;
            }
        }
        return built;
    }

    @PreDestroy
    void close() {
        BedrockRuntimeClient built = client;
        if (built != null) {
            built.close();
        }
    }
}
