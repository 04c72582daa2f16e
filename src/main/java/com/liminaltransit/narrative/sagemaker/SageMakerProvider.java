package com.liminaltransit.narrative.sagemaker;

import com.liminaltransit.narrative.Conversation;
import com.liminaltransit.narrative.Generation;
import com.liminaltransit.narrative.ModelCapabilities;
import com.liminaltransit.narrative.ProviderUnavailableException;
import com.liminaltransit.narrative.Reply;
import com.liminaltransit.narrative.StoryContext;
import com.liminaltransit.narrative.StreamedAnswer;
import com.liminaltransit.narrative.vendor.AwsSupport;
import com.liminaltransit.narrative.vendor.NarrativeExchange;
import com.liminaltransit.narrative.vendor.PriceTable;
import com.liminaltransit.narrative.vendor.StreamGuard;
import com.liminaltransit.narrative.vendor.VendorGuard;
import com.liminaltransit.narrative.vendor.VendorProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sagemakerruntime.model.InvokeEndpointRequest;
import software.amazon.awssdk.services.sagemakerruntime.model.InvokeEndpointWithResponseStreamRequest;

/**
 * A custom or self-hosted model behind a SageMaker endpoint, through {@code sagemakerruntime} InvokeEndpoint, in
 * the JSON of the common LLM containers ({@code liminal.ai.sagemaker.format}: {@code tgi} or {@code messages}).
 * Disabled (and refused in {@code liminal.ai.chain}) until {@code liminal.ai.sagemaker.endpoint-name} and a region
 * are set. Prices are looked up under the endpoint name (an endpoint is billed by the hour, so usually 0); the model
 * is the endpoint's, so a call cannot choose another. Streamed stops use InvokeEndpointWithResponseStream on the
 * SDK's async client: the container's own server-sent events arrive in payload parts.
 */
@ApplicationScoped
public class SageMakerProvider extends VendorProvider<SageMakerClients> {

    /** The name used in {@code liminal.ai.chain}. */
    public static final String NAME = "sagemaker";

    /** Room per asked token in a streamed answer: TGI sends an event of ~100 bytes for each token, then the whole. */
    private static final int STREAM_BYTES_PER_TOKEN = 512;
    /** The least a streamed answer may be, whatever the token limit. */
    private static final int MIN_STREAM_BYTES = 256 * 1024;
    /** What both formats stream: server-sent events (TGI's tokens, Chat Completions chunks). */
    private static final String STREAM_ACCEPT = "text/event-stream";

    private final InvocationFormat format;
    private final int maxTokens;
    private final double temperature;

    /** Reads {@code liminal.ai.sagemaker.*}; the SDK client is built on first use. */
    @Inject
    public SageMakerProvider(
            NarrativeExchange exchange,
            PriceTable prices,
            @ConfigProperty(name = "liminal.ai.sagemaker.endpoint-name") Optional<String> endpointName,
            @ConfigProperty(name = "liminal.ai.sagemaker.region") Optional<String> region,
            @ConfigProperty(name = "liminal.ai.sagemaker.endpoint") Optional<String> endpoint,
            @ConfigProperty(name = "liminal.ai.sagemaker.format", defaultValue = "tgi") String format,
            @ConfigProperty(name = "liminal.ai.sagemaker.timeout", defaultValue = "8s") Duration timeout,
            @ConfigProperty(name = "liminal.ai.sagemaker.max-tokens", defaultValue = "900") int maxTokens,
            @ConfigProperty(name = "liminal.ai.sagemaker.temperature", defaultValue = "0.9") double temperature,
            @ConfigProperty(name = "liminal.ai.sagemaker.context-tokens", defaultValue = "8192") int contextTokens) {
        super(
                Profile.of(
                        NAME,
                        endpointName,
                        new ModelCapabilities(contextTokens, false, true, Set.of()),
                        Setting.of("liminal.ai.sagemaker.endpoint-name", endpointName),
                        AwsSupport.regionSetting(NAME, region)),
                exchange,
                prices,
                () -> new SageMakerClients(region, timeout, endpoint));
        this.format = InvocationFormat.of(format);
        this.maxTokens = maxTokens;
        this.temperature = temperature;
    }

    /** No: the model is the endpoint's. */
    @Override
    public boolean acceptsModelChoice() {
        return false;
    }

    @Override
    protected Reply send(SageMakerClients clients, String endpointName, Conversation conversation) {
        var request = InvokeEndpointRequest.builder()
                .endpointName(endpointName)
                .contentType("application/json")
                .accept("application/json")
                .body(SdkBytes.fromUtf8String(format.body(conversation, maxTokens, temperature)))
                .build();
        String answer = AwsSupport.call(
                NAME, () -> utf8(clients.sync().invokeEndpoint(request).body()));
        return format.read(answer, endpointName, conversation);
    }

    /** The body as text; bytes that are not UTF-8 (a container answering garbage) are the vendor's fault. */
    private static String utf8(SdkBytes body) {
        try {
            return body.asUtf8String();
        } catch (UncheckedIOException e) {
            throw new ProviderUnavailableException(NAME + " answered with a body that is not UTF-8", e);
        }
    }

    /**
     * Guarded for players ({@link VendorGuard}); override with
     * {@code com.liminaltransit.narrative.sagemaker.SageMakerProvider/generate/<Annotation>/<key>}.
     */
    @Override
    @VendorGuard
    public Generation generate(StoryContext context) {
        return generateUnguarded(context);
    }

    /**
     * InvokeEndpointWithResponseStream: the container streams its answer in its own format (TGI's tokens or Chat
     * Completions chunks) and each piece of text is handed on, on this thread, as its line completes.
     */
    @Override
    protected Reply sendStreaming(
            SageMakerClients clients, String endpointName, Conversation conversation, Consumer<String> text) {
        var request = InvokeEndpointWithResponseStreamRequest.builder()
                .endpointName(endpointName)
                .contentType("application/json")
                .accept(STREAM_ACCEPT)
                .body(SdkBytes.fromUtf8String(format.streamBody(conversation, maxTokens, temperature)))
                .build();
        var whole = new StringBuilder();
        var reader = format.streamReader(piece -> {
            whole.append(piece);
            text.accept(piece);
        });
        ResponseStreamCall.read(clients.async(), request, maxStreamBytes(), reader);
        return reader.reply(whole.toString(), endpointName, conversation);
    }

    /**
     * Streamed for players ({@link StreamGuard}); override with
     * {@code com.liminaltransit.narrative.sagemaker.SageMakerProvider/generateStreaming/<Annotation>/<key>}.
     */
    @Override
    @StreamGuard
    public Generation generateStreaming(StoryContext context, StreamedAnswer stream) {
        return streamUnguarded(context, stream);
    }

    private long maxStreamBytes() {
        return Math.max(MIN_STREAM_BYTES, (long) maxTokens * STREAM_BYTES_PER_TOKEN);
    }
}
