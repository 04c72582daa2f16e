package com.liminaltransit.admin.auth;

import com.liminaltransit.persistence.Database;
import com.liminaltransit.persistence.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Counts failed sign-ins per username tried and per client address over a sliding window, in the database (so
 * every server counts the same). Past the limit a sign-in is refused before its password is even checked, until
 * the oldest failure leaves the window. Unknown usernames are counted like real ones, so a refusal tells nothing.
 */
@ApplicationScoped
class LoginThrottle {

    private static final String USER = "user";
    private static final String ADDRESS = "address";

    private final DataSource dataSource;
    private final AdminSettings settings;

    @Inject
    LoginThrottle(Database database, AdminSettings settings) {
        this.dataSource = database.dataSource();
        this.settings = settings;
    }

    /** When this user or address may try again, or empty if it may try now. */
    Optional<Instant> refusedUntil(String username, String address) {
        Instant now = Instant.now();
        return Jdbc.read(dataSource, connection -> {
            Optional<Instant> user = until(connection, USER, subject(username), settings.failuresPerUser(), now);
            Optional<Instant> from = until(connection, ADDRESS, subject(address), settings.failuresPerAddress(), now);
            if (user.isPresent() && from.isPresent()) {
                return Optional.of(user.get().isAfter(from.get()) ? user.get() : from.get());
            }
            return user.isPresent() ? user : from;
        });
    }

    private Optional<Instant> until(
            java.sql.Connection connection, String scope, String subject, int limit, Instant now)
            throws java.sql.SQLException {
        try (PreparedStatement query = connection.prepareStatement("""
                select count(*), min(failed_at) from admin_login_failure
                where scope = ? and subject = ? and failed_at > ?""")) {
            query.setString(1, scope);
            query.setString(2, subject);
            query.setObject(3, utc(now.minus(settings.failureWindow())));
            try (ResultSet row = query.executeQuery()) {
                row.next();
                if (row.getInt(1) < limit) {
                    return Optional.empty();
                }
                return Optional.of(
                        row.getObject(2, OffsetDateTime.class).toInstant().plus(settings.failureWindow()));
            }
        }
    }

    /** Counts a failed sign-in against the username tried and the address it came from. */
    void failed(String username, String address) {
        Instant now = Instant.now();
        Jdbc.inTransaction(dataSource, connection -> {
            try (PreparedStatement purge =
                    connection.prepareStatement("delete from admin_login_failure where failed_at < ?")) {
                purge.setObject(1, utc(now.minus(settings.failureWindow())));
                purge.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into admin_login_failure (scope, subject, failed_at) values (?, ?, ?)")) {
                for (String[] row : new String[][] {{USER, subject(username)}, {ADDRESS, subject(address)}}) {
                    insert.setString(1, row[0]);
                    insert.setString(2, row[1]);
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
                delete.setString(1, USER);
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
