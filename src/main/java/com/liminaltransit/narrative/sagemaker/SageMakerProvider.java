package com.liminaltransit.narrative.sagemaker;

import com.liminaltransit.narrative.AiProvider;
import com.liminaltransit.narrative.Conversation;
import com.liminaltransit.narrative.Generation;
import com.liminaltransit.narrative.ModelCapabilities;
import com.liminaltransit.narrative.NarrativeException;
import com.liminaltransit.narrative.Reply;
import com.liminaltransit.narrative.RetryableNarrativeException;
import com.liminaltransit.narrative.StoryContext;
import com.liminaltransit.narrative.vendor.AwsSupport;
import com.liminaltransit.narrative.vendor.NarrativeExchange;
import com.liminaltransit.narrative.vendor.PriceTable;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeClient;
import software.amazon.awssdk.services.sagemakerruntime.model.InvokeEndpointRequest;

/**
 * A custom or self-hosted model behind a SageMaker endpoint, through {@code sagemakerruntime} InvokeEndpoint, in
 * the JSON of the common LLM containers ({@code liminal.ai.sagemaker.format}: {@code tgi} or {@code messages}).
 * Disabled (and refused in {@code liminal.ai.chain}) until {@code liminal.ai.sagemaker.endpoint-name} and a region
 * are set. Prices are looked up under the endpoint name (an endpoint is billed by the hour, so usually 0).
 */
@ApplicationScoped
public class SageMakerProvider implements AiProvider {

    /** The name used in {@code liminal.ai.chain}. */
    public static final String NAME = "sagemaker";

    private final NarrativeExchange exchange;
    private final PriceTable prices;
    private final Optional<String> endpointName;
    private final Optional<String> region;
    private final Optional<String> endpoint;
    private final Duration timeout;
    private final InvocationFormat format;
    private final int maxTokens;
    private final double temperature;
    private final int contextTokens;
    private volatile SageMakerRuntimeClient client;

    /** Reads {@code liminal.ai.sagemaker.*}; the SDK client is built on first use. */
    @Inject
    public SageMakerProvider(
            NarrativeExchange exchange,
            PriceTable prices,
            @ConfigProperty(name = "liminal.ai.sagemaker.endpoint-name") Optional<String> endpointName,
            @ConfigProperty(name = "liminal.ai.sagemaker.region") Optional<String> region,
            @ConfigProperty(name = "liminal.ai.sagemaker.endpoint") Optional<String> endpoint,
            @ConfigProperty(name = "liminal.ai.sagemaker.format", defaultValue = "tgi") String format,
            @ConfigProperty(name = "liminal.ai.sagemaker.timeout-ms", defaultValue = "8000") long timeoutMillis,
            @ConfigProperty(name = "liminal.ai.sagemaker.max-tokens", defaultValue = "900") int maxTokens,
            @ConfigProperty(name = "liminal.ai.sagemaker.temperature", defaultValue = "0.9") double temperature,
            @ConfigProperty(name = "liminal.ai.sagemaker.context-tokens", defaultValue = "8192") int contextTokens) {
        this.exchange = exchange;
        this.prices = prices;
        this.endpointName = endpointName.filter(name -> !name.isBlank());
        this.region = region;
        this.endpoint = endpoint;
        this.format = InvocationFormat.of(format);
        this.timeout = Duration.ofMillis(timeoutMillis);
        this.maxTokens = maxTokens;
        this.temperature = temperature;
        this.contextTokens = contextTokens;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> missingSettings() {
        List<String> missing = new ArrayList<>();
        if (endpointName.isEmpty()) {
            missing.add("liminal.ai.sagemaker.endpoint-name");
        }
        if (AwsSupport.region(region).isEmpty()) {
            missing.add("liminal.ai.sagemaker.region (or AWS_REGION)");
        }
        return missing;
    }

    /**
     * Guarded per call like every provider (see {@code OpenAiProvider#generate}); override with
     * {@code com.liminaltransit.narrative.sagemaker.SageMakerProvider/generate/<Annotation>/<key>}.
     */
    @Override
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @Retry(
            maxRetries = 2,
            delay = 200,
            jitter = 100,
            maxDuration = 18,
            durationUnit = ChronoUnit.SECONDS,
            retryOn = RetryableNarrativeException.class)
    @CircuitBreaker(
            requestVolumeThreshold = 8,
            failureRatio = 0.75,
            delay = 30,
            delayUnit = ChronoUnit.SECONDS,
            failOn = NarrativeException.class)
    @Bulkhead(256)
    public Generation generate(StoryContext context) {
        return generateUnguarded(context);
    }

    @Override
    public Generation generateUnguarded(StoryContext context) {
        return exchange.write(this, context, this::send);
    }

    private Reply send(Conversation conversation) {
        String name = endpointName.orElse("");
        try {
            var response = client().invokeEndpoint(InvokeEndpointRequest.builder()
                    .endpointName(name)
                    .contentType("application/json")
                    .accept("application/json")
                    .body(SdkBytes.fromUtf8String(format.body(conversation, maxTokens, temperature)))
                    .build());
            return format.read(response.body().asUtf8String(), name, conversation);
        } catch (SdkException e) {
            throw AwsSupport.failure(NAME, e);
        }
    }

    private SageMakerRuntimeClient client() {
        SageMakerRuntimeClient built = client;
        if (built == null) {
            synchronized (this) {
                built = client;
                if (built == null) {
                    String where = AwsSupport.region(region)
                            .orElseThrow(() -> new NarrativeException("sagemaker has no region"));
                    built = AwsSupport.build(SageMakerRuntimeClient.builder(), where, timeout, endpoint);
                    client = built;
                }
            }
        }
        return built;
    }

    @PreDestroy
    void close() {
        if (client != null) {
            client.close();
        }
    }

    @Override
    public double estimateCost(int inputTokens, int outputTokens) {
        return prices.cost(endpointName.orElse(""), inputTokens, outputTokens);
    }

    @Override
    public ModelCapabilities capabilities() {
        return new ModelCapabilities(contextTokens, false, false, Set.of());
    }
}
