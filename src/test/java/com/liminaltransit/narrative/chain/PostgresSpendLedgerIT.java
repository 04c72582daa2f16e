package com.liminaltransit.narrative.chain;

import static org.assertj.core.api.Assertions.assertThat;

import com.liminaltransit.narrative.CallLedger;
import com.liminaltransit.narrative.CallOutcome;
import com.liminaltransit.narrative.CallPurpose;
import com.liminaltransit.narrative.StoryContext;
import com.liminaltransit.persistence.Database;
import com.liminaltransit.persistence.Jdbc;
import com.liminaltransit.testing.Postgres;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The spend ledger on production's database: the migration holds, a hostile vendor's numbers fit the columns, a late
 * call is kept as late, and the budget is the sum of today's (UTC) rows, yesterday's not counted.
 */
class PostgresSpendLedgerIT {

    private static final Instant NOON = Instant.parse("2026-12-01T12:00:00Z");

    private static Database database;

    @BeforeAll
    static void openPostgres() {
        database = new Database(Postgres.newDatabase("spend"), Optional.of("postgres"), Optional.empty(), 4);
        database.migrateOnStart(null);
    }

    @AfterAll
    static void closePool() {
        database.close();
    }

    @Test
    void theBudgetIsTheSumOfTodaysRows() {
        // given calls yesterday, today (one with negative usage, one late) and a preview
        CallLedger steps = new CallLedger();
        SpendLedger yesterday =
                new SpendLedger(database, steps, Clock.fixed(NOON.minus(Duration.ofDays(1)), ZoneOffset.UTC));
        SpendLedger today = new SpendLedger(database, steps, Clock.fixed(NOON, ZoneOffset.UTC));
        StoryContext ride = StoryContext.boarding("ride-pg", 1, "en");
        StoryContext preview = StoryContext.boarding("ride-pg", 1, "en").withPurpose(CallPurpose.PREVIEW);
        yesterday.paid(ride, "openai", "gpt", 100, 100, 4.0, CallOutcome.VALID);
        steps.open(ride, NOON.minusSeconds(1));
        today.paid(ride, "openai", "gpt", 100, -100, 0.5, CallOutcome.INVALID);
        today.paid(ride, "openai", "m".repeat(300), -1, 10, 0.25, CallOutcome.VALID);
        steps.close(ride);
        today.paid(preview, "anthropic", "claude", 10, 10, 0.125, CallOutcome.VALID);

        // when
        AiBudget budget = new AiBudget(today, Optional.of(0.8), Duration.ZERO, Clock.fixed(NOON, ZoneOffset.UTC));

        // then
        assertThat(today.spentOn(LocalDate.of(2026, 12, 1))).isEqualTo(0.875);
        assertThat(today.spentOn(LocalDate.of(2026, 11, 30))).isEqualTo(4.0);
        assertThat(budget.spentToday()).isEqualTo(0.875);
        assertThat(budget.exhausted()).isTrue();
        assertThat(outcomes()).isEqualTo("valid,late,late,valid");
    }

    private static String outcomes() {
        return Jdbc.read(database.dataSource(), connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                            "select string_agg(outcome, ',' order by id) from spend_ledger");
                    ResultSet row = query.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        });
    }
}
