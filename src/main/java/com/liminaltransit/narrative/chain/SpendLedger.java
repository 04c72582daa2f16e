package com.liminaltransit.narrative.chain;

import com.liminaltransit.narrative.CallLedger;
import com.liminaltransit.narrative.CallOutcome;
import com.liminaltransit.narrative.StoryContext;
import com.liminaltransit.narrative.VendorCalls;
import com.liminaltransit.persistence.Database;
import com.liminaltransit.persistence.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The chain's spend ledger: a row for every paid vendor call, written when the call ends, and today's (UTC) total
 * for the {@link AiBudget}. The vendor exchange reports each call through {@link VendorCalls}; the chain itself
 * writes the winning call of a provider that reports none, so a call lands once either way.
 */
@ApplicationScoped
public class SpendLedger implements VendorCalls {

    private static final Logger LOG = Logger.getLogger(SpendLedger.class.getName());

    private final DataSource dataSource;
    private final CallLedger steps;
    private final Clock clock;
    private final EmbeddedMetrics cloudWatch;

    /**
     * Writes to the application's database; {@code steps} tells a late call from one on time; every paid call is
     * also an {@code AiCostUsd} EMF line in AWS, which the budget-burn alarm sums.
     */
    @Inject
    SpendLedger(Database database, CallLedger steps, Clock clock, EmbeddedMetrics cloudWatch) {
        this.dataSource = database.dataSource();
        this.steps = steps;
        this.clock = clock;
        this.cloudWatch = cloudWatch;
    }

    /** Writes to the application's database and nowhere else (tests, tools). */
    public SpendLedger(Database database, CallLedger steps, Clock clock) {
        this(database, steps, clock, EmbeddedMetrics.off());
    }

    @Override
    public void paid(
            StoryContext context,
            String provider,
            String model,
            int inputTokens,
            int outputTokens,
            double costUsd,
            CallOutcome outcome) {
        Instant now = clock.instant();
        CallLedger.Standing standing = steps.bill(context, Math.max(0, costUsd), now);
        record(Spend.of(
                now,
                context,
                provider,
                model,
                inputTokens,
                outputTokens,
                costUsd,
                standing == CallLedger.Standing.LAPSED ? CallOutcome.LATE : outcome));
    }

    /**
     * Writes one row. A database that refuses it is logged, never thrown: the call is made and paid, and the player
     * (or writer) waiting for its answer must not lose it to the bookkeeping.
     */
    public void record(Spend spend) {
        cloudWatch.cost(spend.provider(), spend.costUsd());
        // A call that ends as the step deadline interrupts its thread is still paid: write it all the same.
        boolean interrupted = Thread.interrupted();
        try {
            Jdbc.inTransaction(dataSource, connection -> {
                try (PreparedStatement insert = connection.prepareStatement("""
                        insert into spend_ledger (called_at, provider, model, input_tokens, output_tokens, cost_usd,
                            purpose, ride_id, stop, outcome)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                    insert.setObject(1, spend.calledAt().atOffset(ZoneOffset.UTC));
                    insert.setString(2, spend.provider());
                    insert.setString(3, spend.model());
                    insert.setInt(4, spend.inputTokens());
                    insert.setInt(5, spend.outputTokens());
                    insert.setBigDecimal(6, BigDecimal.valueOf(spend.costUsd()));
                    insert.setString(7, spend.purpose().code());
                    insert.setString(8, spend.rideId());
                    if (spend.stop() == null) {
                        insert.setNull(9, Types.INTEGER);
                    } else {
                        insert.setInt(9, spend.stop());
                    }
                    insert.setString(10, spend.outcome().code());
                    return insert.executeUpdate();
                }
            });
        } catch (RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    e,
                    () -> "A paid call of " + spend.provider() + " could not be written to the spend" + " ledger ("
                            + spend.costUsd() + " USD); the budget will not see it");
        }
    }

    /** What the calls of {@code day} (UTC) cost, in US dollars. */
    public double spentOn(LocalDate day) {
        return Jdbc.read(dataSource, connection -> {
            try (PreparedStatement sum = connection.prepareStatement(
                    "select coalesce(sum(cost_usd), 0) from spend_ledger where called_at >= ? and called_at < ?")) {
                sum.setObject(1, day.atStartOfDay().atOffset(ZoneOffset.UTC));
                sum.setObject(2, day.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
                try (ResultSet row = sum.executeQuery()) {
                    row.next();
                    return row.getDouble(1);
                }
            }
        });
    }
}
