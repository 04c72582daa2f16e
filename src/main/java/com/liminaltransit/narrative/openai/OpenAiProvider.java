package com.liminaltransit.narrative.openai;

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
import java.util.LinkedHashMap;
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
 * OpenAI Chat Completions in JSON mode, over the JDK HTTP client. With another {@code liminal.ai.openai.base-url}
 * the same provider serves OpenAI-compatible servers (Ollama, vLLM, llama.cpp), which need no key. Disabled
 * (and refused in {@code liminal.ai.chain}) until a model is set, and a key for OpenAI itself.
 */
@ApplicationScoped
public class OpenAiProvider implements AiProvider {

    /** The name used in {@code liminal.ai.chain}. */
    public static final String NAME = "openai";
    /** OpenAI's own API. */
    public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";

    private final NarrativeExchange exchange;
    private final PriceTable prices;
    private final Optional<String> apiKey;
    private final Optional<String> model;
    private final String baseUrl;
    private final Duration timeout;
    private final ChatCompletion request;

    /** Reads {@code liminal.ai.openai.*}. */
    @Inject
    public OpenAiProvider(
            NarrativeExchange exchange,
            PriceTable prices,
            @ConfigProperty(name = "liminal.ai.openai.api-key") Optional<String> apiKey,
            @ConfigProperty(name = "liminal.ai.openai.model") Optional<String> model,
            @ConfigProperty(name = "liminal.ai.openai.base-url", defaultValue = DEFAULT_BASE_URL) String baseUrl,
            @ConfigProperty(name = "liminal.ai.openai.timeout-ms", defaultValue = "8000") long timeoutMillis,
            @ConfigProperty(name = "liminal.ai.openai.max-tokens", defaultValue = "900") int maxTokens,
            @ConfigProperty(name = "liminal.ai.openai.temperature", defaultValue = "0.9") double temperature,
            @ConfigProperty(name = "liminal.ai.openai.json-mode", defaultValue = "true") boolean jsonMode) {
        this.exchange = exchange;
        this.prices = prices;
        this.apiKey = apiKey.filter(key -> !key.isBlank());
        this.model = model.filter(name -> !name.isBlank());
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.timeout = Duration.ofMillis(timeoutMillis);
        this.request = new ChatCompletion(this.model.orElse(""), maxTokens, temperature, jsonMode);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> missingSettings() {
        List<String> missing = new ArrayList<>();
        if (model.isEmpty()) {
            missing.add("liminal.ai.openai.model");
        }
        if (apiKey.isEmpty() && DEFAULT_BASE_URL.equals(baseUrl)) {
            missing.add("liminal.ai.openai.api-key (LIMINAL_AI_OPENAI_API_KEY)");
        }
        return missing;
    }

    /**
     * Guarded per call: each attempt is cut at 10 s; throttling, 5xx, timeouts and dropped connections are retried
     * twice; a provider failing most calls is skipped for 30 s; at most 256 calls at once. Every value can be
     * overridden in config, e.g. {@code com.liminaltransit.narrative.openai.OpenAiProvider/generate/Timeout/value}.
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
    // Players wait on virtual threads: the cap bounds what one server asks of the vendor at once, above the
    // ~200 concurrent players an instance takes (App Runner / ECS), so players are not sent to offline early.
    @Bulkhead(256)
    public Generation generate(StoryContext context) {
        return generateUnguarded(context);
    }

    @Override
    public Generation generateUnguarded(StoryContext context) {
        ChatCompletion asked = request.withModel(context.modelOr(request.model()));
        return exchange.write(this, context, conversation -> send(asked, conversation));
    }

    private Reply send(ChatCompletion asked, Conversation conversation) {
        Map<String, String> headers = new LinkedHashMap<>();
        apiKey.ifPresent(key -> headers.put("Authorization", "Bearer " + key));
        var body = VendorHttp.post(
                NAME, URI.create(baseUrl + "/chat/completions"), headers, asked.body(conversation), timeout);
        return ChatCompletionReply.read(body, asked.model());
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
        return new ModelCapabilities(128_000, true, true, Set.of());
    }
}
