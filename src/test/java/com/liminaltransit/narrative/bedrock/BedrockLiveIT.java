package com.liminaltransit.narrative.bedrock;

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
 * One real Converse call: runs only when {@code BEDROCK_MODEL_ID} is set (e.g.
 * {@code anthropic.claude-3-haiku-20240307-v1:0}) and AWS credentials and a region ({@code AWS_REGION}) are found by
 * the default chains.
 */
class BedrockLiveIT {

    @Test
    void realModelWritesABoardingPassageThatKeepsTheContract() {
        // given
        String modelId = System.getenv("BEDROCK_MODEL_ID");
        assumeTrue(modelId != null && !modelId.isBlank(), "BEDROCK_MODEL_ID is not set");
        BedrockProvider provider = new BedrockProvider(
                new NarrativeExchange(
                        new PromptBuilder(), new CallLedger(), (c, p, m, i, o, usd, r) -> {}, Duration.ofSeconds(2)),
                null,
                Optional.of(modelId),
                Optional.ofNullable(System.getenv("AWS_REGION")),
                Optional.empty(),
                Duration.ofSeconds(30),
                900,
                0.9);
        assumeTrue(provider.missingSettings().isEmpty(), "no AWS region found");

        // when (no fault-tolerance interceptors outside the container: one plain call)
        Generation generation = provider.generate(StoryContext.boarding("live", 1L, "en"));

        // then
        assertThat(NarrativeValidator.validate(generation.narrative()).problems())
                .isEmpty();
        assertThat(generation.inputTokens()).isPositive();
    }
}
