package com.liminaltransit.story;

import com.liminaltransit.persistence.Database;
import com.liminaltransit.persistence.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who may write the next stop of a ride: one claim per open stop, kept in the database so it holds across servers.
 * Only the holder asks the narrator, so racing twins of one choice make one paid call; the others wait for the stop
 * it writes. A claim older than {@code liminal.story.claim-timeout} was left by a server that died mid-call and can
 * be taken over.
 */
@ApplicationScoped
class StopClaims {

    private final DataSource dataSource;
    private final Clock clock;
    private final Duration timeout;

    @Inject
    StopClaims(
            Database database,
            Clock clock,
            @ConfigProperty(name = "liminal.story.claim-timeout", defaultValue = "45s") Duration timeout) {
        this.dataSource = database.dataSource();
        this.clock = clock;
        this.timeout = timeout;
    }

    /** Built at start-up, so a malformed {@code liminal.story.claim-timeout} stops the server instead of a ride. */
    void checkedAtStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // Nothing to do: observing the event makes CDI construct this bean, which reads its setting.
    }

    /** How long a claim holds, and so how long a twin waits for the stop at most. */
    Duration timeout() {
        return timeout;
    }

    /** Takes the claim on {@code stop} of a ride for {@code choiceId}; false when another request holds it. */
    boolean claim(String rideId, int stop, String choiceId) {
        Instant now = clock.instant();
        try {
            return Jdbc.inTransaction(dataSource, connection -> {
                try (PreparedStatement insert = connection.prepareStatement(
                        "insert into stop_claim (ride_id, stop, choice_id, claimed_at) values (?, ?, ?, ?)")) {
                    insert.setString(1, rideId);
                    insert.setInt(2, stop);
                    insert.setString(3, choiceId);
                    insert.setObject(4, utc(now));
                    return insert.executeUpdate() == 1;
                }
            });
        } catch (Jdbc.DuplicateKeyException held) {
            return takeOverAbandoned(rideId, stop, choiceId, now);
        }
    }

    /** A claim older than the timeout is taken over; the update is atomic, so only one taker wins it. */
    private boolean takeOverAbandoned(String rideId, int stop, String choiceId, Instant now) {
        return Jdbc.inTransaction(dataSource, connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "update stop_claim set choice_id = ?, claimed_at = ? where ride_id = ? and stop = ?"
                            + " and claimed_at < ?")) {
                update.setString(1, choiceId);
                update.setObject(2, utc(now));
                update.setString(3, rideId);
                update.setInt(4, stop);
                update.setObject(5, utc(now.minus(timeout)));
                return update.executeUpdate() == 1;
            }
        });
    }

    /** Whether someone holds a live claim on {@code stop} of a ride, that is, is writing the stop after it. */
    boolean held(String rideId, int stop) {
        Instant now = clock.instant();
        return Jdbc.inTransaction(dataSource, connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "select count(*) from stop_claim where ride_id = ? and stop = ? and claimed_at >= ?")) {
                select.setString(1, rideId);
                select.setInt(2, stop);
                select.setObject(3, utc(now.minus(timeout)));
                try (var rows = select.executeQuery()) {
                    return rows.next() && rows.getInt(1) > 0;
                }
            }
        });
    }

    /** The holder is done (the stop is written, or writing it failed): others may go on. */
    void release(String rideId, int stop) {
        Jdbc.inTransaction(dataSource, connection -> {
            try (PreparedStatement delete =
                    connection.prepareStatement("delete from stop_claim where ride_id = ? and stop = ?")) {
                delete.setString(1, rideId);
                delete.setInt(2, stop);
                return delete.executeUpdate();
            }
        });
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
