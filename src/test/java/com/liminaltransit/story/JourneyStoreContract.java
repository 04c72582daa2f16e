package com.liminaltransit.story;

import static org.assertj.core.api.Assertions.assertThat;

import com.liminaltransit.narrative.ChoiceOption;
import com.liminaltransit.narrative.Generation;
import com.liminaltransit.narrative.Narrative;
import com.liminaltransit.narrative.chain.StepResult;
import com.liminaltransit.persistence.Database;
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
 * The journey's promises on every database we support: a branch copies its shared stops in one transaction and is
 * made once per door however requests race; a stop's versions are all kept and exactly one is in effect.
 */
abstract class JourneyStoreContract {

    private static final String OWNER = "1".repeat(64);

    private static Database database;
    private static StoryRepository rides;
    private static JourneyRepository journey;

    /** Opens and migrates the database a subclass names (call from its {@code @BeforeAll}). */
    static void open(String url, String user) {
        database = new Database(url, Optional.of(user), Optional.empty(), 8);
        database.migrateOnStart(null);
        rides = new StoryRepository(database);
        journey = new JourneyRepository(database);
    }

    @AfterAll
    static void closePool() {
        database.close();
    }

    @Test
    void branchCopiesTheStopsUpToItsForkWithTheForkOpenAndCostingNothing() {
        String root = rideOfThreeStops();

        String branch = UUID.randomUUID().toString();
        boolean made = journey.createBranch(branch, new Fork(root, 1, "b", root), Instant.now());

        assertThat(made).isTrue();
        Story original = rides.find(root).orElseThrow();
        Story copy = rides.find(branch).orElseThrow();
        assertThat(copy.passages()).hasSize(2);
        assertThat(copy.passage(0).body()).isEqualTo(original.passage(0).body());
        assertThat(copy.passage(0).chosenId()).isEqualTo("a");
        assertThat(copy.passage(1).chosenId())
                .as("the fork stop waits for its door")
                .isNull();
        assertThat(copy.passage(1).choices()).isEqualTo(original.passage(1).choices());
        assertThat(copy.ride().fork()).isEqualTo(new Fork(root, 1, "b", root));
        assertThat(copy.ride().seed()).isEqualTo(original.ride().seed());
        assertThat(copy.ride().ownerHash()).isEqualTo(OWNER);
        assertThat(original.passages()).hasSize(3);
        assertThat(rides.appendStep(branch, 1, "b", step("The other door opens."), Instant.now()))
                .isTrue();
        assertThat(rides.find(branch).orElseThrow().passages()).hasSize(3);
    }

    @Test
    void aDoorHasOneBranchAndAnotherDoorItsOwn() {
        String root = rideOfThreeStops();

        boolean first = journey.createBranch(UUID.randomUUID().toString(), new Fork(root, 0, "b", root), Instant.now());
        boolean twin = journey.createBranch(UUID.randomUUID().toString(), new Fork(root, 0, "b", root), Instant.now());
        boolean other = journey.createBranch(UUID.randomUUID().toString(), new Fork(root, 0, "c", root), Instant.now());

        assertThat(first).isTrue();
        assertThat(twin).isFalse();
        assertThat(other).isTrue();
        assertThat(journey.branchesAt(root, 0)).containsOnlyKeys("b", "c");
        assertThat(rideOfThreeStops())
                .as("rides without a parent are never twins")
                .isNotNull();
    }

    @Test
    void twoRequestsRacingForOneDoorMakeExactlyOneBranch() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                String root = rideOfThreeStops();
                CountDownLatch start = new CountDownLatch(1);
                CompletableFuture<Boolean> a = CompletableFuture.supplyAsync(() -> race(start, root), pool);
                CompletableFuture<Boolean> b = CompletableFuture.supplyAsync(() -> race(start, root), pool);
                start.countDown();

