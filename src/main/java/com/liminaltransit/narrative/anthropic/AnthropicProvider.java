package com.liminaltransit.narrative.anthropic;

import com.liminaltransit.narrative.Conversation;
import com.liminaltransit.narrative.Generation;
import com.liminaltransit.narrative.ModelCapabilities;
import com.liminaltransit.narrative.Reply;
import com.liminaltransit.narrative.StoryContext;
import com.liminaltransit.narrative.StreamedAnswer;
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
 * Anthropic's Messages API, structured output through a forced tool call, over the JDK HTTP client; streamed
 * ({@code "stream": true}, plain text in the streamed shape) when the chain asks for a stream. Disabled (and refused in
 * {@code liminal.ai.chain}) until {@code liminal.ai.anthropic.api-key} and {@code .model} are set.
 */
@ApplicationScoped
public class AnthropicProvider extends VendorProvider<VendorHttp> {

    /** The name used in {@code liminal.ai.chain}. */
    public static final String NAME = "anthropic";
    /** Anthropic's own API. */
    public static final String DEFAULT_BASE_URL = "https://api.anthropic.com";
    /** The API version this provider speaks. */
    static final String API_VERSION = "2023-06-01";

    private static final ModelCapabilities CAPABILITIES = new ModelCapabilities(200_000, true, true, Set.of());

    private final Map<String, String> headers;
    private final URI endpoint;
    private final int maxTokens;
    private final double temperature;
    private final boolean toolUse;

    /** Reads {@code liminal.ai.anthropic.*}. */
    @Inject
    public AnthropicProvider(
            NarrativeExchange exchange,
            PriceTable prices,
            @ConfigProperty(name = "liminal.ai.anthropic.api-key") Optional<String> apiKey,
            @ConfigProperty(name = "liminal.ai.anthropic.model") Optional<String> model,
            @ConfigProperty(name = "liminal.ai.anthropic.base-url", defaultValue = DEFAULT_BASE_URL) String baseUrl,
            @ConfigProperty(name = "liminal.ai.anthropic.timeout", defaultValue = "8s") Duration timeout,
            @ConfigProperty(name = "liminal.ai.anthropic.max-tokens", defaultValue = "900") int maxTokens,
            @ConfigProperty(name = "liminal.ai.anthropic.temperature", defaultValue = "0.9") double temperature,
            @ConfigProperty(name = "liminal.ai.anthropic.tool-use", defaultValue = "true") boolean toolUse) {
        super(
                Profile.of(
                        NAME,
                        model,
                        CAPABILITIES,
                        Setting.secret("liminal.ai.anthropic.api-key", apiKey),
                        Setting.of("liminal.ai.anthropic.model", model)),
                exchange,
                prices,
                () -> new VendorHttp(NAME, timeout, maxTokens));
        this.headers = Map.of("x-api-key", given(apiKey).orElse(""), "anthropic-version", API_VERSION);
        this.endpoint = VendorHttp.endpoint(baseUrl, "/v1/messages");
        this.maxTokens = maxTokens;
        this.temperature = temperature;
        this.toolUse = toolUse;
    }

    @Override
    protected Reply send(VendorHttp http, String model, Conversation conversation) {
        var request = MessagesRequest.of(model, conversation, maxTokens, temperature, toolUse);
        return http.post(endpoint, headers, request, MessagesReply.class).toReply(model);
    }

    /**
     * Guarded for players ({@link VendorGuard}); override with
     * {@code com.liminaltransit.narrative.anthropic.AnthropicProvider/generate/<Annotation>/<key>}.
     */
    @Override
    @VendorGuard
    public Generation generate(StoryContext context) {
        return generateUnguarded(context);
    }

    /** The same call with {@code "stream": true} and no tool: each text delta is handed on as it is read. */
    @Override
    protected Reply sendStreaming(VendorHttp http, String model, Conversation conversation, Consumer<String> text) {
        var request = MessagesRequest.streamed(model, conversation, maxTokens, temperature);
        var whole = new StringBuilder();
        var reader = new MessagesStream.Reader(NAME, piece -> {
            whole.append(piece);
            text.accept(piece);
        });
        http.postStreaming(endpoint, headers, request, reader::line);
        var ending = reader.ending();
        return Reply.text(
                whole.toString(),
                ending.model() == null ? model : ending.model(),
                ending.inputTokens(),
                ending.outputTokens());
    }

    /**
     * Streamed for players ({@link StreamGuard}); override with
     * {@code com.liminaltransit.narrative.anthropic.AnthropicProvider/generateStreaming/<Annotation>/<key>}.
     */
    @Override
    @StreamGuard
    public Generation generateStreaming(StoryContext context, StreamedAnswer stream) {
        return streamUnguarded(context, stream);
    }
}
