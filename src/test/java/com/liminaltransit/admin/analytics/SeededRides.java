package com.liminaltransit.admin.analytics;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * A small, known history written straight into the ride tables: five players' rides over two days (two completed,
 * two abandoned, one still moving), one randomtest ride and one ride from long ago that must both be left out.
 * The expected figures are worked out by hand in the constants below.
 */
final class SeededRides {

    /** Two days ago (UTC): three rides boarded, two completed. */
    static final LocalDate DAY_A = LocalDate.now(ZoneOffset.UTC).minusDays(2);
    /** Yesterday (UTC): two rides boarded, none completed. */
    static final LocalDate DAY_B = LocalDate.now(ZoneOffset.UTC).minusDays(1);

    private SeededRides() {}

    /** Writes the history; {@code now} is the moment the analytics are asked for. */
    static void seed(Connection connection, Instant now) throws SQLException {
        Instant a = noon(DAY_A);
        Instant b = noon(DAY_B);
        // R1: completed in 3 stops; bedrock, bedrock, then offline after bedrock failed; chose 1st then 2nd.
        ride(
                connection,
                "player",
                a,
                a.plusSeconds(600),
                true,
                new Step("bedrock", "0.010000", null, "a"),
                new Step("bedrock", "0.020000", null, "b"),
                new Step("offline", "0", "bedrock: timeout", null));
        // R2: completed in 3 stops, all offline; chose 1st, 1st.
        ride(
                connection,
                "player",
                a,
                a.plusSeconds(900),
                true,
                new Step("offline", "0", null, "a"),
                new Step("offline", "0", null, "a"),
                new Step("offline", "0", null, null));
        // R3: left at stop 1 two days ago; chose 2nd at boarding.
        ride(
                connection,
                "player",
                a,
                a.plusSeconds(60),
                false,
                new Step("bedrock", "0.010000", null, "b"),
                new Step("bedrock", "0.010000", null, null));
        // R4: left at boarding yesterday.
        ride(connection, "player", b, b, false, new Step("bedrock", "0.005000", null, null));
        // R5: boarded yesterday, moved ten minutes ago: not abandoned; chose 3rd at boarding.
        ride(
                connection,
                "player",
                b,
                now.minus(Duration.ofMinutes(10)),
                false,
                new Step("offline", "0", null, "c"),
                new Step("offline", "0", null, null));
        // The randomtest bot's ride: expensive, completed, chose 4th: must count nowhere.
        ride(
                connection,
                "randomtest",
                b,
                b,
                true,
                new Step("offline", "5.000000", null, "d"),
                new Step("offline", "5.000000", null, "d"),
                new Step("offline", "5.000000", "x: y", null));
        // A player's ride from forty days ago: outside the 30-day period.
        Instant old = now.minus(Duration.ofDays(40));
        ride(
                connection,
                "player",
                old,
                old,
                true,
                new Step("bedrock", "1.000000", null, "a"),
                new Step("bedrock", "1.000000", null, null));
    }

    private record Step(String provider, String cost, String fallbackReason, String chosen) {}

    private static void ride(
            Connection connection, String source, Instant boarded, Instant moved, boolean ended, Step... steps)
            throws SQLException {
        String id = UUID.randomUUID().toString();
        try (PreparedStatement ride = connection.prepareStatement("""
                insert into ride (id, owner_hash, seed, language, ended, stops, created_at, updated_at, source)
                values (?, ?, 1, 'en', ?, ?, ?, ?, ?)""")) {
            ride.setString(1, id);
            ride.setString(2, "0".repeat(64));
            ride.setBoolean(3, ended);
            ride.setInt(4, steps.length);
            ride.setObject(5, utc(boarded));
            ride.setObject(6, utc(moved));
            ride.setString(7, source);
            ride.executeUpdate();
        }
        for (int stop = 0; stop < steps.length; stop++) {
            Step step = steps[stop];
            boolean last = stop == steps.length - 1;
            try (PreparedStatement passage = connection.prepareStatement("""
                    insert into passage (ride_id, stop, body, summary, ending, chosen_id, provider, model,
                                         input_tokens, output_tokens, cost_usd, latency_ms, attempts,
                                         fallback_reason, created_at)
                    values (?, ?, 'A passage.', 'A summary.', ?, ?, ?, 'm', 10, 10, ?, 5, 1, ?, ?)""")) {
                passage.setString(1, id);
                passage.setInt(2, stop);
                passage.setBoolean(3, last && ended);
                passage.setString(4, step.chosen());
                passage.setString(5, step.provider());
                passage.setBigDecimal(6, new BigDecimal(step.cost()));
                passage.setString(7, step.fallbackReason());
                passage.setObject(8, utc(boarded));
                passage.executeUpdate();
            }
            if (last && ended) {
                continue;
            }
            try (PreparedStatement choice = connection.prepareStatement(
                    "insert into choice (ride_id, stop, id, position, label) values (?, ?, ?, ?, ?)")) {
                String[] ids = {"a", "b", "c", "d"};
                for (int position = 0; position < ids.length; position++) {
                    choice.setString(1, id);
                    choice.setInt(2, stop);
                    choice.setString(3, ids[position]);
                    choice.setInt(4, position);
                    choice.setString(5, "Choice " + ids[position]);
                    choice.addBatch();
                }
                choice.executeBatch();
            }
        }
    }

    private static Instant noon(LocalDate day) {
        return day.atTime(LocalTime.NOON).toInstant(ZoneOffset.UTC);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
