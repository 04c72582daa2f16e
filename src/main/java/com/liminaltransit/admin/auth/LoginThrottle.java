package com.liminaltransit.admin.auth;

import com.liminaltransit.persistence.Database;
import com.liminaltransit.persistence.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperties;

/**
 * Decides, before any password is checked, whether a sign-in may be checked at all, and counts it in the same step.
 * An attempt first claims its username and its client address (a row each in {@code admin_login_claim}, in the
 * database so every server sees it): while one attempt holds either, another for the same name or from the same
 * address is turned away at once, so a burst of guesses costs one bcrypt check at a time, not forty at once. The
 * holder then, in one transaction that locks its claims, counts the failures of the window and, if under the
 * limits, writes its own failure rows before the password is checked; a success deletes them again. So racing
 * attempts can never all pass a check made before any of them was counted.
 *
 * <p>Past {@code failures-per-user}, a username is locked for the window, except that the writer's correct password
 * from an address they signed in from before (within {@code known-address-life}) is still checked: a stranger's
 * guesses cannot lock a writer out of the room from where they work, and the stranger still has five guesses per
 * window. Past {@code failures-per-address}, the address is refused whoever it tries. Unknown usernames are counted
 * like real ones, so a refusal tells nothing.
 */
@ApplicationScoped
class LoginThrottle {

    /** What a failure and a claim are counted against; stored in the {@code scope} columns. */
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

    /** What {@link #admit} decided. */
    sealed interface Admission {}

    /**
     * The password may be checked; the attempt is already counted as a failure and holds the claims until
     * {@link #succeeded} or {@link #failed}.
     *
     * @param attempt     the attempt's random id
     * @param username    the normalised username
     * @param address     the client address
     * @param throughLock whether the username is locked and this attempt passes as coming from a known address
     */
    record Admitted(String attempt, String username, String address, boolean throughLock) implements Admission {}

    /** Another attempt for this username or from this address is being checked right now. */
    record Busy() implements Admission {}

    /** Too many failures: no check until {@code until}. */
    record Refused(Instant until) implements Admission {}

    private final DataSource dataSource;
    private final LoginLimits limits;
    private final Clock clock;

    @Inject
    LoginThrottle(Database database, @ConfigProperties LoginLimits limits, Clock clock) {
        this.dataSource = database.dataSource();
        this.limits = limits;
        this.clock = clock;
        requirePositive("liminal.admin.login.failures-per-user", limits.failuresPerUser());
        requirePositive("liminal.admin.login.failures-per-address", limits.failuresPerAddress());
        requirePositive("liminal.admin.login.failure-window", limits.failureWindow());
        requirePositive("liminal.admin.login.attempt-lease", limits.attemptLease());
        if (limits.knownAddressLife().isNegative()) {
            throw new IllegalStateException("liminal.admin.login.known-address-life must not be negative (0: off)");
        }
    }

    /**
     * Claims the username and the address, then checks the limits and counts the attempt, in that order and
     * before any password is checked. Anything but {@link Admitted} holds no claim.
     *
     * @param username a {@link Usernames#normalise normalised} name
     */
    Admission admit(String username, String address) {
        String user = subject(username);
        String from = subject(address);
        String attempt = Tokens.random();
        Instant now = clock.instant();
        if (!claim(Scope.USER, user, attempt, now)) {
            return new Busy();
        }
        if (!claim(Scope.ADDRESS, from, attempt, now)) {
            release(Scope.USER, user, attempt);
            return new Busy();
        }
        Admission admission;
        try {
            admission = Jdbc.inTransaction(dataSource, connection -> countIn(connection, user, from, attempt, now));
        } catch (RuntimeException e) {
            releaseBoth(user, from, attempt);
            throw e;
        }
        if (!(admission instanceof Admitted)) {
            releaseBoth(user, from, attempt);
        }
        return admission;
    }

