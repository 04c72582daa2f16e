package com.liminaltransit.story;

import com.liminaltransit.narrative.ChoiceOption;
import com.liminaltransit.narrative.Narrative;
import com.liminaltransit.narrative.chain.StepResult;
import com.liminaltransit.persistence.Database;
import com.liminaltransit.persistence.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * What the journey adds to the store: branches (a ride that begins as a copy of another's stops), the family of
 * rides a map draws, and the versions of a stop the player asked for again. Every write is one transaction; a
 * unique key makes each of them happen once however requests race (one branch per door, one row per version).
 */
@ApplicationScoped
class JourneyRepository {

    private final DataSource dataSource;

    @Inject
    JourneyRepository(Database database) {
        this.dataSource = database.dataSource();
    }

    // --- branches -----------------------------------------------------------------------------------------------

    /** The ride alone (no passages), or empty. */
    Optional<Ride> ride(String rideId) {
        return Jdbc.read(dataSource, connection -> StoryRepository.findRide(connection, rideId));
    }

    /** The choice made at {@code stop} of a ride, or {@code null} when it is open (or there is no such stop). */
    String chosenAt(String rideId, int stop) {
        return Jdbc.read(dataSource, connection -> {
            try (PreparedStatement query =
                    connection.prepareStatement("select chosen_id from passage where ride_id = ? and stop = ?")) {
                query.setString(1, rideId);
                query.setInt(2, stop);
                try (ResultSet row = query.executeQuery()) {
                    return row.next() ? row.getString(1) : null;
                }
            }
        });
    }

    /** The branch that took {@code choiceId} at {@code stop} of {@code parentId}, if one was made. */
    Optional<String> branchAt(String parentId, int stop, String choiceId) {
        return Jdbc.read(dataSource, connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "select id from ride where parent_id = ? and parent_stop = ? and parent_choice = ?")) {
                query.setString(1, parentId);
                query.setInt(2, stop);
                query.setString(3, choiceId);
                try (ResultSet row = query.executeQuery()) {
                    return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
                }
            }
        });
    }

    /** The branches made at {@code stop} of {@code parentId}: choice id to the branch's ride id. */
    Map<String, String> branchesAt(String parentId, int stop) {
        return Jdbc.read(dataSource, connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "select parent_choice, id from ride where parent_id = ? and parent_stop = ?")) {
                query.setString(1, parentId);
                query.setInt(2, stop);
                Map<String, String> branches = new HashMap<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        branches.put(rows.getString(1), rows.getString(2));
                    }
                }
                return branches;
            }
        });
    }

    /**
     * Makes ride {@code branchId}: the same owner, seed, language, source and variant as {@code fork.parentId()},
     * and a copy of its passages and choices {@code 0..fork.stop()}, with stop {@code fork.stop()} open. The copies
     * keep who wrote them but cost nothing here (tokens, cost, latency and calls are 0: the parent paid for them).
     * No AI call is made; the caller then answers the open stop with {@code fork.choiceId()}.
     *
     * @return {@code false} when that door already has a branch (a twin request made it): nothing was written
     */
    boolean createBranch(String branchId, Fork fork, Instant now) {
        try {
            return Jdbc.inTransaction(dataSource, connection -> {
                try (PreparedStatement insert = connection.prepareStatement("""
                        insert into ride (id, owner_hash, seed, language, ended, stops, created_at, updated_at, source,
                                          variant_id, bank_version, seen, parent_id, parent_stop, parent_choice,
                                          root_id)
                        select ?, owner_hash, seed, language, false, ?, ?, ?, source, variant_id, bank_version, seen,
                               id, ?, ?, ?
                        from ride where id = ?""")) {
                    insert.setString(1, branchId);
                    insert.setInt(2, fork.stop() + 1);
                    insert.setObject(3, StoryRepository.utc(now));
                    insert.setObject(4, StoryRepository.utc(now));
                    insert.setInt(5, fork.stop());
                    insert.setString(6, fork.choiceId());
                    insert.setString(7, fork.rootId());
                    insert.setString(8, fork.parentId());
                    if (insert.executeUpdate() != 1) {
                        throw new IllegalStateException("the ride to branch from is gone");
                    }
                }
                try (PreparedStatement copy = connection.prepareStatement("""
                        insert into passage (ride_id, stop, body, summary, ending, chosen_id, provider, model,
                                             input_tokens, output_tokens, cost_usd, latency_ms, attempts,
                                             fallback_reason, created_at, prompt_version, version, language)
                        select ?, stop, body, summary, ending, case when stop < ? then chosen_id end, provider, model,
                               0, 0, 0, 0, 0, null, created_at, prompt_version, 1, language
                        from passage where ride_id = ? and stop <= ?""")) {
                    copy.setString(1, branchId);
                    copy.setInt(2, fork.stop());
                    copy.setString(3, fork.parentId());
                    copy.setInt(4, fork.stop());
                    if (copy.executeUpdate() != fork.stop() + 1) {
                        throw new IllegalStateException("the ride to branch from lacks stops to copy");
                    }
                }
                try (PreparedStatement copy = connection.prepareStatement("""
                        insert into choice (ride_id, stop, id, position, label)
                        select ?, stop, id, position, label from choice where ride_id = ? and stop <= ?""")) {
                    copy.setString(1, branchId);
                    copy.setString(2, fork.parentId());
                    copy.setInt(3, fork.stop());
                    copy.executeUpdate();
                }
                return true;
            });
        } catch (Jdbc.DuplicateKeyException twin) {
            return false;
        }
    }

    /** Every ride of the family whose first ride is {@code rootId}, each with the stops it owns. */
    RideFamily family(String rootId) {
        return Jdbc.read(dataSource, connection -> {
            Map<String, List<RideFamily.Stop>> stops = new HashMap<>();
            Map<String, String> forkLabels = new HashMap<>();
            try (PreparedStatement query = connection.prepareStatement("""
                    select p.ride_id, p.stop, p.ending, c.label, r.parent_stop
                    from passage p join ride r on r.id = p.ride_id
                    left join choice c on c.ride_id = p.ride_id and c.stop = p.stop and c.id = p.chosen_id
                    where (r.id = ? or r.root_id = ?) and (r.parent_stop is null or p.stop >= r.parent_stop)
                    order by p.ride_id, p.stop""")) {
                query.setString(1, rootId);
                query.setString(2, rootId);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        String ride = rows.getString(1);
                        int stop = rows.getInt(2);
                        int forkStop = rows.getInt(5);
                        boolean branch = !rows.wasNull();
                        if (branch && stop == forkStop) {
                            forkLabels.put(ride, rows.getString(4));
                        } else {
                            stops.computeIfAbsent(ride, id -> new ArrayList<>())
                                    .add(new RideFamily.Stop(stop, rows.getBoolean(3), rows.getString(4)));
                        }
                    }
                }
            }
            List<RideFamily.Member> members = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("""
                    select id, stops, ended, parent_id, parent_stop, parent_choice, root_id
                    from ride where id = ? or root_id = ? order by created_at, id""")) {
                query.setString(1, rootId);
                query.setString(2, rootId);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        String id = rows.getString(1);
                        members.add(new RideFamily.Member(
                                id,
                                rows.getInt(2),
                                rows.getBoolean(3),
                                StoryRepository.fork(rows, 4),
                                forkLabels.get(id),
                                stops.getOrDefault(id, List.of())));
                    }
                }
            }
            return new RideFamily(rootId, members);
        });
    }

    // --- versions of a stop -------------------------------------------------------------------------------------

    /** For each stop of a ride that was asked again, how many versions it has (stops not listed have one). */
    static Map<Integer, Integer> versionCounts(Connection connection, String rideId) throws SQLException {
        Map<Integer, Integer> counts = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement(
                "select stop, max(version) from passage_version where ride_id = ? group by stop")) {
            query.setString(1, rideId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getInt(1), rows.getInt(2));
                }
            }
        }
        return counts;
    }

    /**
     * Version {@code version} of a stop as stored, numbered against the stop's versions, its {@code chosenId} set
     * only when it is the version the ride went on from; empty when there is no such version. A stop never asked
     * again has only version 1, its passage row.
     */
    Optional<Passage> version(Passage inEffect, String rideId, int version) {
        if (version == inEffect.version()) {
            return Optional.of(inEffect);
        }
        if (inEffect.versions() == 1 || version < 1 || version > inEffect.versions()) {
            return Optional.empty();
        }
        return Jdbc.read(dataSource, connection -> {
            List<ChoiceOption> choices = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement(
                    "select id, label from version_choice where ride_id = ? and stop = ? and version = ?"
                            + " order by position")) {
                query.setString(1, rideId);
                query.setInt(2, inEffect.stop());
                query.setInt(3, version);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        choices.add(new ChoiceOption(rows.getString(1), rows.getString(2)));
                    }
                }
            }
            try (PreparedStatement query = connection.prepareStatement(
                    "select body, summary, ending, provider, language from passage_version where ride_id = ?"
                            + " and stop = ? and version = ?")) {
                query.setString(1, rideId);
                query.setInt(2, inEffect.stop());
                query.setInt(3, version);
                try (ResultSet row = query.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new Passage(
                            inEffect.stop(),
                            row.getString(1),
                            row.getString(2),
                            row.getBoolean(3),
                            choices,
                            null,
                            row.getString(4),
                            version,
                            inEffect.versions(),
                            row.getString(5) == null ? inEffect.language() : row.getString(5)));
                }
            }
        });
    }

    /**
     * Stores another version of the open stop {@code stop} and puts it in effect, all or nothing. The first time a
     * stop is asked again its passage row is kept as version 1 first.
     *
     * @param seen how many versions the request saw; nothing is written unless the stop still has exactly that many
     *             and is still unanswered (a twin request wrote the version, or a choice answered the stop)
     * @return whether this call wrote the version
     */
    boolean addVersion(String rideId, int stop, int seen, StepResult written, Instant now, Integer promptVersion) {
        return addVersion(rideId, stop, seen, written, null, now, promptVersion);
    }

    /**
     * As {@link #addVersion(String, int, int, StepResult, Instant, Integer)}, with the language the version's text is
     * in ({@code textLanguage}; {@code null}: the ride's).
     */
    boolean addVersion(
            String rideId,
            int stop,
            int seen,
            StepResult written,
            String textLanguage,
            Instant now,
            Integer promptVersion) {
        try {
            return Jdbc.inTransaction(dataSource, connection -> {
                if (!unanswered(connection, rideId, stop)) {
                    return false;
                }
                int versions = versionCounts(connection, rideId).getOrDefault(stop, 1);
                if (versions != seen) {
                    return false;
                }
                if (versions == 1) {
                    keepFirstVersion(connection, rideId, stop);
                }
                insertVersion(connection, rideId, stop, versions + 1, written, textLanguage, now, promptVersion);
                putInEffect(connection, rideId, stop, versions + 1);
                try (PreparedStatement ride =
                        connection.prepareStatement("update ride set ended = ?, updated_at = ? where id = ?")) {
                    ride.setBoolean(1, written.narrative().ending());
                    ride.setObject(2, StoryRepository.utc(now));
                    ride.setString(3, rideId);
                    ride.executeUpdate();
                }
                return true;
            });
        } catch (Jdbc.DuplicateKeyException raced) {
            return false;
        }
    }

    private static boolean unanswered(Connection connection, String rideId, int stop) throws SQLException {
        try (PreparedStatement query =
                connection.prepareStatement("select chosen_id from passage where ride_id = ? and stop = ?")) {
            query.setString(1, rideId);
            query.setInt(2, stop);
            try (ResultSet row = query.executeQuery()) {
                return row.next() && row.getString(1) == null;
            }
        }
    }

    /** Copies the stop's passage row and choices as version 1, before a second version is added. */
    private static void keepFirstVersion(Connection connection, String rideId, int stop) throws SQLException {
        try (PreparedStatement copy = connection.prepareStatement("""
                insert into passage_version (ride_id, stop, version, body, summary, ending, provider, model,
                                             input_tokens, output_tokens, cost_usd, latency_ms, attempts,
                                             fallback_reason, created_at, prompt_version, language)
                select ride_id, stop, 1, body, summary, ending, provider, model, input_tokens, output_tokens,
                       cost_usd, latency_ms, attempts, fallback_reason, created_at, prompt_version, language
                from passage where ride_id = ? and stop = ?""")) {
            copy.setString(1, rideId);
            copy.setInt(2, stop);
            copy.executeUpdate();
        }
        try (PreparedStatement copy = connection.prepareStatement("""
                insert into version_choice (ride_id, stop, version, id, position, label)
                select ride_id, stop, 1, id, position, label from choice where ride_id = ? and stop = ?""")) {
            copy.setString(1, rideId);
            copy.setInt(2, stop);
            copy.executeUpdate();
        }
    }

    private static void insertVersion(
            Connection connection,
            String rideId,
            int stop,
            int version,
            StepResult step,
            String textLanguage,
            Instant now,
            Integer promptVersion)
            throws SQLException {
        Narrative narrative = step.narrative();
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into passage_version (ride_id, stop, version, body, summary, ending, provider, model,
                                             input_tokens, output_tokens, cost_usd, latency_ms, attempts,
                                             fallback_reason, created_at, prompt_version, language)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setString(1, rideId);
            insert.setInt(2, stop);
            insert.setInt(3, version);
            insert.setString(4, narrative.passage());
            insert.setString(5, narrative.summary());
            insert.setBoolean(6, narrative.ending());
            insert.setString(7, step.generation().provider());
            insert.setString(8, step.generation().model());
            insert.setInt(9, step.generation().inputTokens());
            insert.setInt(10, step.generation().outputTokens());
            insert.setBigDecimal(11, BigDecimal.valueOf(step.costUsd()));
            insert.setLong(12, step.latencyMillis());
            insert.setInt(13, step.attempts());
            insert.setString(14, step.fallbackReason());
            insert.setObject(15, StoryRepository.utc(now));
            if (promptVersion == null) {
                insert.setNull(16, Types.INTEGER);
            } else {
                insert.setInt(16, promptVersion);
            }
            insert.setString(17, textLanguage);
            insert.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into version_choice (ride_id, stop, version, id, position, label) values (?, ?, ?, ?, ?, ?)")) {
            int position = 0;
            for (ChoiceOption choice : narrative.choices()) {
                insert.setString(1, rideId);
                insert.setInt(2, stop);
                insert.setInt(3, version);
                insert.setString(4, choice.id());
                insert.setInt(5, position++);
                insert.setString(6, choice.label());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /**
     * Makes version {@code version} of a stop the one in effect: its text, choices and accounting move into the
     * passage row (and its choices into {@code choice}), so every reader of passages sees that version. Runs inside
     * the caller's transaction.
     */
    static void putInEffect(Connection connection, String rideId, int stop, int version) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("""
                update passage set (body, summary, ending, provider, model, input_tokens, output_tokens, cost_usd,
                                    latency_ms, attempts, fallback_reason, created_at, prompt_version, version,
                                    language) =
                    (select body, summary, ending, provider, model, input_tokens, output_tokens, cost_usd,
                            latency_ms, attempts, fallback_reason, created_at, prompt_version, version, language
                     from passage_version where ride_id = ? and stop = ? and version = ?)
                where ride_id = ? and stop = ?
                  and exists (select 1 from passage_version where ride_id = ? and stop = ? and version = ?)""")) {
            update.setString(1, rideId);
            update.setInt(2, stop);
            update.setInt(3, version);
            update.setString(4, rideId);
            update.setInt(5, stop);
            update.setString(6, rideId);
            update.setInt(7, stop);
            update.setInt(8, version);
            if (update.executeUpdate() != 1) {
                throw new IllegalStateException("no version " + version + " of stop " + stop + " to put in effect");
            }
        }
        try (PreparedStatement delete =
                connection.prepareStatement("delete from choice where ride_id = ? and stop = ?")) {
            delete.setString(1, rideId);
            delete.setInt(2, stop);
            delete.executeUpdate();
        }
        try (PreparedStatement copy = connection.prepareStatement("""
                insert into choice (ride_id, stop, id, position, label)
                select ride_id, stop, id, position, label from version_choice
                where ride_id = ? and stop = ? and version = ?""")) {
            copy.setString(1, rideId);
            copy.setInt(2, stop);
            copy.setInt(3, version);
            copy.executeUpdate();
        }
    }
}
