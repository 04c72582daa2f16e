package com.liminaltransit.narrative.chain;

import com.liminaltransit.persistence.Database;
import com.liminaltransit.persistence.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The global daily AI budget ({@code liminal.ai.daily-budget-usd}): once the steps stored today (UTC) cost that
 * much, the chain passes over every paid provider and rides continue on {@code offline} until midnight. The sum
 * is read from the stored steps, so every server sees the same spend; it is re-read at most every
 * {@code liminal.ai.budget-refresh} (default 15 s), which bounds the overshoot to a few steps.
 */
@ApplicationScoped
public class AiBudget {

    private record Spend(LocalDate day, double usd, Instant readAt) {}

    private final DataSource dataSource;
    private final Optional<Double> dailyUsd;
    private final Duration refresh;
    private final Clock clock = Clock.systemUTC();
    private final AtomicReference<Spend> last = new AtomicReference<>();

    /** Reads the budget; none configured (or 0 or less) means no budget. */
    @Inject
    public AiBudget(
            Database database,
            @ConfigProperty(name = "liminal.ai.daily-budget-usd") Optional<Double> dailyUsd,
            @ConfigProperty(name = "liminal.ai.budget-refresh", defaultValue = "15s") Duration refresh) {
        this.dataSource = database.dataSource();
        this.dailyUsd = dailyUsd.filter(usd -> usd > 0);
        this.refresh = refresh;
    }

    /** Whether today's spend has reached the budget. */
    public boolean exhausted() {
        return dailyUsd.isPresent() && spentToday() >= dailyUsd.get();
    }

    /** What the steps stored today cost, in US dollars (read at most every {@code refresh}). */
    public double spentToday() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Spend known = last.get();
        if (known != null
                && known.day().equals(today)
                && known.readAt().plus(refresh).isAfter(now)) {
            return known.usd();
        }
        double usd = Jdbc.read(dataSource, connection -> {
            try (PreparedStatement sum = connection.prepareStatement(
                    "select coalesce(sum(cost_usd), 0) from passage where created_at >= ?")) {
                sum.setObject(1, today.atStartOfDay().atOffset(ZoneOffset.UTC));
                try (ResultSet row = sum.executeQuery()) {
                    row.next();
                    return row.getDouble(1);
                }
            }
        });
        last.set(new Spend(today, usd, now));
        return usd;
    }
}
