package com.liminaltransit.admin.ridebot;

import com.liminaltransit.persistence.Database;
import com.liminaltransit.persistence.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Ride-bot runs in the database ({@code ridebot_run}, V54), so the rule "one queued or running run per writer" and
 * cancelling hold on every server: a run is active from the moment it is queued until it ends, and the unique
 * {@code active_writer} column lets a writer have one active run. A run checks between rides whether it is still
 * active, so a cancel sent to any server stops it.
 */
@ApplicationScoped
class RideBotRunStore {

    /** Where a stored run stands; the {@code state} column. */
    enum State {
        /** Queued or playing. */
        ACTIVE("active"),
        /** Played all its rides. */
        FINISHED("finished"),
        /** Cancelled by a writer. */
        CANCELLED("cancelled"),
        /** Stopped by an error, or its server stopped. */
        FAILED("failed");

        private final String column;

        State(String column) {
            this.column = column;
        }

        static State of(String column) {
            for (State state : values()) {
                if (state.column.equals(column)) {
                    return state;
                }
            }
            throw new IllegalStateException("unknown ridebot_run state " + column);
        }
    }

    /** A run as stored. */
    record StoredRun(String id, String startedBy, int rides, long seed, Instant startedAt, State state) {}

    /** The writer already has a run queued or playing. */
    static final class AlreadyActive extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Optional<StoredRun> active;

        AlreadyActive(Optional<StoredRun> active) {
            super("the writer already has an active randomtest run");
            this.active = active;
        }

        /** The run that is active (empty if it ended in the meantime). */
        Optional<StoredRun> active() {
            return active;
        }
    }

    private final DataSource dataSource;

    @Inject
    RideBotRunStore(Database database) {
        this.dataSource = database.dataSource();
    }

    /**
     * Records a new active run.
     *
     * @param budgetOverrideBy the writer who confirmed starting it past the day's AI budget, or {@code null}
     * @throws AlreadyActive when the writer already has an active run
     */
    void start(String id, String writer, int rides, long seed, Long variantId, String budgetOverrideBy, Instant now) {
        try {
            Jdbc.inTransaction(dataSource, connection -> {
                try (PreparedStatement insert = connection.prepareStatement("""
                        insert into ridebot_run (id, started_by, rides, seed, variant_id, state, active_writer,
                            started_at, budget_override_by, budget_override_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                    insert.setString(1, id);
                    insert.setString(2, writer);
                    insert.setInt(3, rides);
                    insert.setLong(4, seed);
                    if (variantId == null) {
                        insert.setNull(5, Types.BIGINT);
                    } else {
                        insert.setLong(5, variantId);
                    }
                    insert.setString(6, State.ACTIVE.column);
                    insert.setString(7, writer);
                    insert.setObject(8, utc(now));
                    insert.setString(9, budgetOverrideBy);
                    if (budgetOverrideBy == null) {
                        insert.setNull(10, Types.TIMESTAMP_WITH_TIMEZONE);
                    } else {
                        insert.setObject(10, utc(now));
                    }
                    return insert.executeUpdate();
                }
            });
        } catch (Jdbc.DuplicateKeyException taken) {
            throw new AlreadyActive(activeOf(writer));
        }
    }

    /** The writer's active run, if any. */
    Optional<StoredRun> activeOf(String writer) {
        return one("where active_writer = ?", writer);
    }

    /** A run by id. */
    Optional<StoredRun> find(String id) {
        return one("where id = ?", id);
    }

    /** Whether the run is still active (not cancelled from any server). */
    boolean active(String id) {
        return find(id).map(run -> run.state() == State.ACTIVE).orElse(false);
    }

    /**
     * Ends an active run as {@code state} (its writer may start another).
     *
     * @param cancelledBy who cancelled it, for {@link State#CANCELLED}; else {@code null}
     * @return {@code false} when it was not active
     */
    boolean end(String id, State state, String cancelledBy, Instant now) {
        return Jdbc.inTransaction(dataSource, connection -> {
            try (PreparedStatement update = connection.prepareStatement("""
                    update ridebot_run set state = ?, active_writer = null, ended_at = ?, cancelled_by = ?
                    where id = ? and state = ?""")) {
                update.setString(1, state.column);
                update.setObject(2, utc(now));
                update.setString(3, cancelledBy);
                update.setString(4, id);
                update.setString(5, State.ACTIVE.column);
                return update.executeUpdate() == 1;
            }
        });
    }

    private Optional<StoredRun> one(String where, String value) {
        return Jdbc.read(dataSource, connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "select id, started_by, rides, seed, started_at, state from ridebot_run " + where)) {
                query.setString(1, value);
                try (ResultSet row = query.executeQuery()) {
                    return row.next() ? Optional.of(run(row)) : Optional.<StoredRun>empty();
                }
            }
        });
    }

    private static StoredRun run(ResultSet row) throws SQLException {
        return new StoredRun(
                row.getString(1),
                row.getString(2),
                row.getInt(3),
                row.getLong(4),
                row.getObject(5, OffsetDateTime.class).toInstant(),
                State.of(row.getString(6)));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
