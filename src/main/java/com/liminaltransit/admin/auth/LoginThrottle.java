package com.liminaltransit.admin.auth;

import com.liminaltransit.persistence.Database;
import com.liminaltransit.persistence.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperties;

/**
 * Counts failed sign-ins per username tried and per client address over a sliding window, in the database (so
 * every server counts the same). Past the limit a sign-in is refused before its password is even checked, until
 * the oldest failure leaves the window. Unknown usernames are counted like real ones, so a refusal tells nothing.
 */
@ApplicationScoped
class LoginThrottle {

    /** What a failure is counted against; stored in {@code admin_login_failure.scope}. */
    enum Scope {
        /** The username tried. */
        USER("user"),
        /** The client address it came from. */
        ADDRESS("address");

        private final String column;

        Scope(String column) {
            this.column = column;
        }
    }

    private final DataSource dataSource;
    private final LoginLimits limits;
    private final Clock clock;

    @Inject
    LoginThrottle(Database database, @ConfigProperties LoginLimits limits, Clock clock) {
        this.dataSource = database.dataSource();
        this.limits = limits;
        this.clock = clock;
    }

    /** When this user or address may try again, or empty if it may try now. */
    Optional<Instant> refusedUntil(String username, String address) {
        Instant now = clock.instant();
        return Jdbc.read(dataSource, connection -> {
            Optional<Instant> user = until(connection, Scope.USER, subject(username), limits.failuresPerUser(), now);
            Optional<Instant> from =
                    until(connection, Scope.ADDRESS, subject(address), limits.failuresPerAddress(), now);
            if (user.isPresent() && from.isPresent()) {
                return Optional.of(user.get().isAfter(from.get()) ? user.get() : from.get());
            }
            return user.isPresent() ? user : from;
        });
    }

    private Optional<Instant> until(java.sql.Connection connection, Scope scope, String subject, int limit, Instant now)
            throws java.sql.SQLException {
        try (PreparedStatement query = connection.prepareStatement("""
                select count(*), min(failed_at) from admin_login_failure
                where scope = ? and subject = ? and failed_at > ?""")) {
            query.setString(1, scope.column);
            query.setString(2, subject);
            query.setObject(3, utc(now.minus(limits.failureWindow())));
            try (ResultSet row = query.executeQuery()) {
                row.next();
                if (row.getInt(1) < limit) {
                    return Optional.empty();
                }
                return Optional.of(
                        row.getObject(2, OffsetDateTime.class).toInstant().plus(limits.failureWindow()));
            }
        }
    }

    /** Counts a failed sign-in against the username tried and the address it came from. */
    void failed(String username, String address) {
        Instant now = clock.instant();
        Jdbc.inTransaction(dataSource, connection -> {
            try (PreparedStatement purge =
                    connection.prepareStatement("delete from admin_login_failure where failed_at < ?")) {
                purge.setObject(1, utc(now.minus(limits.failureWindow())));
                purge.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into admin_login_failure (scope, subject, failed_at) values (?, ?, ?)")) {
                for (Map.Entry<Scope, String> row : Map.of(
                                Scope.USER, subject(username), Scope.ADDRESS, subject(address))
                        .entrySet()) {
                    insert.setString(1, row.getKey().column);
                    insert.setString(2, row.getValue());
                    insert.setObject(3, utc(now));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
    }

    /** A successful sign-in clears the user's count (not the address's). */
    void succeeded(String username) {
        Jdbc.inTransaction(dataSource, connection -> {
            try (PreparedStatement delete =
                    connection.prepareStatement("delete from admin_login_failure where scope = ? and subject = ?")) {
                delete.setString(1, Scope.USER.column);
                delete.setString(2, subject(username));
                delete.executeUpdate();
            }
            return null;
        });
    }

    private static String subject(String value) {
        String subject = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        return subject.length() <= 128 ? subject : subject.substring(0, 128);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
