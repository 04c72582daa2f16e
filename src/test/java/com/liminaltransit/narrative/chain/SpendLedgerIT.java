package com.liminaltransit.narrative.chain;

import static org.assertj.core.api.Assertions.assertThat;

import com.liminaltransit.narrative.CallPurpose;
import com.liminaltransit.narrative.StoryContext;
import com.liminaltransit.persistence.Database;
import com.liminaltransit.persistence.Jdbc;
import io.helidon.microprofile.testing.junit5.AddBean;
import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every paid call lands on the spend ledger once, whoever reports it (the vendor exchange call by call, or the chain
 * for a provider that reports none), however it ended (invalid, valid, after the step deadline), with its tokens
 * clamped at zero; and the daily budget is exactly the sum of the rows.
 */
@HelidonTest
@AddBean(ChainProviders.Plain.class)
@AddBean(ChainProviders.Billing.class)
@AddBean(ChainProviders.Tardy.class)
@AddBean(ChainProviders.TardyBilling.class)
@AddConfig(key = "liminal.ai.daily-budget-usd", value = "1000")
@AddConfig(key = "liminal.ai.budget-refresh", value = "0s")
@AddConfig(key = "com.liminaltransit.narrative.chain.ProviderChain/write/Timeout/value", value = "500")
@AddConfig(key = "com.liminaltransit.narrative.chain.ProviderChain/write/Timeout/unit", value = "MILLIS")
@AddConfig(key = "liminal.db.url", value = "jdbc:h2:mem:spend;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE")
class SpendLedgerIT {

    /** A ledger row as the test reads it back. */
    record Row(
            String provider,
            String model,
            int inputTokens,
            int outputTokens,
            double costUsd,
            String purpose,
            String rideId,
            Integer stop,
            String outcome) {}

    @Inject
    private ProviderChain chain;

    @Inject
    private AiBudget budget;

    @Inject
    private Database database;

    @Test
    void eachCallTheExchangeReportsLandsOnceAndTheStepCostsWhatWasBilled() {
        // given a vendor exchange that reports a broken first answer and its repair
        StoryContext context = StoryContext.boarding("ride-billed", 1, "en").with(null, List.of("billing"));

        // when
        StepResult step = chain.write(context);

        // then two rows, one per call, tokens clamped; the step cost what they cost, not the provider's estimate
        assertThat(step.generation().provider()).isEqualTo("billing");
        assertThat(step.attempts()).isEqualTo(2);
        assertThat(step.costUsd()).isEqualTo(0.75);
        assertThat(rows("ride-billed"))
                .containsExactly(
                        new Row("billing", "bill-1", 300, 0, 0.25, "ride", "ride-billed", 0, "invalid"),
                        new Row("billing", "bill-1", 320, 90, 0.5, "ride", "ride-billed", 0, "valid"));
    }

    @Test
    void aProviderThatReportsNoCallsIsWrittenByTheChainOnce() {
        // given a provider with no vendor exchange, reporting negative output tokens
        StoryContext context = StoryContext.boarding("ride-plain", 2, "en").with(null, List.of("plain"));

        // when
        StepResult step = chain.write(context);

        // then one row for its answer, as the chain priced it
        assertThat(step.costUsd()).isEqualTo(0.125);
        assertThat(rows("ride-plain"))
                .containsExactly(new Row("plain", "plain-1", 200, 0, 0.125, "ride", "ride-plain", 0, "valid"));
    }

    @Test
    void theRideBotsCallsAreChargedAsBot() {
        StoryContext context = StoryContext.boarding("ride-bot", 3, "en")
                .with(null, List.of("plain"))
                .withPurpose(CallPurpose.BOT);

        chain.write(context);

        assertThat(rows("ride-bot")).extracting(Row::purpose).containsExactly("bot");
    }

    @Test
    void aReplyAfterTheStepDeadlineIsChargedLateOnce() {
        // given providers whose replies arrive after the 500 ms deadline, one reporting its call, one not
        for (String provider : List.of("tardy", "tardy-billing")) {
            String ride = "ride-" + provider;
            StoryContext context = StoryContext.boarding(ride, 4, "en").with(null, List.of(provider));

            // when
            StepResult step = chain.write(context);

            // then offline wrote the stop, and the late reply is on the ledger once, as late
            assertThat(step.generation().provider()).isEqualTo("offline");
            assertThat(step.fallbackReason()).isEqualTo("step deadline passed");
            assertThat(rows(ride)).singleElement().satisfies(row -> {
                assertThat(row.provider()).isEqualTo(provider);
                assertThat(row.outcome()).isEqualTo("late");
                assertThat(row.costUsd()).isPositive();
            });
        }
    }

    @Test
    void theBudgetIsTheSumOfTheLedgersRowsForToday() {
        // given calls of every kind
        chain.write(StoryContext.boarding("ride-sum-1", 5, "en").with(null, List.of("billing")));
        chain.write(StoryContext.boarding("ride-sum-2", 6, "en").with(null, List.of("plain")));

        // when / then
        double sum = Jdbc.read(database.dataSource(), connection -> {
            try (PreparedStatement query = connection.prepareStatement("select sum(cost_usd) from spend_ledger");
                    ResultSet row = query.executeQuery()) {
                row.next();
                return row.getDouble(1);
            }
        });
        assertThat(sum).isGreaterThanOrEqualTo(0.875);
        assertThat(budget.spentToday()).isEqualTo(sum);
    }

    @Test
    void offlineWritesNoRow() {
        chain.write(StoryContext.boarding("ride-offline", 7, "en"));

        assertThat(rows("ride-offline")).isEmpty();
    }

    private List<Row> rows(String rideId) {
        return Jdbc.read(database.dataSource(), connection -> {
            try (PreparedStatement query = connection.prepareStatement("""
                    select provider, model, input_tokens, output_tokens, cost_usd, purpose, ride_id, stop, outcome
                    from spend_ledger where ride_id = ? order by id""")) {
                query.setString(1, rideId);
                List<Row> rows = new ArrayList<>();
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        int stop = row.getInt(8);
                        rows.add(new Row(
                                row.getString(1),
                                row.getString(2),
                                row.getInt(3),
                                row.getInt(4),
                                row.getDouble(5),
                                row.getString(6),
                                row.getString(7),
                                row.wasNull() ? null : stop,
                                row.getString(9)));
                    }
                }
                return rows;
            }
        });
    }
}