    /** The one step that decides and counts: it locks the attempt's claims, so no other attempt counts meanwhile. */
    private Admission countIn(Connection connection, String user, String from, String attempt, Instant now)
            throws SQLException {
        if (!stillHolds(connection, Scope.USER, user, attempt)
                || !stillHolds(connection, Scope.ADDRESS, from, attempt)) {
            return new Busy();
        }
        Instant windowStart = now.minus(limits.failureWindow());
        try (PreparedStatement purge =
                connection.prepareStatement("delete from admin_login_failure where failed_at < ?")) {
            purge.setObject(1, utc(windowStart));
            purge.executeUpdate();
        }
        Optional<Instant> addressUntil = until(connection, Scope.ADDRESS, from, limits.failuresPerAddress(), now);
        Optional<Instant> userUntil = until(connection, Scope.USER, user, limits.failuresPerUser(), now);
        boolean throughLock = false;
        if (userUntil.isPresent() && addressUntil.isEmpty() && known(connection, user, from, now)) {
            userUntil = Optional.empty();
            throughLock = true;
        }
        if (addressUntil.isPresent() || userUntil.isPresent()) {
            Instant until = later(addressUntil, userUntil);
            return new Refused(until);
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into admin_login_failure (scope, subject, failed_at, attempt, address)
                values (?, ?, ?, ?, ?)""")) {
            for (Scope scope : Scope.values()) {
                insert.setString(1, scope.column);
                insert.setString(2, scope == Scope.USER ? user : from);
                insert.setObject(3, utc(now));
                insert.setString(4, attempt);
                insert.setString(5, from);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        return new Admitted(attempt, user, from, throughLock);
    }

    /** The password was wrong: the attempt stays counted; the claims are let go. */
    void failed(Admitted attempt) {
        releaseBoth(attempt.username(), attempt.address(), attempt.attempt());
    }

    /**
     * The password was right: the attempt's own failure rows go, and so do the writer's earlier failures from this
     * address (their own typos); failures from elsewhere stay counted, so a stranger's guesses still lock the name
     * for the window. The address is remembered as one this writer signs in from.
     */
    void succeeded(Admitted attempt) {
        Instant now = clock.instant();
        try {
            Jdbc.inTransaction(dataSource, connection -> {
                try (PreparedStatement delete =
                        connection.prepareStatement("delete from admin_login_failure where attempt = ?")) {
                    delete.setString(1, attempt.attempt());
                    delete.executeUpdate();
                }
                try (PreparedStatement delete = connection.prepareStatement(
                        "delete from admin_login_failure where scope = ? and subject = ? and address = ?")) {
                    delete.setString(1, Scope.USER.column);
                    delete.setString(2, attempt.username());
                    delete.setString(3, attempt.address());
                    delete.executeUpdate();
                }
                remember(connection, attempt.username(), attempt.address(), now);
                return null;
            });
        } finally {
            releaseBoth(attempt.username(), attempt.address(), attempt.attempt());
        }
    }

    private void remember(Connection connection, String user, String from, Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "update admin_known_address set signed_in_at = ? where username = ? and address = ?")) {
            update.setObject(1, utc(now));
            update.setString(2, user);
            update.setString(3, from);
            if (update.executeUpdate() == 1) {
                return;
            }
        }
        // The user claim is held, so no other sign-in of this writer inserts the same row meanwhile.
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into admin_known_address (username, address, signed_in_at) values (?, ?, ?)")) {
            insert.setString(1, user);
            insert.setString(2, from);
            insert.setObject(3, utc(now));
            insert.executeUpdate();
        }
    }

    private boolean known(Connection connection, String user, String from, Instant now) throws SQLException {
        if (limits.knownAddressLife().isZero()) {
            return false;
        }
        try (PreparedStatement query = connection.prepareStatement(
                "select count(*) from admin_known_address where username = ? and address = ? and signed_in_at > ?")) {
            query.setString(1, user);
            query.setString(2, from);
            query.setObject(3, utc(now.minus(limits.knownAddressLife())));
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getInt(1) > 0;
            }
        }
    }

    private Optional<Instant> until(Connection connection, Scope scope, String subject, int limit, Instant now)
            throws SQLException {
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

    /** Takes the claim; an abandoned one (older than the lease) is taken over by an atomic update. */
    private boolean claim(Scope scope, String subject, String attempt, Instant now) {
        try {
            return Jdbc.inTransaction(dataSource, connection -> {
                try (PreparedStatement insert = connection.prepareStatement(
                        "insert into admin_login_claim (scope, subject, attempt, claimed_at) values (?, ?, ?, ?)")) {
                    insert.setString(1, scope.column);
                    insert.setString(2, subject);
                    insert.setString(3, attempt);
                    insert.setObject(4, utc(now));
                    return insert.executeUpdate() == 1;
                }
            });
        } catch (Jdbc.DuplicateKeyException held) {
            return Jdbc.inTransaction(dataSource, connection -> {
                try (PreparedStatement update = connection.prepareStatement("""
                        update admin_login_claim set attempt = ?, claimed_at = ?
                        where scope = ? and subject = ? and claimed_at < ?""")) {
                    update.setString(1, attempt);
                    update.setObject(2, utc(now));
                    update.setString(3, scope.column);
                    update.setString(4, subject);
                    update.setObject(5, utc(now.minus(limits.attemptLease())));
                    return update.executeUpdate() == 1;
                }
            });
        }
    }

    private static boolean stillHolds(Connection connection, Scope scope, String subject, String attempt)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "select attempt from admin_login_claim where scope = ? and subject = ? for update")) {
            query.setString(1, scope.column);
            query.setString(2, subject);
            try (ResultSet row = query.executeQuery()) {
                return row.next() && attempt.equals(row.getString(1));
            }
        }
    }

    private void releaseBoth(String user, String from, String attempt) {
        try {
            release(Scope.ADDRESS, from, attempt);
        } finally {
            release(Scope.USER, user, attempt);
        }
    }

    private void release(Scope scope, String subject, String attempt) {
        Jdbc.inTransaction(dataSource, connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "delete from admin_login_claim where scope = ? and subject = ? and attempt = ?")) {
                delete.setString(1, scope.column);
                delete.setString(2, subject);
                delete.setString(3, attempt);
                return delete.executeUpdate();
            }
        });
    }

    private static Instant later(Optional<Instant> a, Optional<Instant> b) {
        if (a.isPresent() && b.isPresent()) {
            return a.get().isAfter(b.get()) ? a.get() : b.get();
        }
        return a.isPresent() ? a.get() : b.orElseThrow();
    }

    private static String subject(String value) {
        String subject = value == null ? "" : value;
        return subject.length() <= Usernames.MAX_LENGTH ? subject : subject.substring(0, Usernames.MAX_LENGTH);
    }

    private static void requirePositive(String key, int value) {
        if (value < 1) {
            throw new IllegalStateException(key + " must be at least 1, was " + value);
        }
    }

    private static void requirePositive(String key, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalStateException(key + " must be longer than 0, was " + value);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
