package com.liminaltransit.narrative.openai;

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
 * One real call to OpenAI (or any compatible server): runs only when {@code OPENAI_API_KEY} is set; the model is
 * {@code OPENAI_MODEL} (default {@code gpt-4o-mini}), the server {@code OPENAI_BASE_URL} (default OpenAI).
 */
class OpenAiLiveIT {

    @Test
    void realModelWritesABoardingPassageThatKeepsTheContract() {
        // given
        String key = System.getenv("OPENAI_API_KEY");
        assumeTrue(key != null && !key.isBlank(), "OPENAI_API_KEY is not set");
        String model = System.getenv().getOrDefault("OPENAI_MODEL", "gpt-4o-mini");
        String baseUrl = System.getenv().getOrDefault("OPENAI_BASE_URL", OpenAiProvider.DEFAULT_BASE_URL);
        OpenAiProvider provider = new OpenAiProvider(
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
