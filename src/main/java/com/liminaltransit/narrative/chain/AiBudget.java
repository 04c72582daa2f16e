package com.liminaltransit.narrative.chain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The global daily AI budget ({@code liminal.ai.daily-budget-usd}): once today's (UTC) paid vendor calls cost that
 * much, the chain passes over every paid provider and rides continue on {@code offline} until midnight. The sum is
 * read from the {@link SpendLedger}, which holds every paid call (failed, invalid, late and previewed ones too), so
 * every server sees what the vendors were paid; it is re-read at most every {@code liminal.ai.budget-refresh}
 * (default {@code 15s}), which bounds the overshoot to a few steps.
 */
@ApplicationScoped
public class AiBudget {

    private record Spent(LocalDate day, double usd, Instant readAt) {}

    private final SpendLedger ledger;
    private final Optional<Double> dailyUsd;
    private final Duration refresh;
    private final Clock clock;
    private final AtomicReference<Spent> last = new AtomicReference<>();

    /** Reads the budget; none configured (or 0 or less) means no budget. */
    @Inject
    public AiBudget(
            SpendLedger ledger,
            @ConfigProperty(name = "liminal.ai.daily-budget-usd") Optional<Double> dailyUsd,
            @ConfigProperty(name = "liminal.ai.budget-refresh", defaultValue = "15s") Duration refresh,
            Clock clock) {
        this.ledger = ledger;
        this.dailyUsd = dailyUsd.filter(usd -> usd > 0);
        this.refresh = refresh;
        this.clock = clock;
    }

    /** Whether today's spend has reached the budget. */
    public boolean exhausted() {
        return dailyUsd.isPresent() && spentToday() >= dailyUsd.get();
    }

    /** What today's paid calls cost, in US dollars (read at most every {@code refresh}). */
    public double spentToday() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Spent known = last.get();
        if (known != null
                && known.day().equals(today)
                && known.readAt().plus(refresh).isAfter(now)) {
            return known.usd();
        }
        double usd = ledger.spentOn(today);
        last.set(new Spent(today, usd, now));
        return usd;
    }
}
