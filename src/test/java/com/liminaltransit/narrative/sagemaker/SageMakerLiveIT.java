package com.liminaltransit.narrative.sagemaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.liminaltransit.narrative.CallLedger;
import com.liminaltransit.narrative.Generation;
import com.liminaltransit.narrative.NarrativeValidator;
import com.liminaltransit.narrative.PromptBuilder;
import com.liminaltransit.narrative.StoryContext;
import com.liminaltransit.narrative.vendor.NarrativeExchange;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * One real InvokeEndpoint call: runs only when {@code SAGEMAKER_ENDPOINT_NAME} is set (format
 * {@code SAGEMAKER_FORMAT}, default {@code tgi}) and AWS credentials and a region are found by the default chains.
 */
class SageMakerLiveIT {

    @Test
    void realEndpointWritesABoardingPassageThatKeepsTheContract() {
        // given
        String endpointName = System.getenv("SAGEMAKER_ENDPOINT_NAME");
        assumeTrue(endpointName != null && !endpointName.isBlank(), "SAGEMAKER_ENDPOINT_NAME is not set");
        SageMakerProvider provider = new SageMakerProvider(
                new NarrativeExchange(
                        new PromptBuilder(), new CallLedger(), (c, p, m, i, o, usd, r) -> {}, Duration.ofSeconds(2)),
                null,
                Optional.of(endpointName),
                Optional.ofNullable(System.getenv("AWS_REGION")),
                Optional.empty(),
                System.getenv().getOrDefault("SAGEMAKER_FORMAT", "tgi"),
                Duration.ofSeconds(60),
                900,
                0.9,
                8192);
        assumeTrue(provider.missingSettings().isEmpty(), "no AWS region found");

        // when (no fault-tolerance interceptors outside the container: one plain call)
        Generation generation = provider.generate(StoryContext.boarding("live", 1L, "en"));

        // then
        assertThat(NarrativeValidator.validate(generation.narrative()).problems())
                .isEmpty();
    }
}
