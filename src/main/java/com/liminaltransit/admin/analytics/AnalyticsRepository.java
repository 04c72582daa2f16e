package com.liminaltransit.admin.analytics;

import com.liminaltransit.persistence.Database;
import com.liminaltransit.persistence.Jdbc;
import com.liminaltransit.story.RideSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * What players did, read from the ride tables in SQL that H2 (PostgreSQL mode) and PostgreSQL both run. Only
 * players' rides count: rides of the randomtest bot ({@code ride.source = 'randomtest'}) are left out everywhere.
 * Days are UTC calendar days of boarding.
 */
@ApplicationScoped
public class AnalyticsRepository {

    /** Players' rides only; the value comes from the enum, never from a request. */
    private static final String PLAYERS = "r.source = '" + RideSource.PLAYER.column() + "'";

    private final DataSource dataSource;

    @Inject
    AnalyticsRepository(Database database) {
        this(database.dataSource());
    }

    AnalyticsRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Rides boarded and completed per day since {@code since}, oldest first. */
    List<DayCompletion> completionByDay(Instant since) {
        return query(
                """
                select cast(r.created_at as date) as boarded_on, count(*),
                       sum(case when r.ended then 1 else 0 end)
                from ride r where %s and r.created_at >= ?
                group by cast(r.created_at as date) order by boarded_on""".formatted(PLAYERS),
                since,
                row -> new DayCompletion(row.getObject(1, LocalDate.class), row.getInt(2), row.getInt(3)));
    }

    /**
     * Rides that stopped moving: not ended and untouched since {@code idleBefore}, counted by the stop they were
     * left at (the open stop, from 0), among rides boarded since {@code since}.
     */
    List<StopCount> abandonedByStop(Instant since, Instant idleBefore) {
        return query("""
                select r.stops - 1 as stop, count(*)
                from ride r where %s and r.created_at >= ? and not r.ended and r.updated_at < ?
                group by r.stops - 1 order by stop""".formatted(PLAYERS), since, idleBefore, row -> new StopCount(row.getInt(1), row.getInt(2)));
    }

    /** How often the first, second, third or fourth offered choice was taken, per stop. */
    List<ChoiceCount> choicesByStop(Instant since) {
        return query(
                """
                select p.stop, c.position, count(*)
                from passage p
                join ride r on r.id = p.ride_id
                join choice c on c.ride_id = p.ride_id and c.stop = p.stop and c.id = p.chosen_id
                where %s and r.created_at >= ? and p.chosen_id is not null
                group by p.stop, c.position order by p.stop, c.position""".formatted(PLAYERS), since, row -> new ChoiceCount(row.getInt(1), row.getInt(2), row.getInt(3)));
    }

    /** Passages written per provider, and how many of them came after another provider failed. */
    List<ProviderCount> providerMix(Instant since) {
        return query(
                """
                select p.provider, count(*), sum(case when p.fallback_reason is not null then 1 else 0 end)
                from passage p join ride r on r.id = p.ride_id
                where %s and r.created_at >= ?
                group by p.provider order by count(*) desc, p.provider""".formatted(PLAYERS),
                since,
                row -> new ProviderCount(row.getString(1), row.getInt(2), row.getInt(3)));
    }

    /** What each ride cost (all its passages), with its length and whether it ended. */
    List<RideCost> costPerRide(Instant since) {
        return query(
                """
                select r.id, cast(r.created_at as date), r.ended, count(*), sum(p.cost_usd)
                from ride r join passage p on p.ride_id = r.id
                where %s and r.created_at >= ?
                group by r.id, cast(r.created_at as date), r.ended
                order by r.id""".formatted(PLAYERS),
                since,
                row -> new RideCost(
                        row.getString(1),
                        row.getObject(2, LocalDate.class),
                        row.getBoolean(3),
                        row.getInt(4),
                        row.getBigDecimal(5)));
    }

    /** A row mapper that may throw. */
    @FunctionalInterface
    private interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private <T> List<T> query(String sql, Object first, RowMapper<T> mapper) {
        return query(sql, new Object[] {first}, mapper);
    }

    private <T> List<T> query(String sql, Object first, Object second, RowMapper<T> mapper) {
        return query(sql, new Object[] {first, second}, mapper);
    }

    private <T> List<T> query(String sql, Object[] parameters, RowMapper<T> mapper) {
        return Jdbc.read(dataSource, (Connection connection) -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    Object value = parameters[i] instanceof Instant instant
                            ? (Object) OffsetDateTime.ofInstant(instant, ZoneOffset.UTC)
                            : parameters[i];
                    statement.setObject(i + 1, value);
                }
                List<T> rows = new ArrayList<>();
                try (ResultSet row = statement.executeQuery()) {
                    while (row.next()) {
                        rows.add(mapper.map(row));
                    }
                }
                return rows;
            }
        });
    }

    /** Rides boarded on a day, and how many of them reached their terminus. */
    public record DayCompletion(LocalDate day, int started, int completed) {}

    /** Rides left at a stop. */
    public record StopCount(int stop, int rides) {}

    /** Times the choice at {@code position} (from 0) was taken at {@code stop}. */
    public record ChoiceCount(int stop, int position, int count) {}

    /** Passages a provider wrote, of which {@code fallbacks} after an earlier provider failed. */
    public record ProviderCount(String provider, int passages, int fallbacks) {}

    /** One ride's cost. */
    public record RideCost(String rideId, LocalDate day, boolean ended, int stops, BigDecimal costUsd) {}
}
