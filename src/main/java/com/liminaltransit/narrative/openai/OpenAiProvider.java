package com.liminaltransit.narrative.openai;

import com.liminaltransit.narrative.Conversation;
import com.liminaltransit.narrative.Generation;
import com.liminaltransit.narrative.ModelCapabilities;
import com.liminaltransit.narrative.Reply;
import com.liminaltransit.narrative.StoryContext;
import com.liminaltransit.narrative.StreamedAnswer;
import com.liminaltransit.narrative.vendor.ChatCompletions;
import com.liminaltransit.narrative.vendor.ChatCompletionsStream;
import com.liminaltransit.narrative.vendor.NarrativeExchange;
import com.liminaltransit.narrative.vendor.PriceTable;
import com.liminaltransit.narrative.vendor.StreamGuard;
import com.liminaltransit.narrative.vendor.VendorGuard;
import com.liminaltransit.narrative.vendor.VendorHttp;
import com.liminaltransit.narrative.vendor.VendorProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * OpenAI Chat Completions in JSON mode, over the JDK HTTP client. With another {@code liminal.ai.openai.base-url}
 * the same provider serves OpenAI-compatible servers (Ollama, vLLM, llama.cpp), which need no key. Disabled
 * (and refused in {@code liminal.ai.chain}) until a model is set, and a key for OpenAI itself.
 */
@ApplicationScoped
public class OpenAiProvider extends VendorProvider<VendorHttp> {

    /** The name used in {@code liminal.ai.chain}. */
    public static final String NAME = "openai";
    /** OpenAI's own API. */
    public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";

    private static final String PATH = "/chat/completions";
    private static final ModelCapabilities CAPABILITIES = new ModelCapabilities(128_000, true, true, Set.of());

    private final Optional<String> apiKey;
    private final URI endpoint;
    private final int maxTokens;
    private final double temperature;
    private final boolean jsonMode;

    /** Reads {@code liminal.ai.openai.*}. */
    @Inject
    public OpenAiProvider(
            NarrativeExchange exchange,
            PriceTable prices,
            @ConfigProperty(name = "liminal.ai.openai.api-key") Optional<String> apiKey,
            @ConfigProperty(name = "liminal.ai.openai.model") Optional<String> model,
            @ConfigProperty(name = "liminal.ai.openai.base-url", defaultValue = DEFAULT_BASE_URL) String baseUrl,
            @ConfigProperty(name = "liminal.ai.openai.timeout", defaultValue = "8s") Duration timeout,
            @ConfigProperty(name = "liminal.ai.openai.max-tokens", defaultValue = "900") int maxTokens,
            @ConfigProperty(name = "liminal.ai.openai.temperature", defaultValue = "0.9") double temperature,
            @ConfigProperty(name = "liminal.ai.openai.json-mode", defaultValue = "true") boolean jsonMode) {
        super(
                Profile.of(NAME, model, CAPABILITIES, settings(model, apiKey, baseUrl)),
                exchange,
                prices,
                () -> new VendorHttp(NAME, timeout, maxTokens));
        this.apiKey = given(apiKey);
        this.endpoint = VendorHttp.endpoint(baseUrl, PATH);
        this.maxTokens = maxTokens;
        this.temperature = temperature;
        this.jsonMode = jsonMode;
    }

    @Override
    protected Reply send(VendorHttp http, String model, Conversation conversation) {
        var request = ChatCompletions.Request.of(model, conversation, maxTokens, temperature, jsonMode);
        var answer = http.post(endpoint, headers(), request, ChatCompletions.Response.class);
        var usage = answer.usage() == null ? new ChatCompletions.Usage(0, 0) : answer.usage();
        return Reply.text(
                answer.text(NAME),
                answer.model() == null ? model : answer.model(),
                usage.promptTokens(),
                usage.completionTokens());
    }

    /**
     * Guarded for players ({@link VendorGuard}); override with
     * {@code com.liminaltransit.narrative.openai.OpenAiProvider/generate/<Annotation>/<key>}.
     */
    @Override
    @VendorGuard
    public Generation generate(StoryContext context) {
        return generateUnguarded(context);
    }

    /** The same call with {@code "stream": true}: each chunk's text is handed on as it is read. */
    @Override
    protected Reply sendStreaming(VendorHttp http, String model, Conversation conversation, Consumer<String> text) {
        var request = ChatCompletions.StreamRequest.of(model, conversation, maxTokens, temperature);
        var whole = new StringBuilder();
        var reader = new ChatCompletionsStream.Reader(NAME, piece -> {
            whole.append(piece);
            text.accept(piece);
        });
        http.postStreaming(endpoint, headers(), request, reader::line);
        var ending = reader.ending();
        return Reply.text(
                whole.toString(),
                ending.model() == null ? model : ending.model(),
                ending.promptTokens(),
                ending.completionTokens());
    }

    /**
     * Streamed for players ({@link StreamGuard}); override with
     * {@code com.liminaltransit.narrative.openai.OpenAiProvider/generateStreaming/<Annotation>/<key>}.
     */
    @Override
    @StreamGuard
    public Generation generateStreaming(StoryContext context, StreamedAnswer stream) {
        return streamUnguarded(context, stream);
    }

    private Map<String, String> headers() {
        return apiKey.map(key -> Map.of("Authorization", "Bearer " + key)).orElse(Map.<String, String>of());
    }

    /** A model always; a key for OpenAI's own API only (compatible servers elsewhere need none). */
    private static Setting[] settings(Optional<String> model, Optional<String> apiKey, String baseUrl) {
        Setting modelSet = Setting.of("liminal.ai.openai.model", model);
        boolean ownApi = VendorHttp.endpoint(baseUrl, PATH).equals(VendorHttp.endpoint(DEFAULT_BASE_URL, PATH));
        return ownApi
                ? new Setting[] {modelSet, Setting.secret("liminal.ai.openai.api-key", apiKey)}
                : new Setting[] {modelSet};
    }
}
