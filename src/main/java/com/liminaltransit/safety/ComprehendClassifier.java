package com.liminaltransit.safety;

import com.liminaltransit.narrative.vendor.AwsSupport;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import software.amazon.awssdk.services.comprehend.ComprehendClient;
import software.amazon.awssdk.services.comprehend.model.DetectToxicContentRequest;
import software.amazon.awssdk.services.comprehend.model.DetectToxicContentResponse;
import software.amazon.awssdk.services.comprehend.model.LanguageCode;
import software.amazon.awssdk.services.comprehend.model.TextSegment;
import software.amazon.awssdk.services.comprehend.model.ToxicContent;
import software.amazon.awssdk.services.comprehend.model.ToxicLabels;

/**
 * Amazon Comprehend {@code DetectToxicContent}, through the AWS SDK (SigV4, the default credentials chain, no SDK
 * retries: a step does not wait for a second try). English only, as the service is; at most ten segments of 1 KB a
 * call ({@link ComprehendSegments}). A label at or over its {@link ComprehendThresholds threshold} blocks. A
 * breaker opens when most calls fail, so a Comprehend outage costs each step nothing but the policy of
 * {@code liminal.safety.on-unavailable}.
 */
@ApplicationScoped
public class ComprehendClassifier implements Classifier {

    private static final String REGION = "liminal.safety.comprehend.region";

    private final Optional<String> region;
    private final Optional<String> endpoint;
    private final Duration timeout;
    private final ComprehendThresholds thresholds;
    private volatile ComprehendClient client;

    /** Reads {@code liminal.safety.comprehend.*}; the SDK client is built on first use. */
    @Inject
    ComprehendClassifier(
            @ConfigProperty(name = REGION) Optional<String> region,
            @ConfigProperty(name = "liminal.safety.comprehend.endpoint") Optional<String> endpoint,
            @ConfigProperty(name = "liminal.safety.comprehend.timeout", defaultValue = "2s") Duration timeout,
            Config config) {
        this(region, endpoint, timeout, ComprehendThresholds.from(config));
    }

    ComprehendClassifier(
            Optional<String> region, Optional<String> endpoint, Duration timeout, ComprehendThresholds thresholds) {
        this.region = region;
        this.endpoint = endpoint;
        this.timeout = timeout;
        this.thresholds = thresholds;
    }

    @Override
    public Layer layer() {
        return Layer.COMPREHEND;
    }

    @Override
    public Set<String> languages() {
        return Set.of("en");
    }

    @Override
    public List<String> missingSettings() {
        return AwsSupport.region(region).isPresent() ? List.of() : List.of(REGION + " (or AWS_REGION)");
    }

    /**
     * Guarded by a breaker; override with
     * {@code com.liminaltransit.safety.ComprehendClassifier/classify/CircuitBreaker/<key>}.
     */
    @Override
    @CircuitBreaker(
            requestVolumeThreshold = 8,
            failureRatio = 0.75,
            delay = 30,
            delayUnit = ChronoUnit.SECONDS,
            failOn = ClassifierUnavailableException.class)
    public List<Finding> classify(String language, List<TextPart> parts) {
        List<Finding> found = new ArrayList<>();
        for (List<TextPart> call : ComprehendSegments.calls(parts)) {
            DetectToxicContentRequest request = DetectToxicContentRequest.builder()
                    .languageCode(LanguageCode.EN)
                    .textSegments(call.stream()
                            .map(part -> TextSegment.builder().text(part.text()).build())
                            .toList())
                    .build();
            DetectToxicContentResponse response =
                    ClassifierFailures.call(Layer.COMPREHEND, () -> client().detectToxicContent(request));
            found.addAll(read(call, response));
        }
        return found;
    }

    /** The findings over the thresholds; an answer that does not match the segments asked is malformed. */
    List<Finding> read(List<TextPart> asked, DetectToxicContentResponse response) {
        if (!response.hasResultList() || response.resultList().size() != asked.size()) {
            throw new ClassifierUnavailableException(Layer.COMPREHEND, "malformed answer");
        }
        List<Finding> found = new ArrayList<>();
        for (int i = 0; i < asked.size(); i++) {
            ToxicLabels result = response.resultList().get(i);
            String field = asked.get(i).field();
            if (result == null || result.toxicity() == null) {
                throw new ClassifierUnavailableException(Layer.COMPREHEND, "malformed answer");
            }
            if (result.hasLabels()) {
                for (ToxicContent label : result.labels()) {
                    if (label.score() != null && label.score() >= thresholds.of(label.name())) {
                        found.add(new Finding(
                                Layer.COMPREHEND,
                                ComprehendThresholds.category(label.nameAsString()),
                                label.score(),
                                field));
                    }
                }
            }
            if (result.toxicity() >= thresholds.toxicity()) {
                found.add(new Finding(Layer.COMPREHEND, "toxicity", result.toxicity(), field));
            }
        }
        return found;
    }

    private ComprehendClient client() {
        ComprehendClient built = client;
        if (built == null) {
            synchronized (this) {
                if (client == null) {
                    client = AwsSupport.build("comprehend", ComprehendClient.builder(), region, timeout, endpoint);
                }
                built = client;
            }
        }
        return built;
    }

    @PreDestroy
    void close() {
        ComprehendClient built = client;
        if (built != null) {
            built.close();
        }
    }
}
