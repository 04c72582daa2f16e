package com.liminaltransit.story;

import com.liminaltransit.narrative.ChoiceOption;
import com.liminaltransit.narrative.ContentPlan;
import com.liminaltransit.narrative.Narrative;
import com.liminaltransit.narrative.TextMeasure;
import com.liminaltransit.narrative.chain.StepResult;
import com.liminaltransit.persistence.Database;
import com.liminaltransit.persistence.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Rides, passages and choices in the database. Every write is one transaction, and the primary key
 * (ride, stop) of a passage guarantees a stop is written once however many requests race for it.
 */
@ApplicationScoped
class StoryRepository {

    /** The length of {@code ride.seen}. */
    private static final int SEEN_COLUMN = 4000;

    private final DataSource dataSource;

    @Inject
    StoryRepository(Database database) {
        this.dataSource = database.dataSource();
    }

    /** Stores a new ride of a player with its boarding passage. */
    void create(Ride ride, StepResult first) {
        create(ride, first, RideSource.PLAYER);
    }

    /** Stores a new ride with its boarding passage, marked with who boarded it. */
    void create(Ride ride, StepResult first, RideSource source) {
        create(ride, first, source, null);
    }

    /**
     * Stores a new ride with its boarding passage, written with prompt version {@code promptVersion}, as
     * the ride's experiment variant (or none).
     */
    void create(Ride ride, StepResult first, RideSource source, Integer promptVersion) {
        create(ride, first, ride.language(), source, promptVersion);
    }

