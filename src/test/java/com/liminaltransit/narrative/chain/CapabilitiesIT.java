package com.liminaltransit.narrative.chain;

import static org.assertj.core.api.Assertions.assertThat;

import com.liminaltransit.narrative.NarrativeValidator;
import com.liminaltransit.narrative.StoryContext;
import com.liminaltransit.testing.Management;
import io.helidon.microprofile.testing.junit5.AddBean;
import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import org.junit.jupiter.api.Test;

/**
 * The chain reads capabilities: a provider whose model does not write the step's language is passed over before any
 * call, the step says why, and the fallbacks metric counts it; {@code offline}, the last link, still writes.
 */
@HelidonTest
@AddBean(ChainProviders.EnglishOnly.class)
@AddConfig(key = "liminal.ai.chain", value = "english-only")
@AddConfig(
        key = "liminal.db.url",
        value = "jdbc:h2:mem:capabilities;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE")
class CapabilitiesIT {

    @Inject
    private ProviderChain chain;

    @Inject
    private WebTarget target;

    @Test
    void aStepInALanguageTheModelDoesNotWriteIsWrittenByOfflineWithoutCallingIt() {
        // given
        int before = ChainProviders.EnglishOnly.CALLS.get();

        // when a step is asked in Japanese
        StepResult step = chain.write(StoryContext.boarding("ride-ja", 7, "ja"));

        // then the English-only provider was not called, and the step says why it was passed over
        assertThat(ChainProviders.EnglishOnly.CALLS.get()).isEqualTo(before);
        assertThat(step.generation().provider()).isEqualTo("offline");
        assertThat(step.fallbackReason()).isEqualTo("english-only: skipped: does not write ja");
        assertThat(step.attempts()).isEqualTo(1);
        assertThat(NarrativeValidator.validate(step.narrative()).valid()).isTrue();
        String metrics = Management.client().get("/metrics").body();
        assertThat(metrics)
                .containsPattern(
                        "narrative_fallbacks_total\\{[^}]*provider=\"english-only\"[^}]*reason=\"Unsupported\"");
    }

    @Test
    void aStepInARegionOfTheModelsLanguageIsWrittenByIt() {
        StepResult step = chain.write(StoryContext.boarding("ride-gb", 8, "en-GB"));

        assertThat(step.generation().provider()).isEqualTo("english-only");
        assertThat(step.fallbackReason()).isNull();
    }
}
