package com.liminaltransit.admin.experiments;

import com.liminaltransit.persistence.Database;
import com.liminaltransit.persistence.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Experiments and their variants in the database, nothing else: no cache, no policy. "One running experiment" is
 * the table's rule, not this class's: a running row takes the one {@code running_slot} (migration V51), so of two
 * writers starting at once the database lets exactly one through and the other gets
 * {@link ExperimentAlreadyRunning}.
 */
@ApplicationScoped
class ExperimentStore {

    /** The value of {@code running_slot} for the running experiment; stopped ones hold NULL. */
    private static final int RUNNING_SLOT = 1;

    private static final String COLUMNS = "id, name, status, created_by, created_at, stopped_at, winner_variant";
    private static final String VARIANT_COLUMNS =
            "id, experiment_id, position, name, prompt_version, chain, weight, bank_version";

    private final DataSource dataSource;

    @Inject
    ExperimentStore(Database database) {
        this.dataSource = database.dataSource();
    }

    /** Every experiment, newest first. */
    List<Experiment> all() {
        return Jdbc.read(dataSource, connection -> {
            Map<Long, List<Variant>> variants = new LinkedHashMap<>();
            try (PreparedStatement query = connection.prepareStatement(
                            "select " + VARIANT_COLUMNS + " from experiment_variant order by experiment_id, position");
                    ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Variant variant = variant(rows);
                    variants.computeIfAbsent(variant.experimentId(), id -> new ArrayList<>())
                            .add(variant);
                }
            }
            List<Experiment> all = new ArrayList<>();
            try (PreparedStatement query =
                            connection.prepareStatement("select " + COLUMNS + " from experiment order by id desc");
                    ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    all.add(experiment(rows, variants.getOrDefault(rows.getLong(1), List.of())));
                }
            }
            return all;
        });
    }

    /** One experiment. */
    Optional<Experiment> find(long id) {
        return Jdbc.read(dataSource, connection -> find(connection, "id = ?", id));
    }

    /** The running experiment, if any. */
    Optional<Experiment> running() {
        return Jdbc.read(dataSource, connection -> find(connection, "running_slot = ?", RUNNING_SLOT));
    }

    /** A variant by id. */
    Optional<Variant> variant(long id) {
        return Jdbc.read(dataSource, connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "select " + VARIANT_COLUMNS + " from experiment_variant where id = ?")) {
                query.setLong(1, id);
                try (ResultSet row = query.executeQuery()) {
                    return row.next() ? Optional.of(variant(row)) : Optional.<Variant>empty();
                }
            }
        });
    }

    /**
     * Stores a running experiment with these variants, in one transaction.
     *
     * @return its id
     * @throws ExperimentAlreadyRunning when another experiment holds the running slot
     */
    long start(String name, List<VariantSpec> specs, String by, Instant at) {
        try {
            return Jdbc.inTransaction(dataSource, connection -> {
                long experimentId;
                try (PreparedStatement insert = connection.prepareStatement("""
                        insert into experiment (name, status, running_slot, created_by, created_at)
                        values (?, ?, ?, ?, ?)""", Statement.RETURN_GENERATED_KEYS)) {
                    insert.setString(1, name);
                    insert.setString(2, ExperimentStatus.RUNNING.column());
                    insert.setInt(3, RUNNING_SLOT);
                    insert.setString(4, by);
                    insert.setObject(5, utc(at));
                    insert.executeUpdate();
                    try (ResultSet keys = insert.getGeneratedKeys()) {
                        keys.next();
                        experimentId = keys.getLong(1);
                    }
                }
                try (PreparedStatement insert = connection.prepareStatement("""
                        insert into experiment_variant (experiment_id, position, name, prompt_version, chain, weight,
                                                        bank_version)
                        values (?, ?, ?, ?, ?, ?, ?)""")) {
                    int position = 0;
                    for (VariantSpec spec : specs) {
                        insert.setLong(1, experimentId);
                        insert.setInt(2, position++);
                        insert.setString(3, spec.name());
                        insert.setInt(4, spec.promptVersion());
                        insert.setString(5, String.join(",", spec.chain()));
                        insert.setInt(6, spec.weight());
                        if (spec.bankVersion() == null) {
                            insert.setNull(7, Types.INTEGER);
                        } else {
                            insert.setInt(7, spec.bankVersion());
                        }
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
                return experimentId;
            });
        } catch (Jdbc.DuplicateKeyException taken) {
            throw new ExperimentAlreadyRunning(taken);
        }
    }

    /**
     * Stops a running experiment and frees the running slot.
     *
     * @param winnerId the winning variant, or {@code null}
     * @return {@code false} when it was not running
     */
    boolean stop(long id, Long winnerId, Instant at) {
        return Jdbc.inTransaction(dataSource, connection -> {
            try (PreparedStatement update = connection.prepareStatement("""
                    update experiment set status = ?, running_slot = null, stopped_at = ?, winner_variant = ?
                    where id = ? and status = ?""")) {
                update.setString(1, ExperimentStatus.STOPPED.column());
                update.setObject(2, utc(at));
                if (winnerId == null) {
                    update.setNull(3, Types.BIGINT);
                } else {
                    update.setLong(3, winnerId);
                }
                update.setLong(4, id);
                update.setString(5, ExperimentStatus.RUNNING.column());
                return update.executeUpdate() == 1;
            }
        });
    }

    private static Optional<Experiment> find(Connection connection, String where, long value) throws SQLException {
        try (PreparedStatement query =
                connection.prepareStatement("select " + COLUMNS + " from experiment where " + where)) {
            query.setLong(1, value);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                long id = row.getLong(1);
                return Optional.of(experiment(row, variantsOf(connection, id)));
            }
        }
    }

    private static Experiment experiment(ResultSet row, List<Variant> variants) throws SQLException {
        OffsetDateTime stopped = row.getObject(6, OffsetDateTime.class);
        long winner = row.getLong(7);
        Long winnerId = row.wasNull() ? null : winner;
        return new Experiment(
                row.getLong(1),
                row.getString(2),
                ExperimentStatus.ofColumn(row.getString(3)),
                row.getString(4),
                row.getObject(5, OffsetDateTime.class).toInstant(),
                stopped == null ? null : stopped.toInstant(),
                winnerId,
                variants);
    }

    private static List<Variant> variantsOf(Connection connection, long experimentId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "select " + VARIANT_COLUMNS + " from experiment_variant where experiment_id = ? order by position")) {
            query.setLong(1, experimentId);
            List<Variant> all = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    all.add(variant(rows));
                }
            }
            return all;
        }
    }

    private static Variant variant(ResultSet row) throws SQLException {
        String chain = row.getString(6);
        List<String> names = chain == null || chain.isBlank()
                ? List.of()
                : Arrays.stream(chain.split(","))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList();
        int bank = row.getInt(8);
        Integer bankVersion = row.wasNull() ? null : bank;
        return new Variant(
                row.getLong(1),
                row.getLong(2),
                row.getInt(3),
                row.getString(4),
                row.getInt(5),
                names,
                row.getInt(7),
                bankVersion);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