    /**
     * As {@link #create(Ride, StepResult, RideSource, Integer)}, with the language the boarding passage's text is in
     * ({@code textLanguage}: the ride's, or the offline storyteller's English when it could not be translated).
     */
    void create(Ride ride, StepResult first, String textLanguage, RideSource source, Integer promptVersion) {
        Long variantId = ride.variantId();
        Jdbc.inTransaction(dataSource, connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into ride (id, owner_hash, seed, language, ended, stops, created_at, updated_at, source,
                                      variant_id, bank_version, seen)
                    values (?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?)""")) {
                insert.setString(1, ride.id());
                insert.setString(2, ride.ownerHash());
                insert.setLong(3, ride.seed());
                insert.setString(4, ride.language());
                insert.setBoolean(5, first.narrative().ending());
                insert.setObject(6, utc(ride.createdAt()));
                insert.setObject(7, utc(ride.createdAt()));
                insert.setString(8, source.column());
                if (variantId == null) {
                    insert.setNull(9, java.sql.Types.BIGINT);
                } else {
                    insert.setLong(9, variantId);
                }
                Integer bankVersion = ride.content().bankVersion();
                if (bankVersion == null) {
                    insert.setNull(10, java.sql.Types.INTEGER);
                } else {
                    insert.setInt(10, bankVersion);
                }
                insert.setString(11, seenColumn(ride.content().seen()));
                insert.executeUpdate();
            }
            insertPassage(connection, ride.id(), 0, first, textLanguage, ride.createdAt(), promptVersion);
            return null;
        });
    }

    /**
     * Answers stop {@code answered} with {@code choiceId} and stores the next passage, all or nothing.
     *
     * @return {@code false} when the stop was already answered (by this request's twin or another choice):
     *         nothing was written and the caller reads the ride again to tell a replay from a conflict
     */
    boolean appendStep(String rideId, int answered, String choiceId, StepResult next, Instant now) {
        return appendStep(rideId, answered, choiceId, next, now, null);
    }

    /** As {@link #appendStep(String, int, String, StepResult, Instant)}, recording the prompt version used. */
    boolean appendStep(
            String rideId, int answered, String choiceId, StepResult next, Instant now, Integer promptVersion) {
        return appendStep(rideId, answered, choiceId, next, null, now, promptVersion, 0);
    }

    /**
     * As {@link #appendStep(String, int, String, StepResult, Instant, Integer)}, answering from version
     * {@code fromVersion} of the stop (0: the version in effect), which then becomes the one in effect.
     */
    boolean appendStep(
            String rideId,
            int answered,
            String choiceId,
            StepResult next,
            Instant now,
            Integer promptVersion,
            int fromVersion) {
        return appendStep(rideId, answered, choiceId, next, null, now, promptVersion, fromVersion);
    }

    /**
     * As {@link #appendStep(String, int, String, StepResult, Instant, Integer)}, with the language the new passage's
     * text is in ({@code textLanguage}; {@code null}: the ride's), answering from version {@code fromVersion} of the
     * stop (0: the version in effect), which then becomes the one in effect.
     */
    boolean appendStep(
            String rideId,
            int answered,
            String choiceId,
            StepResult next,
            String textLanguage,
            Instant now,
            Integer promptVersion,
            int fromVersion) {
        try {
            return Jdbc.inTransaction(dataSource, connection -> {
                try (PreparedStatement answer = connection.prepareStatement(
                        "update passage set chosen_id = ? where ride_id = ? and stop = ? and chosen_id is null")) {
                    answer.setString(1, choiceId);
                    answer.setString(2, rideId);
                    answer.setInt(3, answered);
                    if (answer.executeUpdate() != 1) {
                        connection.rollback();
                        return false;
                    }
                }
                if (fromVersion > 0) {
                    JourneyRepository.putInEffect(connection, rideId, answered, fromVersion);
                }
                insertPassage(connection, rideId, answered + 1, next, textLanguage, now, promptVersion);
                try (PreparedStatement ride = connection.prepareStatement(
                        "update ride set stops = ?, ended = ?, updated_at = ? where id = ?")) {
                    ride.setInt(1, answered + 2);
                    ride.setBoolean(2, next.narrative().ending());
                    ride.setObject(3, utc(now));
                    ride.setString(4, rideId);
                    ride.executeUpdate();
                }
                return true;
            });
        } catch (Jdbc.DuplicateKeyException raced) {
            return false;
        }
    }

    private static void insertPassage(
            Connection connection,
            String rideId,
            int stop,
            StepResult step,
            String textLanguage,
            Instant now,
            Integer promptVersion)
            throws SQLException {
        Narrative narrative = step.narrative();
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into passage (ride_id, stop, body, summary, ending, provider, model, input_tokens,
                                     output_tokens, cost_usd, latency_ms, attempts, fallback_reason, created_at,
                                     prompt_version, language)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setString(1, rideId);
            insert.setInt(2, stop);
            insert.setString(3, narrative.passage());
            insert.setString(4, narrative.summary());
            insert.setBoolean(5, narrative.ending());
            insert.setString(6, step.generation().provider());
            insert.setString(7, step.generation().model());
            insert.setInt(8, step.generation().inputTokens());
            insert.setInt(9, step.generation().outputTokens());
            insert.setBigDecimal(10, java.math.BigDecimal.valueOf(step.costUsd()));
            insert.setLong(11, step.latencyMillis());
            insert.setInt(12, step.attempts());
            insert.setString(13, step.fallbackReason());
            insert.setObject(14, utc(now));
            if (promptVersion == null) {
                insert.setNull(15, java.sql.Types.INTEGER);
            } else {
                insert.setInt(15, promptVersion);
            }
            insert.setString(16, textLanguage);
            insert.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into choice (ride_id, stop, id, position, label) values (?, ?, ?, ?, ?)")) {
            int position = 0;
            for (ChoiceOption choice : narrative.choices()) {
                insert.setString(1, rideId);
                insert.setInt(2, stop);
                insert.setString(3, choice.id());
                insert.setInt(4, position++);
                insert.setString(5, choice.label());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** The ride with all its passages, or empty when no ride has this id. */
    Optional<Story> find(String rideId) {
        return Jdbc.read(dataSource, connection -> {
            Optional<Ride> ride = findRide(connection, rideId);
            if (ride.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Story(
                    ride.get(), passages(connection, rideId, ride.get().language())));
        });
    }

    /**
     * The rides a player boarded or branched, most recent first, each branch listed under the ride it came from
     * ({@link RideListing#nest}); {@code limit} bounds the rides read, branches included.
     */
    List<RideListing> ridesOf(String ownerHash, int limit) {
        return RideListing.nest(Jdbc.read(dataSource, connection -> {
            try (PreparedStatement query = connection.prepareStatement("""
                    select r.id, r.stops, r.ended, r.updated_at, p.body,
                           r.parent_id, r.parent_stop, r.parent_choice, r.root_id, c.label,
                           coalesce(p.language, r.language)
                    from ride r join passage p on p.ride_id = r.id and p.stop = 0
                    left join choice c on c.ride_id = r.id and c.stop = r.parent_stop and c.id = r.parent_choice
                    where r.owner_hash = ? order by r.updated_at desc, r.id limit ?""")) {
                query.setString(1, ownerHash);
                query.setInt(2, limit);
                List<RideListing> rides = new ArrayList<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        rides.add(new RideListing(
                                rows.getString(1),
                                rows.getInt(2),
                                rows.getBoolean(3),
                                opening(rows.getString(5)),
                                instant(rows, 4),
                                fork(rows, 6),
                                rows.getString(10),
                                List.of(),
                                rows.getString(11)));
                    }
                }
                return rides;
            }
        }));
    }

    /** The fork in columns {@code first..first+3} (parent_id, parent_stop, parent_choice, root_id), or null. */
    static Fork fork(ResultSet row, int first) throws SQLException {
        String parent = row.getString(first);
        return parent == null
                ? null
                : new Fork(parent, row.getInt(first + 1), row.getString(first + 2), row.getString(first + 3));
    }

    static Optional<Ride> findRide(Connection connection, String rideId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("""
                select id, owner_hash, seed, language, ended, stops, created_at, updated_at, variant_id,
                       bank_version, seen, parent_id, parent_stop, parent_choice, root_id
                from ride where id = ?""")) {
            query.setString(1, rideId);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                long variant = row.getLong(9);
                Long variantId = row.wasNull() ? null : variant;
                int bank = row.getInt(10);
                Integer bankVersion = row.wasNull() ? null : bank;
                ContentPlan content = new ContentPlan(bankVersion, seenList(row.getString(11)));
                return Optional.of(new Ride(
                        row.getString(1),
                        row.getString(2),
                        row.getLong(3),
                        row.getString(4),
                        row.getBoolean(5),
                        row.getInt(6),
                        instant(row, 7),
                        instant(row, 8),
                        variantId,
                        content,
                        fork(row, 12)));
            }
        }
    }

    /** The ride's passages; one whose language was not recorded is in the ride's ({@code rideLanguage}). */
    private static List<Passage> passages(Connection connection, String rideId, String rideLanguage)
            throws SQLException {
        Map<Integer, List<ChoiceOption>> choices = new LinkedHashMap<>();
        try (PreparedStatement query = connection.prepareStatement(
                "select stop, id, label from choice where ride_id = ? order by stop, position")) {
            query.setString(1, rideId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    choices.computeIfAbsent(rows.getInt(1), stop -> new ArrayList<>())
                            .add(new ChoiceOption(rows.getString(2), rows.getString(3)));
                }
            }
        }
        Map<Integer, Integer> versions = JourneyRepository.versionCounts(connection, rideId);
        List<Passage> passages = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("""
                select stop, body, summary, ending, chosen_id, provider, version, language
                from passage where ride_id = ? order by stop""")) {
            query.setString(1, rideId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    int stop = rows.getInt(1);
                    passages.add(new Passage(
                            stop,
                            rows.getString(2),
                            rows.getString(3),
                            rows.getBoolean(4),
                            choices.getOrDefault(stop, List.of()),
                            rows.getString(5),
                            rows.getString(6),
                            rows.getInt(7),
                            versions.getOrDefault(stop, 1),
                            rows.getString(8) == null ? rideLanguage : rows.getString(8)));
                }
            }
        }
        return passages;
    }

    /** A ride's "seen" memory as stored: ids joined by commas, cut to what the column holds. */
    static String seenColumn(List<String> seen) {
        StringBuilder column = new StringBuilder();
        for (String item : seen) {
            if (column.length() + item.length() + 1 > SEEN_COLUMN) {
                break;
            }
            if (!column.isEmpty()) {
                column.append(',');
            }
            column.append(item);
        }
        return column.isEmpty() ? null : column.toString();
    }

    private static List<String> seenList(String column) {
        return column == null || column.isBlank() ? List.of() : List.of(column.split(","));
    }

    /** The first words of a passage, on one line; cut without assuming spaces between words (Japanese has none). */
    private static String opening(String body) {
        String flat = body.replaceAll("\\s+", " ").strip();
        return TextMeasure.cut(flat, 120);
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        return row.getObject(column, OffsetDateTime.class).toInstant();
    }
}