                assertThat(a.get() ^ b.get())
                        .as("exactly one branch in round %d", round)
                        .isTrue();
                assertThat(journey.branchesAt(root, 1)).hasSize(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void askingAgainKeepsEveryVersionAndPutsTheNewOneInEffect() {
        String root = rideOfThreeStops();

        boolean second = journey.addVersion(root, 2, 1, step("Told a second time."), Instant.now(), null);
        boolean stale = journey.addVersion(root, 2, 1, step("Told by a twin."), Instant.now(), null);
        boolean third = journey.addVersion(root, 2, 2, step("Told a third time."), Instant.now(), null);

        assertThat(second).isTrue();
        assertThat(stale).as("a twin that saw one version writes nothing").isFalse();
        assertThat(third).isTrue();
        Passage inEffect = rides.find(root).orElseThrow().passage(2);
        assertThat(inEffect.body()).isEqualTo("Told a third time.");
        assertThat(inEffect.version()).isEqualTo(3);
        assertThat(inEffect.versions()).isEqualTo(3);
        assertThat(journey.version(inEffect, root, 1).orElseThrow().body()).isEqualTo("Stop of the ride.");
        assertThat(journey.version(inEffect, root, 2).orElseThrow().body()).isEqualTo("Told a second time.");
        assertThat(journey.version(inEffect, root, 4)).isEmpty();
    }

    @Test
    void choosingFromAnEarlierVersionPutsItBackInEffect() {
        String root = rideOfThreeStops();
        journey.addVersion(root, 2, 1, step("Told a second time.", "x", "y"), Instant.now(), null);

        boolean answered = rides.appendStep(root, 2, "b", step("After the first telling."), Instant.now(), null, 1);

        assertThat(answered).isTrue();
        Passage stop = rides.find(root).orElseThrow().passage(2);
        assertThat(stop.version()).isEqualTo(1);
        assertThat(stop.body()).isEqualTo("Stop of the ride.");
        assertThat(stop.choices()).extracting(ChoiceOption::id).containsExactly("a", "b");
        assertThat(stop.chosenId()).isEqualTo("b");
        assertThat(journey.addVersion(root, 2, 2, step("Too late."), Instant.now(), null))
                .as("an answered stop is never written again")
                .isFalse();
    }

    @Test
    void theFamilyListsEveryRideWithTheStopsItOwns() {
        String root = rideOfThreeStops();
        String branch = UUID.randomUUID().toString();
        journey.createBranch(branch, new Fork(root, 1, "b", root), Instant.now());
        rides.appendStep(branch, 1, "b", step("The other door opens."), Instant.now());

        RideFamily family = journey.family(root);

        assertThat(family.members()).extracting(RideFamily.Member::id).containsExactly(root, branch);
        assertThat(family.root().own()).extracting(RideFamily.Stop::stop).containsExactly(0, 1, 2);
        RideFamily.Member member = family.member(branch).orElseThrow();
        assertThat(member.own()).extracting(RideFamily.Stop::stop).containsExactly(2);
        assertThat(member.forkLabel()).isEqualTo("Walk on");
        assertThat(family.root().own().get(1).chosenLabel()).isEqualTo("Stay");
    }

    private static boolean race(CountDownLatch start, String root) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return journey.createBranch(UUID.randomUUID().toString(), new Fork(root, 1, "b", root), Instant.now());
    }

    /** A ride whose stops 0 and 1 were answered with a, and whose stop 2 is open. */
    private static String rideOfThreeStops() {
        String id = UUID.randomUUID().toString();
        Instant now = Instant.now();
        rides.create(new Ride(id, OWNER, 11L, "en", false, 1, now, now, null), step("Stop of the ride."));
        rides.appendStep(id, 0, "a", step("Stop of the ride."), now);
        rides.appendStep(id, 1, "a", step("Stop of the ride."), now);
        return id;
    }

    private static StepResult step(String passage) {
        return step(passage, "a", "b");
    }

    private static StepResult step(String passage, String first, String second) {
        Narrative narrative = new Narrative(
                passage,
                List.of(new ChoiceOption(first, "Stay"), new ChoiceOption(second, "Walk on")),
                false,
                "A ride for the store's tests.");
        return new StepResult(new Generation(narrative, "offline", "test", 3, 5), 0.0021, 4, 1, null);
    }
}
