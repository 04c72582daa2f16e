package com.liminaltransit.narrative.bedrock;

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
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;

/**
 * AWS Bedrock through the Converse API of the AWS SDK v2 (sync client over {@code HttpURLConnection}, the default
 * credentials chain: an IAM role in AWS, a profile or environment keys elsewhere). Disabled (and refused in
 * {@code liminal.ai.chain}) until {@code liminal.ai.bedrock.model-id} and a region are set.
 */
@ApplicationScoped
public class BedrockProvider implements AiProvider {

    /** The name used in {@code liminal.ai.chain}. */
    public static final String NAME = "bedrock";

    private final NarrativeExchange exchange;
    private final PriceTable prices;
    private final Optional<String> modelId;
    private final Optional<String> region;
    private final Optional<String> endpoint;
    private final Duration timeout;
    private final ConverseCall call;
    private volatile BedrockRuntimeClient client;

    /** Reads {@code liminal.ai.bedrock.*}; the SDK client is built on first use. */
    @Inject
    public BedrockProvider(
            NarrativeExchange exchange,
            PriceTable prices,
            @ConfigProperty(name = "liminal.ai.bedrock.model-id") Optional<String> modelId,
            @ConfigProperty(name = "liminal.ai.bedrock.region") Optional<String> region,
            @ConfigProperty(name = "liminal.ai.bedrock.endpoint") Optional<String> endpoint,
            @ConfigProperty(name = "liminal.ai.bedrock.timeout-ms", defaultValue = "8000") long timeoutMillis,
            @ConfigProperty(name = "liminal.ai.bedrock.max-tokens", defaultValue = "900") int maxTokens,
            @ConfigProperty(name = "liminal.ai.bedrock.temperature", defaultValue = "0.9") double temperature) {
        this.exchange = exchange;
        this.prices = prices;
        this.modelId = modelId.filter(id -> !id.isBlank());
        this.region = region;
        this.endpoint = endpoint;
        this.timeout = Duration.ofMillis(timeoutMillis);
        this.call = new ConverseCall(this.modelId.orElse(""), maxTokens, (float) temperature);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> missingSettings() {
        List<String> missing = new ArrayList<>();
        if (modelId.isEmpty()) {
            missing.add("liminal.ai.bedrock.model-id");
        }
        if (AwsSupport.region(region).isEmpty()) {
            missing.add("liminal.ai.bedrock.region (or AWS_REGION)");
        }
        return missing;
    }

    /**
     * Guarded per call like every provider (see {@code OpenAiProvider#generate}); override with
     * {@code com.liminaltransit.narrative.bedrock.BedrockProvider/generate/<Annotation>/<key>}.
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
        ConverseCall asked = call.withModelId(context.modelOr(call.modelId()));
        return exchange.write(this, context, conversation -> send(asked, conversation));
    }

    private Reply send(ConverseCall asked, Conversation conversation) {
        try {
            return asked.read(client().converse(asked.request(conversation)));
        } catch (SdkException e) {
            throw AwsSupport.failure(NAME, e);
        }
    }

    @Override
    public boolean acceptsModelChoice() {
        return true;
    }

    private BedrockRuntimeClient client() {
        BedrockRuntimeClient built = client;
        if (built == null) {
            synchronized (this) {
                built = client;
                if (built == null) {
                    String where = AwsSupport.region(region)
                            .orElseThrow(() -> new NarrativeException("bedrock has no region"));
                    built = AwsSupport.build(BedrockRuntimeClient.builder(), where, timeout, endpoint);
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
        return prices.cost(modelId.orElse(""), inputTokens, outputTokens);
    }

    @Override
    public ModelCapabilities capabilities() {
        boolean titan = modelId.orElse("").startsWith("amazon.titan");
        return new ModelCapabilities(titan ? 8_192 : 200_000, false, true, titan ? Set.of("en") : Set.of());
    }
}
