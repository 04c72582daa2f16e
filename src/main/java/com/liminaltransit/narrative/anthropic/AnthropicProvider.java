package com.liminaltransit.narrative.anthropic;

import com.liminaltransit.narrative.AiProvider;
import com.liminaltransit.narrative.Conversation;
import com.liminaltransit.narrative.Generation;
import com.liminaltransit.narrative.ModelCapabilities;
import com.liminaltransit.narrative.NarrativeException;
import com.liminaltransit.narrative.Reply;
import com.liminaltransit.narrative.RetryableNarrativeException;
import com.liminaltransit.narrative.StoryContext;
import com.liminaltransit.narrative.vendor.NarrativeExchange;
import com.liminaltransit.narrative.vendor.PriceTable;
import com.liminaltransit.narrative.vendor.VendorHttp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * Anthropic's Messages API, structured output through a forced tool call, over the JDK HTTP client. Disabled (and
 * refused in {@code liminal.ai.chain}) until {@code liminal.ai.anthropic.api-key} and {@code .model} are set.
 */
@ApplicationScoped
public class AnthropicProvider implements AiProvider {

    /** The name used in {@code liminal.ai.chain}. */
    public static final String NAME = "anthropic";
    /** Anthropic's own API. */
    public static final String DEFAULT_BASE_URL = "https://api.anthropic.com";
    /** The API version this provider speaks. */
    static final String API_VERSION = "2023-06-01";

    private final NarrativeExchange exchange;
    private final PriceTable prices;
    private final Optional<String> apiKey;
    private final Optional<String> model;
    private final String baseUrl;
    private final Duration timeout;
    private final MessagesRequest request;

    /** Reads {@code liminal.ai.anthropic.*}. */
    @Inject
    public AnthropicProvider(
            NarrativeExchange exchange,
            PriceTable prices,
            @ConfigProperty(name = "liminal.ai.anthropic.api-key") Optional<String> apiKey,
            @ConfigProperty(name = "liminal.ai.anthropic.model") Optional<String> model,
            @ConfigProperty(name = "liminal.ai.anthropic.base-url", defaultValue = DEFAULT_BASE_URL) String baseUrl,
            @ConfigProperty(name = "liminal.ai.anthropic.timeout-ms", defaultValue = "8000") long timeoutMillis,
            @ConfigProperty(name = "liminal.ai.anthropic.max-tokens", defaultValue = "900") int maxTokens,
            @ConfigProperty(name = "liminal.ai.anthropic.temperature", defaultValue = "0.9") double temperature,
            @ConfigProperty(name = "liminal.ai.anthropic.tool-use", defaultValue = "true") boolean toolUse) {
        this.exchange = exchange;
        this.prices = prices;
        this.apiKey = apiKey.filter(key -> !key.isBlank());
        this.model = model.filter(name -> !name.isBlank());
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.timeout = Duration.ofMillis(timeoutMillis);
        this.request = new MessagesRequest(this.model.orElse(""), maxTokens, temperature, toolUse);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> missingSettings() {
        List<String> missing = new ArrayList<>();
        if (apiKey.isEmpty()) {
            missing.add("liminal.ai.anthropic.api-key (LIMINAL_AI_ANTHROPIC_API_KEY)");
        }
        if (model.isEmpty()) {
            missing.add("liminal.ai.anthropic.model");
        }
        return missing;
    }

    /**
     * Guarded per call like every provider (see {@code OpenAiProvider#generate}); override with
     * {@code com.liminaltransit.narrative.anthropic.AnthropicProvider/generate/<Annotation>/<key>}.
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
        MessagesRequest asked = request.withModel(context.modelOr(request.model()));
        return exchange.write(this, context, conversation -> send(asked, conversation));
    }

    private Reply send(MessagesRequest asked, Conversation conversation) {
        Map<String, String> headers = Map.of("x-api-key", apiKey.orElse(""), "anthropic-version", API_VERSION);
        var body =
                VendorHttp.post(NAME, URI.create(baseUrl + "/v1/messages"), headers, asked.body(conversation), timeout);
        return MessagesReply.read(body, asked.model());
    }

    @Override
    public boolean acceptsModelChoice() {
        return true;
    }

    @Override
    public double estimateCost(int inputTokens, int outputTokens) {
        return prices.cost(model.orElse(""), inputTokens, outputTokens);
    }

    @Override
    public ModelCapabilities capabilities() {
        return new ModelCapabilities(200_000, true, true, Set.of());
    }
}
