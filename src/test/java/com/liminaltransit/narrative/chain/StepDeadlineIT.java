package com.liminaltransit.narrative.chain;

import static org.assertj.core.api.Assertions.assertThat;

import com.liminaltransit.narrative.NarrativeValidator;
import com.liminaltransit.narrative.StoryContext;
import com.liminaltransit.narrative.TestProviders;
import io.helidon.microprofile.testing.junit5.AddBean;
import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A provider that never answers cannot hold a player past the step deadline: offline writes the stop. */
@HelidonTest
@AddBean(TestProviders.Stalled.class)
@AddConfig(key = "liminal.ai.chain", value = "stalled")
@AddConfig(key = "com.liminaltransit.narrative.chain.ProviderChain/write/Timeout/value", value = "700")
@AddConfig(key = "com.liminaltransit.narrative.chain.ProviderChain/write/Timeout/unit", value = "MILLIS")
@AddConfig(
        key = "liminal.db.url",
        value = "jdbc:h2:mem:deadline;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE")
class StepDeadlineIT {

    @Inject
    private ProviderChain chain;

    @Test
    void stalledProviderIsCutOffAtTheDeadlineAndOfflineAnswers() {
        long started = System.nanoTime();

        StepResult step = chain.write(StoryContext.boarding("ride", 42L, "en"));

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(step.generation().provider()).isEqualTo("offline");
        assertThat(step.fallbackReason()).isEqualTo("step deadline passed");
        assertThat(NarrativeValidator.validate(step.narrative()).valid()).isTrue();
        assertThat(took).isLessThan(Duration.ofSeconds(10));
    }
}
