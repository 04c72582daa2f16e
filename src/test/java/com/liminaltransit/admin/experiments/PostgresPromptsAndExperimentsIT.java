package com.liminaltransit.admin.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import com.liminaltransit.admin.bank.BankStore;
import com.liminaltransit.admin.prompts.PromptStore;
import com.liminaltransit.narrative.PromptBuilder;
import com.liminaltransit.narrative.offline.BankText;
import com.liminaltransit.persistence.Database;
import com.liminaltransit.story.RidePlan;
import com.liminaltransit.testing.Postgres;
import com.liminaltransit.web.Player;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Prompt versions and experiments on a real PostgreSQL through the real migrations: the SQL is portable. */
class PostgresPromptsAndExperimentsIT {

    private static Database database;
    private static PromptStore prompts;
    private static BankStore banks;
    private static Experiments experiments;
    private static ExperimentResults results;

    @BeforeAll
    static void openPostgres() {
        database = new Database(Postgres.newDatabase("prompts"), Optional.of("postgres"), Optional.empty(), 4);
        database.migrateOnStart(null);
        prompts = new PromptStore(database, Clock.systemUTC(), Duration.ZERO);
        banks = new BankStore(database, Clock.systemUTC(), Duration.ZERO, 200);
        experiments = new Experiments(new ExperimentStore(database), prompts, banks, Clock.systemUTC(), Duration.ZERO);
        results = new ExperimentResults(database);
    }

    @AfterAll
    static void closePool() {
        database.close();
    }

    @Test
    void contentBankVersionsAreSavedSharingTheirUnchangedPartsAndRolledBackOnPostgres() {
        // given version 1, the shipped bank, published on first use
        assertThat(banks.publishedVersion()).isEqualTo(1);
        BankText shipped = banks.find(1).orElseThrow();
        assertThat(shipped.parts()).isEqualTo(BankText.shipped().parts());

        // when a writer saves a version with one part changed, publishes it, then rolls back
        String world = shipped.parts().get("world.json").replace("the Lantern Line", "the Lamplit Line");
        int two = banks.save(shipped.with("world.json", world), "a renamed line", "ada");
        assertThat(banks.publish(two, "ada")).isTrue();
        int afterPublish = banks.publishedVersionNow();
        assertThat(banks.publish(1, "ada")).isTrue();

        // then both versions read back exactly, the unchanged parts stored once, and the log keeps both publications
        assertThat(afterPublish).isEqualTo(two);
        assertThat(banks.publishedVersionNow()).isEqualTo(1);
        assertThat(banks.find(two).orElseThrow().parts().get("world.json")).contains("the Lamplit Line");
        assertThat(banks.find(1).orElseThrow().parts().get("world.json")).contains("the Lantern Line");
        assertThat(count("select count(*) from bank_part"))
                .isEqualTo(shipped.parts().size() + 1);
        assertThat(banks.publications(10))
                .extracting(BankStore.Publication::version)
                .startsWith(1, two, 1);
    }

    private static int count(String sql) {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement query = connection.prepareStatement(sql);
                java.sql.ResultSet row = query.executeQuery()) {
            row.next();
            return row.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void versionsArePublishedAndRolledBackOnPostgres() {
        assertThat(prompts.published().step()).isEqualTo(PromptBuilder.shipped().step());
        int one = prompts.publishedVersion();
        int two = prompts.save(
                PromptBuilder.shipped().system(), PromptBuilder.shipped().step() + "\nTwo.", "two", "ada");

        assertThat(prompts.publish(two, "ada")).isTrue();
        assertThat(prompts.published().version()).isEqualTo(two);
        assertThat(prompts.publish(one, "ada")).isTrue();
        assertThat(prompts.published().version()).isEqualTo(one);
        assertThat(prompts.find(two).orElseThrow().step()).endsWith("Two.");
        assertThat(prompts.versions())
                .filteredOn(PromptStore.VersionInfo::published)
                .singleElement()
                .extracting(PromptStore.VersionInfo::version)
                .isEqualTo(one);
        assertThat(prompts.publications(10))
                .extracting(PromptStore.Publication::version)
                .startsWith(one, two);
    }

    @Test
    void anExperimentAssignsRecordsResultsAndPublishesItsWinnerOnPostgres() throws SQLException {
        int winnerVersion = prompts.save(
                PromptBuilder.shipped().system(), PromptBuilder.shipped().step() + "\nWinner.", "w", "ada");
        long id = experiments.start(
                "pg",
                List.of(
                        new VariantSpec("A", 1, List.of(), 1),
                        new VariantSpec("B", winnerVersion, List.of("offline"), 1)),
                "ada");
        Experiment experiment = experiments.find(id).orElseThrow();
        long b = experiment.variants().get(1).id();

        RidePlan plan = experiments.forNewRide(Player.newPlayer().ownerHash());
        assertThat(plan.variantId()).isIn(experiment.variants().get(0).id(), b);
        assertThat(experiments.forVariant(b).prompts().version()).isEqualTo(winnerVersion);
        seedRide(b, 4, true);
        seedRide(b, 2, false);

        ExperimentResults.VariantResult figures = results.of(experiment).get(1);
        assertThat(figures.rides()).isEqualTo(2);
        assertThat(figures.completed()).isEqualTo(1);
        assertThat(figures.steps()).isEqualTo(6);
        assertThat(figures.costPerCompletedText()).isEqualTo("$0.006000");

        assertThat(experiments.stop(id, b, "ada")).isTrue();
        assertThat(experiments.running()).isEmpty();
        assertThat(prompts.publishedVersion()).isEqualTo(winnerVersion);
        prompts.publish(1, "test");
    }

    private static void seedRide(long variant, int stops, boolean ended) throws SQLException {
        String id = UUID.randomUUID().toString();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (Connection connection = database.dataSource().getConnection()) {
            try (PreparedStatement ride = connection.prepareStatement("""
                    insert into ride (id, owner_hash, seed, language, ended, stops, created_at, updated_at, source,
                                      variant_id) values (?, ?, 1, 'en', ?, ?, ?, ?, 'player', ?)""")) {
                ride.setString(1, id);
                ride.setString(2, "0".repeat(64));
                ride.setBoolean(3, ended);
                ride.setInt(4, stops);
                ride.setObject(5, now);
                ride.setObject(6, now);
                ride.setLong(7, variant);
                ride.executeUpdate();
            }
            try (PreparedStatement passage = connection.prepareStatement("""
                    insert into passage (ride_id, stop, body, summary, ending, provider, model, input_tokens,
                                         output_tokens, cost_usd, latency_ms, attempts, created_at, prompt_version)
                    values (?, ?, 'Body.', 'Summary.', false, 'offline', 'm', 1, 1, 0.001, 1, 1, ?, 1)""")) {
                for (int stop = 0; stop < stops; stop++) {
                    passage.setString(1, id);
                    passage.setInt(2, stop);
                    passage.setObject(3, now);
                    passage.addBatch();
                }
                passage.executeBatch();
            }
        }
    }
}
