package com.liminaltransit.admin.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.liminaltransit.admin.prompts.PromptStore;
import com.liminaltransit.persistence.Database;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * "One running experiment" is the database's rule, on every database we support, through the real migrations: two
 * writers starting at the same moment cannot both succeed, and a second running row is refused by the table
 * itself whatever code writes it.
 */
abstract class ExperimentStoreContract {

    private static final List<VariantSpec> TWO_VARIANTS =
            List.of(new VariantSpec("A", 1, List.of(), 1), new VariantSpec("B", 1, List.of("offline"), 1));

    private static Database database;
    private static ExperimentStore store;
    private static String url;
    private static String user;

    /** Opens and migrates the database a subclass names (call from its {@code @BeforeAll}). */
    static void open(String jdbcUrl, String jdbcUser) {
        url = jdbcUrl;
        user = jdbcUser;
        database = new Database(jdbcUrl, Optional.of(jdbcUser), Optional.empty(), 4);
        database.migrateOnStart(null);
        new PromptStore(database, Clock.systemUTC(), Duration.ZERO).publishedVersion(); // seeds prompt version 1
        store = new ExperimentStore(database);
    }

    /** A fresh, empty database of the same kind, for a migration test. */
    abstract String freshDatabase(String name);

    @AfterEach
    void stopWhatRuns() {
        store.running().ifPresent(e -> store.stop(e.id(), null, Instant.now()));
    }

    @AfterAll
    static void closePool() {
        database.close();
    }

    @Test
    void twoWritersStartingAtTheSameMomentStartExactlyOneExperiment() throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                // given two writers released together
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<Long>> starts = new ArrayList<>();
                String name = "round " + round;
                for (String writer : List.of("ada", "bo")) {
                    starts.add(writers.submit(() -> {
                        together.await(10, TimeUnit.SECONDS);
                        return store.start(name, TWO_VARIANTS, writer, Instant.now());
                    }));
                }
                // when both start an experiment
                List<Long> started = new ArrayList<>();
                List<Throwable> refused = new ArrayList<>();
                for (Future<Long> start : starts) {
                    try {
                        started.add(start.get(30, TimeUnit.SECONDS));
                    } catch (java.util.concurrent.ExecutionException e) {
                        refused.add(e.getCause());
                    }
                }
                // then exactly one runs, and the other was told why
                assertThat(started).as("round %d", round).hasSize(1);
                assertThat(refused)
                        .as("round %d", round)
                        .singleElement()
                        .isInstanceOf(ExperimentAlreadyRunning.class)
                        .extracting(Throwable::getMessage)
                        .isEqualTo("Another experiment is running: stop it first.");
                assertThat(store.running()).map(Experiment::id).hasValue(started.getFirst());
                assertThat(runningRows()).isEqualTo(1);
                store.stop(started.getFirst(), null, Instant.now());
            }
        } finally {
            writers.shutdownNow();
        }
    }

    @Test
    void theTableItselfRefusesASecondRunningExperiment() throws SQLException {
        long first = store.start("first", TWO_VARIANTS, "ada", Instant.now());

        try (Connection connection = DriverManager.getConnection(url, user, "")) {
            assertThatThrownBy(() -> insertExperiment(connection, "running", 1))
                    .isInstanceOf(SQLException.class)
                    .extracting(e -> ((SQLException) e).getSQLState())
                    .isEqualTo("23505");
            assertThatThrownBy(() -> insertExperiment(connection, "running", null))
                    .as("a running row without the slot breaks the check (H2 23513, PostgreSQL 23514)")
                    .isInstanceOf(SQLException.class)
                    .extracting(e -> ((SQLException) e).getSQLState())
                    .isIn("23513", "23514");
        }
        assertThat(store.running()).map(Experiment::id).hasValue(first);
    }

    @Test
    void stoppingFreesTheSlotForTheNextExperiment() {
        long first = store.start("first", TWO_VARIANTS, "ada", Instant.now());
        assertThatThrownBy(() -> store.start("second", TWO_VARIANTS, "bo", Instant.now()))
                .isInstanceOf(ExperimentAlreadyRunning.class);

        assertThat(store.stop(first, null, Instant.now())).isTrue();
        long second = store.start("second", TWO_VARIANTS, "bo", Instant.now());

        assertThat(store.find(first)).map(Experiment::status).hasValue(ExperimentStatus.STOPPED);
        assertThat(store.running()).map(Experiment::id).hasValue(second);
        assertThat(store.running().orElseThrow().variants())
                .extracting(Variant::name, Variant::chain)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("A", List.of()),
                        org.assertj.core.groups.Tuple.tuple("B", List.of("offline")));
        assertThat(store.stop(first, null, Instant.now())).as("stopping twice").isFalse();
    }

    @Test
    void theMigrationLeavesOnlyTheNewestOfExperimentsThatRanTogether() throws SQLException {
        // given a database from before the rule, where a race let two experiments start
        String before = freshDatabase("experiments_before_v51");
        Flyway.configure()
                .dataSource(before, user, "")
                .locations("classpath:db/migration")
                .target("41")
                .load()
                .migrate();
        long older;
        long newer;
        try (Connection connection = DriverManager.getConnection(before, user, "")) {
            older = insertExperiment(connection, "running", null);
            newer = insertExperiment(connection, "running", null);
        }
        // when the rule arrives
        Flyway.configure()
                .dataSource(before, user, "")
                .locations("classpath:db/migration")
                .load()
                .migrate();
        // then the newest still runs (players were assigned to it) and the older one stopped
        try (Connection connection = DriverManager.getConnection(before, user, "");
                PreparedStatement query = connection.prepareStatement(
                        "select id, status, running_slot, stopped_at from experiment order by id");
                ResultSet rows = query.executeQuery()) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getLong(1)).isEqualTo(older);
            assertThat(rows.getString(2)).isEqualTo("stopped");
            assertThat(rows.getObject(3)).isNull();
            assertThat(rows.getObject(4)).isNotNull();
            assertThat(rows.next()).isTrue();
            assertThat(rows.getLong(1)).isEqualTo(newer);
            assertThat(rows.getString(2)).isEqualTo("running");
            assertThat(rows.getInt(3)).isEqualTo(1);
        }
    }

    /** Inserts an experiment row by hand, past the store; {@code slot} {@code null} leaves the column out. */
    private static long insertExperiment(Connection connection, String status, Integer slot) throws SQLException {
        String sql = slot == null
                ? "insert into experiment (name, status, created_by, created_at) values ('raw', ?, 'raw', ?)"
                : "insert into experiment (name, status, created_by, created_at, running_slot) values ('raw', ?, 'raw', ?, ?)";
        try (PreparedStatement insert = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, status);
            insert.setObject(2, java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC));
            if (slot != null) {
                insert.setInt(3, slot);
            }
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static int runningRows() throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, user, "");
                PreparedStatement query =
                        connection.prepareStatement("select count(*) from experiment where status = 'running'");
                ResultSet row = query.executeQuery()) {
            row.next();
            return row.getInt(1);
        }
    }
}
