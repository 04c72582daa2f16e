package com.liminaltransit.story;

import com.liminaltransit.narrative.ChoiceOption;
import com.liminaltransit.narrative.Generation;
import com.liminaltransit.narrative.Narrative;
import com.liminaltransit.narrative.StepResult;
import com.liminaltransit.persistence.Jdbc;
import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The store's promises: one transaction per step, and a stop is never written twice however requests race. */
@HelidonTest
@AddConfig(key = "liminal.db.url",
        value = "jdbc:h2:mem:repository;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE")
class StoryRepositoryIT {

    private static final String PASSAGE = "The lamps flicker as the train leaves a station with no name on it.";

    @Inject
    private StoryRepository repository;

    @Test
    void rideIsStoredWithItsFirstPassageAndChoices() {
        String id = newRide();

        Story story = repository.find(id).orElseThrow();

        assertThat(story.passages()).hasSize(1);
        assertThat(story.current().choices()).extracting(ChoiceOption::id).containsExactly("a", "b");
        assertThat(story.current().open()).isTrue();
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

                assertThat(aWon ^ bWon).as("exactly one writer wins round %d", round).isTrue();
                Story story = repository.find(id).orElseThrow();
                assertThat(story.passages()).hasSize(2);
                assertThat(story.passage(0).chosenId()).isEqualTo(aWon ? "a" : "b");
                assertThat(story.ride().stops()).isEqualTo(2);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void stepThatFailsHalfwayLeavesNothingBehind() {
        String id = newRide();
        StepResult unstorable = step(List.of(new ChoiceOption("a", "x".repeat(500)),
                new ChoiceOption("b", "Wait")), false);

        assertThatThrownBy(() -> repository.appendStep(id, 0, "a", unstorable, Instant.now()))
                .isInstanceOf(Jdbc.DataAccessException.class);

        Story story = repository.find(id).orElseThrow();
        assertThat(story.passages()).hasSize(1);
        assertThat(story.passage(0).chosenId()).isNull();
        assertThat(story.ride().stops()).isEqualTo(1);
    }

    @Test
    void answeredStopCannotBeAnsweredAgain() {
        String id = newRide();
        assertThat(repository.appendStep(id, 0, "a", step(twoChoices(), false), Instant.now())).isTrue();

        boolean again = repository.appendStep(id, 0, "b", step(twoChoices(), false), Instant.now());

        assertThat(again).isFalse();
        assertThat(repository.find(id).orElseThrow().passages()).hasSize(2);
    }

    private boolean race(CountDownLatch start, String id, String choice) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return repository.appendStep(id, 0, choice, step(twoChoices(), false), Instant.now());
    }

    private String newRide() {
        String id = UUID.randomUUID().toString();
        Instant now = Instant.now();
        repository.create(new Ride(id, "0".repeat(64), 7L, "en", false, 1, now, now), step(twoChoices(), false));
        return id;
    }

    private static List<ChoiceOption> twoChoices() {
        return List.of(new ChoiceOption("a", "Stay seated"), new ChoiceOption("b", "Walk forward"));
    }

    private static StepResult step(List<ChoiceOption> choices, boolean ending) {
        Narrative narrative = new Narrative(PASSAGE, choices, ending, "A ride began.");
        return new StepResult(new Generation(narrative, "offline", "test", 1, 1), 0, 1, 1, null);
    }
}
