package com.liminaltransit.narrative.chain;

import static org.assertj.core.api.Assertions.assertThat;

import com.liminaltransit.narrative.CallLedger;
import com.liminaltransit.narrative.CallLedger.Standing;
import com.liminaltransit.narrative.StoryContext;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The register of steps being written: calls and bills per step, and whether a bill came in time. */
class CallLedgerTest {

    private static final Instant OPENED = Instant.parse("2026-12-01T10:00:00Z");
    private static final Instant DEADLINE = OPENED.plusSeconds(20);

    private final CallLedger ledger = new CallLedger();
    private final StoryContext step = StoryContext.boarding("ride", 1, "en");

    @Test
    void billsBeforeTheDeadlineAreOnTimeAndAfterItLate() {
        ledger.open(step, DEADLINE);

        assertThat(ledger.bill(step, 0.1, DEADLINE.minusMillis(1))).isEqualTo(Standing.OPEN);
        assertThat(ledger.bill(step, 0.1, DEADLINE.plusMillis(1))).isEqualTo(Standing.LAPSED);
    }

    @Test
    void aLapsedStepMakesEveryLaterBillLate() {
        ledger.open(step, DEADLINE);

        ledger.lapse(step);

        assertThat(ledger.bill(step, 0.1, OPENED)).isEqualTo(Standing.LAPSED);
    }

    @Test
    void settlingTellsCallsAndBillsAndStartsAgainFromZero() {
        // given two calls, one billed
        ledger.open(step, DEADLINE);
        ledger.count(step);
        ledger.count(step);
        ledger.bill(step, 0.25, OPENED);

        // when
        CallLedger.Tally first = ledger.settle(step, OPENED);
        CallLedger.Tally second = ledger.settle(step, OPENED);

        // then
        assertThat(first).isEqualTo(new CallLedger.Tally(2, 1, 0.25, Standing.OPEN));
        assertThat(second).isEqualTo(new CallLedger.Tally(0, 0, 0, Standing.OPEN));
    }

    @Test
    void equalContextsOfTwoRacingRequestsAreTwoSteps() {
        // given two requests for the same stop: equal records, different objects
        StoryContext twin = StoryContext.boarding("ride", 1, "en");
        ledger.open(step, DEADLINE);
        ledger.open(twin, DEADLINE);

        // when
        ledger.count(step);

        // then
        assertThat(ledger.take(step)).isEqualTo(1);
        assertThat(ledger.take(twin)).isZero();
    }

    @Test
    void aBillForNoStepIsUnknownAndAClosedStepIsForgotten() {
        assertThat(ledger.bill(step, 0.1, OPENED)).isEqualTo(Standing.UNKNOWN);

        ledger.open(step);
        ledger.close(step);

        assertThat(ledger.settle(step, OPENED).standing()).isEqualTo(Standing.UNKNOWN);
    }

    @Test
    void aStepWithNoDeadlineIsNeverLate() {
        ledger.open(step);

        assertThat(ledger.bill(step, 0.1, Instant.MAX)).isEqualTo(Standing.OPEN);
    }
}
