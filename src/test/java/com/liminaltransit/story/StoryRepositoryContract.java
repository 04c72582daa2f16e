package com.liminaltransit.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.liminaltransit.narrative.ChoiceOption;
import com.liminaltransit.narrative.ContentPlan;
import com.liminaltransit.narrative.Generation;
import com.liminaltransit.narrative.Narrative;
import com.liminaltransit.narrative.chain.StepResult;
import com.liminaltransit.persistence.Database;
import com.liminaltransit.persistence.Jdbc;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The store's promises, on every database we support: one transaction per step, and a stop is never written
 * twice however requests race. Each subclass runs them on a real database through the real migrations.
 */
abstract class StoryRepositoryContract {

    private static final String PASSAGE = "The lamps flicker as the train leaves a station with no name on it.";
    private static final String OWNER = "0".repeat(64);

    private static Database database;
    private static StoryRepository repository;

    /** Opens and migrates the database a subclass names (call from its {@code @BeforeAll}). */
    static void open(String url, String user) {
        database = new Database(url, Optional.of(user), Optional.empty(), 8);
        database.migrateOnStart(null);
        repository = new StoryRepository(database);
    }

    @AfterAll
    static void closePool() {
        database.close();
    }

    @Test
    void rideIsStoredWithItsFirstPassageAndChoices() {
        String id = newRide();

        Story story = repository.find(id).orElseThrow();

        assertThat(story.passages()).hasSize(1);
        assertThat(story.current().choices()).extracting(ChoiceOption::id).containsExactly("a", "b");
        assertThat(story.current().open()).isTrue();
        assertThat(repository.ridesOf(OWNER, 100)).extracting(RideListing::id).contains(id);
    }

    @Test
    void answeredStepRoundTripsWithItsChoices() {
        String id = newRide();

        boolean written = repository.appendStep(id, 0, "b", step(twoChoices()), Instant.now());

        Story story = repository.find(id).orElseThrow();
        assertThat(written).isTrue();
        assertThat(story.passage(0).chosenId()).isEqualTo("b");
        assertThat(story.passage(1).choices())
                .extracting(ChoiceOption::label)
                .containsExactly("Stay seated", "Walk forward");
        assertThat(story.ride().stops()).isEqualTo(2);
    }

    @Test
    void answeredStopCannotBeAnsweredAgain() {
        String id = newRide();
        repository.appendStep(id, 0, "a", step(twoChoices()), Instant.now());

        boolean again = repository.appendStep(id, 0, "b", step(twoChoices()), Instant.now());

        assertThat(again).isFalse();
        assertThat(repository.find(id).orElseThrow().passages()).hasSize(2);
    }

    @Test
    void twoChoicesRacingForOneStopWriteExactlyOneStep() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 25; round++) {
                String id = newRide();
                CountDownLatch start = new CountDownLatch(1);
                CompletableFuture<Boolean> a = CompletableFuture.supplyAsync(() -> race(start, id, "a"), pool);
                CompletableFuture<Boolean> b = CompletableFuture.supplyAsync(() -> race(start, id, "b"), pool);
                start.countDown();

                boolean aWon = a.get();
                boolean bWon = b.get();

                assertThat(aWon ^ bWon)
                        .as("exactly one writer wins round %d", round)
                        .isTrue();
                Story story = repository.find(id).orElseThrow();
                assertThat(story.passages()).hasSize(2);
                assertThat(story.passage(0).chosenId()).isEqualTo(aWon ? "a" : "b");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void rideKeepsTheBankVersionAndTheSeenMemoryItWasBoardedWith() {
        // given a ride boarded from bank version 1 by a player who had read three things
        String id = UUID.randomUUID().toString();
        Instant now = Instant.now();
        ContentPlan content = new ContentPlan(null, List.of("corridor", "mirror", "thread:cat"));

        // when
        repository.create(new Ride(id, OWNER, 7L, "en", false, 1, now, now, null, content, null), step(twoChoices()));
        repository.appendStep(id, 0, "a", step(twoChoices()), now);

        // then the stored ride carries them, step after step
        assertThat(repository.find(id).orElseThrow().ride().content()).isEqualTo(content);
    }

    @Test
    void aPlayersSeenMemoryKeepsTheMostRecentReadingFirst() {
        // given
        SeenMemory memory = new SeenMemory(database);
        String player = UUID.randomUUID().toString().replace("-", "") + "0".repeat(32);
        Instant start = Instant.parse("2026-12-01T10:00:00Z");

        // when a player reads three scenes, then one of them again
        memory.remember(player, List.of("corridor", "thread:song"), start);
        memory.remember(player, List.of("tea"), start.plusSeconds(60));
        memory.remember(player, List.of("corridor"), start.plusSeconds(120));

        // then each is kept once, the most recently read first
        assertThat(memory.recent(player)).containsExactly("corridor", "tea", "thread:song");
        assertThat(memory.recent("f".repeat(64))).isEmpty();
    }

    @Test
    void stepThatFailsHalfwayLeavesNothingBehind() {
        String id = newRide();
        StepResult unstorable = step(List.of(new ChoiceOption("a", "x".repeat(500)), new ChoiceOption("b", "Wait")));

        assertThatThrownBy(() -> repository.appendStep(id, 0, "a", unstorable, Instant.now()))
                .isInstanceOf(Jdbc.DataAccessException.class);

        Story story = repository.find(id).orElseThrow();
        assertThat(story.passages()).hasSize(1);
        assertThat(story.passage(0).chosenId()).isNull();
        assertThat(story.ride().stops()).isEqualTo(1);
    }

    private static boolean race(CountDownLatch start, String id, String choice) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return repository.appendStep(id, 0, choice, step(twoChoices()), Instant.now());
    }

    private static String newRide() {
        String id = UUID.randomUUID().toString();
        Instant now = Instant.now();
        repository.create(new Ride(id, OWNER, 7L, "en", false, 1, now, now, null), step(twoChoices()));
        return id;
    }

    private static List<ChoiceOption> twoChoices() {
        return List.of(new ChoiceOption("a", "Stay seated"), new ChoiceOption("b", "Walk forward"));
    }

    private static StepResult step(List<ChoiceOption> choices) {
        Narrative narrative = new Narrative(PASSAGE, choices, false, "A ride began.");
        return new StepResult(new Generation(narrative, "offline", "test", 1, 1), 0.0012, 1, 1, null);
    }
}
