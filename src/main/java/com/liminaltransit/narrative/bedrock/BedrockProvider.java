package com.liminaltransit.narrative.bedrock;

import com.liminaltransit.narrative.Conversation;
import com.liminaltransit.narrative.Generation;
import com.liminaltransit.narrative.ModelCapabilities;
import com.liminaltransit.narrative.Reply;
import com.liminaltransit.narrative.StoryContext;
import com.liminaltransit.narrative.vendor.AwsSupport;
import com.liminaltransit.narrative.vendor.NarrativeExchange;
import com.liminaltransit.narrative.vendor.PriceTable;
import com.liminaltransit.narrative.vendor.VendorGuard;
import com.liminaltransit.narrative.vendor.VendorProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;

/**
 * AWS Bedrock through the Converse API of the AWS SDK v2 (sync client over {@code HttpURLConnection}, the default
 * credentials chain: an IAM role in AWS, a profile or environment keys elsewhere). Disabled (and refused in
 * {@code liminal.ai.chain}) until {@code liminal.ai.bedrock.model-id} and a region are set.
 */
@ApplicationScoped
public class BedrockProvider extends VendorProvider<BedrockRuntimeClient> {

    /** The name used in {@code liminal.ai.chain}. */
    public static final String NAME = "bedrock";

    private final int maxTokens;
    private final float temperature;

    /** Reads {@code liminal.ai.bedrock.*}; the SDK client is built on first use. */
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
                () -> AwsSupport.build(NAME, BedrockRuntimeClient.builder(), region, timeout, endpoint));
        this.maxTokens = maxTokens;
        this.temperature = (float) temperature;
    }

    @Override
    protected Reply send(BedrockRuntimeClient client, String modelId, Conversation conversation) {
        ConverseCall call = new ConverseCall(modelId, maxTokens, temperature);
        return call.read(AwsSupport.call(NAME, () -> client.converse(call.request(conversation))));
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

    /** Titan Text has a small window and writes English only; the Converse models here have 200K and many. */
    private static ModelCapabilities capabilities(String modelId) {
        boolean titan = modelId.startsWith("amazon.titan");
        return new ModelCapabilities(titan ? 8_192 : 200_000, false, true, titan ? Set.of("en") : Set.of());
    }
}
