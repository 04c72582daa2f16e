package com.liminaltransit.throttle;

import com.liminaltransit.persistence.Database;
import com.liminaltransit.persistence.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Token buckets in the database. Taking is all or nothing across the buckets of one request (the player's and
 * the address's), in one transaction with the rows locked, so two servers cannot both spend the last token.
 */
@ApplicationScoped
class TokenBuckets {

    /** One bucket to draw a token from. */
    record Draw(String key, RateLimit limit) {}

    private final DataSource dataSource;

    @Inject
    TokenBuckets(Database database) {
        this.dataSource = database.dataSource();
    }

    /**
     * Takes one token from every bucket, or from none.
     *
     * @return empty when allowed; otherwise how long until every bucket has a token again
     */
    Optional<Duration> take(List<Draw> draws, Instant now) {
        try {
            return attempt(draws, now);
        } catch (Jdbc.DuplicateKeyException firstUseRace) {
            // Another server created the same new bucket at the same moment: its row exists now.
            return attempt(draws, now);
        }
    }

    private Optional<Duration> attempt(List<Draw> draws, Instant now) {
        return Jdbc.inTransaction(dataSource, connection -> {
            double[] tokens = new double[draws.size()];
            Duration wait = Duration.ZERO;
            for (int i = 0; i < draws.size(); i++) {
                Draw draw = draws.get(i);
                tokens[i] = refilled(connection, draw, now);
                if (tokens[i] < 1) {
                    double seconds = (1 - tokens[i]) / draw.limit().refillPerSecond();
                    wait = max(wait, Duration.ofMillis((long) Math.ceil(seconds * 1000)));
                }
            }
            boolean allowed = wait.isZero();
            for (int i = 0; i < draws.size(); i++) {
                store(connection, draws.get(i).key(), allowed ? tokens[i] - 1 : tokens[i], now);
            }
            return allowed ? Optional.<Duration>empty() : Optional.of(wait);
        });
    }

    /** The bucket's tokens now (locked for this transaction); a new bucket starts full. */
    private static double refilled(Connection connection, Draw draw, Instant now) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select tokens, refilled_at from rate_bucket where bucket_key = ? for update")) {
            select.setString(1, draw.key());
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    try (PreparedStatement insert = connection.prepareStatement(
                            "insert into rate_bucket (bucket_key, tokens, refilled_at) values (?, ?, ?)")) {
                        insert.setString(1, draw.key());
                        insert.setDouble(2, draw.limit().capacity());
                        insert.setObject(3, now.atOffset(ZoneOffset.UTC));
                        insert.executeUpdate();
                    }
                    return draw.limit().capacity();
                }
                Instant last = row.getObject(2, OffsetDateTime.class).toInstant();
                double elapsed = Math.max(0, Duration.between(last, now).toMillis() / 1000.0);
                return Math.min(
                        draw.limit().capacity(),
                        row.getDouble(1) + elapsed * draw.limit().refillPerSecond());
            }
        }
    }

    private static void store(Connection connection, String key, double tokens, Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "update rate_bucket set tokens = ?, refilled_at = ? where bucket_key = ?")) {
            update.setDouble(1, tokens);
            update.setObject(2, now.atOffset(ZoneOffset.UTC));
            update.setString(3, key);
            update.executeUpdate();
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
