package com.liminaltransit.narrative.anthropic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.liminaltransit.narrative.CallLedger;
import com.liminaltransit.narrative.Generation;
import com.liminaltransit.narrative.NarrativeValidator;
import com.liminaltransit.narrative.PromptBuilder;
import com.liminaltransit.narrative.StoryContext;
import com.liminaltransit.narrative.vendor.NarrativeExchange;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * One real call to Anthropic: runs only when {@code ANTHROPIC_API_KEY} is set; the model is
 * {@code ANTHROPIC_MODEL} (default {@code claude-3-5-haiku-latest}), the server {@code ANTHROPIC_BASE_URL}.
 */
class AnthropicLiveIT {

    @Test
    void realModelWritesABoardingPassageThatKeepsTheContract() {
        // given
        String key = System.getenv("ANTHROPIC_API_KEY");
        assumeTrue(key != null && !key.isBlank(), "ANTHROPIC_API_KEY is not set");
        String model = System.getenv().getOrDefault("ANTHROPIC_MODEL", "claude-3-5-haiku-latest");
        String baseUrl = System.getenv().getOrDefault("ANTHROPIC_BASE_URL", AnthropicProvider.DEFAULT_BASE_URL);
        AnthropicProvider provider = new AnthropicProvider(
                new NarrativeExchange(
                        new PromptBuilder(), new CallLedger(), (c, p, m, i, o, usd, r) -> {}, Duration.ofSeconds(2)),
                null,
                java.util.Optional.of(key),
                java.util.Optional.of(model),
                baseUrl,
                Duration.ofSeconds(30),
                900,
                0.9,
                true);

        // when (no fault-tolerance interceptors outside the container: one plain call)
        Generation generation = provider.generate(StoryContext.boarding("live", 1L, "en"));

        // then
        assertThat(NarrativeValidator.validate(generation.narrative()).problems())
                .isEmpty();
        assertThat(generation.inputTokens()).isPositive();
    }
}
