package com.liminaltransit.narrative.sagemaker;

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
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeClient;
import software.amazon.awssdk.services.sagemakerruntime.model.InvokeEndpointRequest;

/**
 * A custom or self-hosted model behind a SageMaker endpoint, through {@code sagemakerruntime} InvokeEndpoint, in
 * the JSON of the common LLM containers ({@code liminal.ai.sagemaker.format}: {@code tgi} or {@code messages}).
 * Disabled (and refused in {@code liminal.ai.chain}) until {@code liminal.ai.sagemaker.endpoint-name} and a region
 * are set. Prices are looked up under the endpoint name (an endpoint is billed by the hour, so usually 0); the model
 * is the endpoint's, so a call cannot choose another.
 */
@ApplicationScoped
public class SageMakerProvider extends VendorProvider<SageMakerRuntimeClient> {

    /** The name used in {@code liminal.ai.chain}. */
    public static final String NAME = "sagemaker";

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
                        new ModelCapabilities(contextTokens, false, false, Set.of()),
                        Setting.of("liminal.ai.sagemaker.endpoint-name", endpointName),
                        AwsSupport.regionSetting(NAME, region)),
                exchange,
                prices,
                () -> AwsSupport.build(NAME, SageMakerRuntimeClient.builder(), region, timeout, endpoint));
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
    protected Reply send(SageMakerRuntimeClient client, String endpointName, Conversation conversation) {
        var request = InvokeEndpointRequest.builder()
                .endpointName(endpointName)
                .contentType("application/json")
                .accept("application/json")
                .body(SdkBytes.fromUtf8String(format.body(conversation, maxTokens, temperature)))
                .build();
        String answer = AwsSupport.call(
                NAME, () -> client.invokeEndpoint(request).body().asUtf8String());
        return format.read(answer, endpointName, conversation);
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
}
