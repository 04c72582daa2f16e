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
import java.util.Optional;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperties;

/**
 * Writers' sessions, kept in the database so every server behind the load balancer knows them. The cookie holds a
 * random id; the table holds only its SHA-256, so a leaked table opens no session. A session ends after
 * {@code liminal.admin.session.idle} without a request, {@code liminal.admin.session.absolute} after sign-in, or
 * at logout.
 */
@ApplicationScoped
public class AdminSessions {

    private final DataSource dataSource;
    private final SessionLimits limits;
    private final Clock clock;

    @Inject
    AdminSessions(Database database, @ConfigProperties SessionLimits limits, Clock clock) {
        this.dataSource = database.dataSource();
        this.limits = limits;
        this.clock = clock;
    }

    /** A new session for {@code username}, with a fresh random id and CSRF token; returns the cookie value. */
    String open(String username) {
        String id = Tokens.random();
        Instant now = clock.instant();
        Jdbc.inTransaction(dataSource, connection -> {
            try (PreparedStatement purge =
                    connection.prepareStatement("delete from admin_session where last_seen_at < ? or created_at < ?")) {
                purge.setObject(1, utc(now.minus(limits.idleTimeout())));
                purge.setObject(2, utc(now.minus(limits.absoluteTimeout())));
                purge.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into admin_session (id_hash, username, csrf_token, created_at, last_seen_at)
                    values (?, ?, ?, ?, ?)""")) {
                insert.setString(1, Tokens.hash(id));
                insert.setString(2, username);
                insert.setString(3, Tokens.random());
                insert.setObject(4, utc(now));
                insert.setObject(5, utc(now));
                insert.executeUpdate();
            }
            return null;
        });
        return id;
    }

    /** The live session with this cookie value, touched for the idle timeout; an expired one is deleted. */
    Optional<AdminSession> find(String cookieValue) {
        if (!Tokens.wellFormed(cookieValue)) {
            return Optional.empty();
        }
        String idHash = Tokens.hash(cookieValue);
        Instant now = clock.instant();
        return Jdbc.inTransaction(dataSource, connection -> {
            AdminSession session;
            Instant lastSeen;
            try (PreparedStatement query = connection.prepareStatement(
                    "select username, csrf_token, created_at, last_seen_at from admin_session where id_hash = ?")) {
                query.setString(1, idHash);
                try (ResultSet row = query.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    session = new AdminSession(
                            row.getString(1),
                            row.getString(2),
                            row.getObject(3, OffsetDateTime.class).toInstant());
                    lastSeen = row.getObject(4, OffsetDateTime.class).toInstant();
                }
            }
            boolean expired = lastSeen.plus(limits.idleTimeout()).isBefore(now)
                    || session.createdAt().plus(limits.absoluteTimeout()).isBefore(now);
            if (expired) {
                delete(connection, idHash);
                return Optional.empty();
            }
            try (PreparedStatement touch =
                    connection.prepareStatement("update admin_session set last_seen_at = ? where id_hash = ?")) {
                touch.setObject(1, utc(now));
                touch.setString(2, idHash);
                touch.executeUpdate();
            }
            return Optional.of(session);
        });
    }

    /** Ends the session with this cookie value on the server (logout). */
    void close(String cookieValue) {
        if (!Tokens.wellFormed(cookieValue)) {
            return;
        }
        Jdbc.inTransaction(dataSource, connection -> {
            delete(connection, Tokens.hash(cookieValue));
            return null;
        });
    }

    private static void delete(java.sql.Connection connection, String idHash) throws java.sql.SQLException {
        try (PreparedStatement delete = connection.prepareStatement("delete from admin_session where id_hash = ?")) {
            delete.setString(1, idHash);
            delete.executeUpdate();
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
