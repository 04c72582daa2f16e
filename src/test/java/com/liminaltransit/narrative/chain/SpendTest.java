package com.liminaltransit.narrative.chain;

import static org.assertj.core.api.Assertions.assertThat;

import com.liminaltransit.narrative.CallOutcome;
import com.liminaltransit.narrative.CallPurpose;
import com.liminaltransit.narrative.StoryContext;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A ledger row fits its columns whatever the vendor said, so writing the bill never fails on the vendor's word. */
class SpendTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void negativeTokensAndCostsAreClampedAtZero() {
        Spend spend = new Spend(NOW, "openai", "gpt", -5, -1, -0.5, CallPurpose.RIDE, "r", 0, CallOutcome.VALID);

        assertThat(spend.inputTokens()).isZero();
        assertThat(spend.outputTokens()).isZero();
        assertThat(spend.costUsd()).isZero();
    }

    @Test
    void aCostThatIsNoNumberCountsAsNothingAndAHugeOneIsCapped() {
        assertThat(new Spend(NOW, "p", null, 0, 0, Double.NaN, CallPurpose.RIDE, null, null, CallOutcome.FAILED)
                        .costUsd())
                .isZero();
        assertThat(new Spend(NOW, "p", null, 0, 0, 1e12, CallPurpose.RIDE, null, null, CallOutcome.FAILED).costUsd())
                .isEqualTo(Spend.MAX_COST_USD);
    }

    @Test
    void longNamesAreCutToTheirColumns() {
        Spend spend = new Spend(
                NOW, "p".repeat(40), "m".repeat(500), 1, 1, 0, CallPurpose.RIDE, "r".repeat(80), 1, CallOutcome.VALID);

        assertThat(spend.provider()).hasSize(32);
        assertThat(spend.model()).hasSize(200);
        assertThat(spend.rideId()).hasSize(64);
    }

    @Test
    void aCallForAStepIsChargedToItsPurposeRideAndStop() {
        StoryContext context = StoryContext.boarding("ride-7", 1, "en").withPurpose(CallPurpose.PREVIEW);

        Spend spend = Spend.of(NOW, context, "anthropic", "claude", 10, 20, 0.01, CallOutcome.INVALID);

        assertThat(spend.purpose()).isEqualTo(CallPurpose.PREVIEW);
        assertThat(spend.rideId()).isEqualTo("ride-7");
        assertThat(spend.stop()).isZero();
        assertThat(spend.outcome().code()).isEqualTo("invalid");
        assertThat(spend.purpose().code()).isEqualTo("preview");
    }
}
