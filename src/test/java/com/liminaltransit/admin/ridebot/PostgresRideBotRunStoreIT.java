package com.liminaltransit.admin.ridebot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.liminaltransit.persistence.Database;
import com.liminaltransit.testing.Postgres;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One active ride-bot run per writer, held by PostgreSQL through the real migrations. */
class PostgresRideBotRunStoreIT {

    private static Database database;
    private static RideBotRunStore store;

    @BeforeAll
    static void openPostgres() {
        database = new Database(Postgres.newDatabase("ridebot_runs"), Optional.of("postgres"), Optional.empty(), 4);
        database.migrateOnStart(null);
        store = new RideBotRunStore(database);
    }

    @AfterAll
    static void closePool() {
        database.close();
    }

    @Test
    void aWriterHasOneActiveRunUntilItEnds() {
        String first = UUID.randomUUID().toString();
        store.start(first, "ada", 10, 1, null, "ada", Instant.now());

        assertThatThrownBy(() -> store.start(UUID.randomUUID().toString(), "ada", 5, 2, 7L, null, Instant.now()))
                .isInstanceOfSatisfying(
                        RideBotRunStore.AlreadyActive.class,
                        e -> assertThat(e.active())
                                .hasValueSatisfying(run -> assertThat(run.id()).isEqualTo(first)));
        String other = UUID.randomUUID().toString();
        store.start(other, "bo", 5, 2, null, null, Instant.now());
        assertThat(store.active(other)).isTrue();

        assertThat(store.end(first, RideBotRunStore.State.CANCELLED, "bo", Instant.now()))
                .isTrue();
        assertThat(store.end(first, RideBotRunStore.State.FINISHED, null, Instant.now()))
                .as("an ended run ends once")
                .isFalse();
        assertThat(store.active(first)).isFalse();
        assertThat(store.find(first))
                .hasValueSatisfying(run -> assertThat(run.state()).isEqualTo(RideBotRunStore.State.CANCELLED));
        store.start(UUID.randomUUID().toString(), "ada", 5, 3, null, null, Instant.now());
        assertThat(store.activeOf("ada")).isPresent();
    }
}
