package com.liminaltransit.narrative.bedrock;

import com.liminaltransit.narrative.Conversation;
import com.liminaltransit.narrative.Generation;
import com.liminaltransit.narrative.ModelCapabilities;
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
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * AWS Bedrock through the Converse API of the AWS SDK v2 (sync client over {@code HttpURLConnection}, the default
 * credentials chain: an IAM role in AWS, a profile or environment keys elsewhere), and ConverseStream for streamed
 * stops (the async client over Netty, same settings). Disabled (and refused in {@code liminal.ai.chain}) until
 * {@code liminal.ai.bedrock.model-id} and a region are set.
 */
@ApplicationScoped
public class BedrockProvider extends VendorProvider<BedrockClients> {

    /** The name used in {@code liminal.ai.chain}. */
    public static final String NAME = "bedrock";

    private final int maxTokens;
    private final float temperature;

    /** Reads {@code liminal.ai.bedrock.*}; each SDK client is built on its first use. */
    @Inject
    public BedrockProvider(
            NarrativeExchange exchange,
            PriceTable prices,
            @ConfigProperty(name = "liminal.ai.bedrock.model-id") Optional<String> modelId,
            @ConfigProperty(name = "liminal.ai.bedrock.region") Optional<String> region,
            @ConfigProperty(name = "liminal.ai.bedrock.endpoint") Optional<String> endpoint,
            @ConfigProperty(name = "liminal.ai.bedrock.timeout", defaultValue = "8s") Duration timeout,
            @ConfigProperty(name = "liminal.ai.bedrock.max-tokens", defaultValue = "900") int maxTokens,
            @ConfigProperty(name = "liminal.ai.bedrock.temperature", defaultValue = "0.9") double temperature) {
        super(
                Profile.of(
                        NAME,
                        modelId,
                        capabilities(given(modelId).orElse("")),
                        Setting.of("liminal.ai.bedrock.model-id", modelId),
                        AwsSupport.regionSetting(NAME, region)),
                exchange,
                prices,
                () -> BedrockClients.of(NAME, region, timeout, endpoint));
        this.maxTokens = maxTokens;
        this.temperature = (float) temperature;
    }

    @Override
    protected Reply send(BedrockClients clients, String modelId, Conversation conversation) {
        ConverseCall call = new ConverseCall(modelId, maxTokens, temperature);
        return call.read(AwsSupport.call(NAME, () -> clients.sync().converse(call.request(conversation))));
    }

    /** ConverseStream with the same conversation and settings: each text delta is handed on as it arrives. */
    @Override
    protected Reply sendStreaming(
            BedrockClients clients, String modelId, Conversation conversation, Consumer<String> text) {
        ConverseCall call = new ConverseCall(modelId, maxTokens, temperature);
        return ConverseStreamCall.read(NAME, clients.async(), call.streamRequest(conversation), modelId, text);
    }

    /**
     * Guarded for players ({@link VendorGuard}); override with
     * {@code com.liminaltransit.narrative.bedrock.BedrockProvider/generate/<Annotation>/<key>}.
     */
    @Override
    @VendorGuard
    public Generation generate(StoryContext context) {
        return generateUnguarded(context);
    }

    /**
     * Streamed for players ({@link StreamGuard}); override with
     * {@code com.liminaltransit.narrative.bedrock.BedrockProvider/generateStreaming/<Annotation>/<key>}.
     */
    @Override
    @StreamGuard
    public Generation generateStreaming(StoryContext context, StreamedAnswer stream) {
        return streamUnguarded(context, stream);
    }

    /** Titan Text has a small window and writes English only; the Converse models here have 200K and many. */
    private static ModelCapabilities capabilities(String modelId) {
        boolean titan = modelId.startsWith("amazon.titan");
        return new ModelCapabilities(titan ? 8_192 : 200_000, false, true, titan ? Set.of("en") : Set.of());
    }
}
