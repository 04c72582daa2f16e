package com.liminaltransit.story;

import static org.assertj.core.api.Assertions.assertThat;

import com.liminaltransit.narrative.openai.OpenAiWire;
import com.liminaltransit.testing.PlayerClient;
import com.liminaltransit.testing.PlayerClient.Answer;
import com.liminaltransit.testing.Rides;
import com.liminaltransit.testing.VendorStub;
import io.helidon.config.mp.MpConfigSources;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import java.math.BigDecimal;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /stories/{id}/branches}: another door taken at an answered stop makes a new ride that shares the stops
 * before it without any vendor call, then writes the door's stop with exactly one; the original is untouched; a
 * repeated request, a racing twin and the door already taken all land without another call.
 */
@HelidonTest
@AddConfig(key = "liminal.ai.chain", value = "openai")
@AddConfig(key = "liminal.ai.openai.api-key", value = "sk-test-key")
@AddConfig(key = "liminal.ai.openai.model", value = "gpt-stub")
@AddConfig(key = "liminal.limits.enabled", value = "false")
@AddConfig(key = "liminal.db.url", value = BranchIT.DB)
class BranchIT {

    static final String DB = "jdbc:h2:mem:branches;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
    private static final VendorStub STUB = VendorStub.start(new OpenAiWire());

    @Inject
    private WebTarget target;

    @Inject
    private JourneyRepository journey;

    private PlayerClient player;

    @AddConfigSource
    static ConfigSource stubAddress() {
        return MpConfigSources.create(Map.of("liminal.ai.openai.base-url", STUB.uri() + "/v1"));
    }

    @AfterAll
    static void stopStub() {
        STUB.close();
    }

    @BeforeEach
    void newPlayer() {
        STUB.reset();
        player = new PlayerClient(URI.create(target.getUri().toString()));
    }

    @Test
    void branchCopiesTheSharedStopsWithoutAVendorCallAndWritesTheNewStopWithOne() throws SQLException {
        // given a ride of three stops whose stop 1 was answered with its first choice (a)
        String ride = Journeys.rideOf(player, 3);
        Document before = player.get("/stories/" + ride).html();
        STUB.reset();

        // when the player takes door b at stop 1
        Answer branched = branch(player, ride, 1, "b");

        // then one vendor call wrote the branch's stop 2, and the player is sent to it
        assertThat(STUB.requests()).hasSize(1);
        assertThat(branched.status()).isEqualTo(303);
        Journeys.Landing landing = Journeys.landing(branched.header("Location").orElseThrow());
        assertThat(landing.rideId()).isNotEqualTo(ride);
        assertThat(landing.stop()).isEqualTo(2);
        Document branch = player.get("/stories/" + landing.rideId()).html();
        assertThat(Rides.stopCount(branch)).isEqualTo(3);
        for (int stop = 0; stop <= 1; stop++) {
            assertThat(branch.select("article[data-stop='" + stop + "'] .passage")
                            .text())
                    .isEqualTo(before.select("article[data-stop='" + stop + "'] .passage")
                            .text());
        }
        assertThat(branch.select("#chosen-0").text())
                .isEqualTo(before.select("#chosen-0").text());
        assertThat(branch.select("#chosen-1").text()).isEqualTo("You chose: Follow the conductor");
        assertThat(branch.select(".ride-nav a[href=/stories/" + ride + "/stops/1]"))
                .hasSize(1);
        assertThat(Rides.openStep(branch)).isEqualTo(2);
        // and the original is as it was
        Document original = player.get("/stories/" + ride).html();
        assertThat(original.select("#journey").outerHtml())
                .isEqualTo(before.select("#journey").outerHtml());
        // and the branch records where it came from; its copies cost nothing, its own stop was paid once
        try (Connection db = db()) {
            assertThat(row(
                            db,
                            "select parent_id, parent_stop, parent_choice, root_id from ride where id = ?",
                            landing.rideId()))
                    .containsExactly(ride, "1", "b", ride);
            assertThat(costs(db, landing.rideId())).hasSize(3).satisfies(costs -> {
                assertThat(costs.get(0)).isZero();
                assertThat(costs.get(1)).isZero();
                assertThat(costs.get(2)).isEqualTo(412);
            });
        }
    }

    @Test
    void theSameBranchAgainLandsOnItWithoutAnotherCallWithOrWithoutHtmx() throws SQLException {
        String ride = Journeys.rideOf(player, 2);
        String first = branch(player, ride, 0, "c").header("Location").orElseThrow();
        STUB.reset();

        Answer again = branch(player, ride, 0, "c");
        Answer againHx = player.postHx("/stories/" + ride + "/branches", Map.of("from", "0", "choice", "c"));

        assertThat(again.status()).isEqualTo(303);
        assertThat(again.header("Location")).hasValue(first);
        assertThat(againHx.status()).isEqualTo(204);
        assertThat(againHx.header("HX-Location")).hasValue(first);
        assertThat(STUB.requests()).isEmpty();
        try (Connection db = db()) {
            assertThat(count(db, "select count(*) from ride where parent_id = ?", ride))
                    .isEqualTo(1);
        }
    }

    @Test
    void theDoorAlreadyTakenLeadsToTheOriginalRideAndMakesNothing() throws SQLException {
        String ride = Journeys.rideOf(player, 3);
        STUB.reset();

        Answer taken = branch(player, ride, 1, "a");

        assertThat(taken.status()).isEqualTo(303);
        assertThat(taken.header("Location")).hasValue("/stories/" + ride + "#stop-2");
        assertThat(STUB.requests()).isEmpty();
        try (Connection db = db()) {
            assertThat(count(db, "select count(*) from ride where parent_id = ?", ride))
                    .isZero();
        }
    }

    @Test
    void onlyTheOwnerMayBranchAndBadRequestsWriteNothing() throws SQLException {
        String ride = Journeys.rideOf(player, 3);
        PlayerClient stranger = new PlayerClient(player.uri("/"));
        STUB.reset();
        int ridesBefore;
        try (Connection db = db()) {
            ridesBefore = count(db, "select count(*) from ride", null);
        }

        Answer forbidden = branch(stranger, ride, 1, "b");
        Answer unknown = branch(player, UUID.randomUUID().toString(), 1, "b");
        Answer malformedId = player.post("/stories/nope/branches", Map.of("from", "1", "choice", "b"));
        List<Answer> bad = List.of(
                player.post("/stories/" + ride + "/branches", Map.of()),
                player.post("/stories/" + ride + "/branches", Map.of("from", "1")),
                player.post("/stories/" + ride + "/branches", Map.of("choice", "b")),
                branch(player, ride, 2, "b"), // the open stop: choose there
                branch(player, ride, 3, "b"), // past the last stop
                branch(player, ride, 1, "zz"), // not offered there
                player.post("/stories/" + ride + "/branches", Map.of("from", "-1", "choice", "b")),
                player.post("/stories/" + ride + "/branches", Map.of("from", "one", "choice", "b")),
                player.post("/stories/" + ride + "/branches", Map.of("from", "1", "choice", "<b>x</b>")));

        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.html().select(".problem[data-status=403]")).hasSize(1);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(malformedId.status()).isEqualTo(404);
        assertThat(bad).allSatisfy(answer -> {
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.html().select(".problem[data-status=400]")).hasSize(1);
            assertThat(answer.body()).doesNotContain("Exception", "<b>x");
        });
        assertThat(STUB.requests()).isEmpty();
        try (Connection db = db()) {
            assertThat(count(db, "select count(*) from ride", null)).isEqualTo(ridesBefore);
        }
    }

    @Test
    void twoTabsAskingForTheSameDoorAtOnceLandOnOneBranchWithOneCall() throws Exception {
        // given a ride whose next stop takes the vendor half a second to write
        String ride = Journeys.rideOf(player, 2);
        STUB.reset();
        STUB.times(4, VendorStub.delayed(500));

        // when four tabs take door b at stop 0 together
        List<Answer> answers = race(4, i -> "b", ride);

        // then every tab lands on the one branch, written with one call
        assertThat(answers).extracting(Answer::status).containsOnly(303);
        assertThat(answers.stream().map(a -> a.header("Location").orElseThrow()).distinct())
                .hasSize(1);
        assertThat(STUB.requests()).hasSize(1);
        String branch = Journeys.landing(answers.getFirst().header("Location").orElseThrow())
                .rideId();
        assertThat(Rides.stopCount(player.get("/stories/" + branch).html())).isEqualTo(2);
        try (Connection db = db()) {
            assertThat(count(db, "select count(*) from ride where parent_id = ?", ride))
                    .isEqualTo(1);
        }
    }

    @Test
    void twoTabsTakingDifferentDoorsAtOnceMakeTwoBranchesEachWithItsDoor() throws Exception {
        String ride = Journeys.rideOf(player, 2);
        STUB.reset();
        STUB.times(2, VendorStub.delayed(300));

        List<Answer> answers = race(2, i -> i == 0 ? "b" : "c", ride);

        assertThat(answers).extracting(Answer::status).containsOnly(303);
        assertThat(STUB.requests()).hasSize(2);
        for (int i = 0; i < 2; i++) {
            String branch = Journeys.landing(answers.get(i).header("Location").orElseThrow())
                    .rideId();
            Document page = player.get("/stories/" + branch).html();
            assertThat(page.select("#chosen-0").text())
                    .isEqualTo(i == 0 ? "You chose: Follow the conductor" : "You chose: Stay by the door");
        }
    }

    @Test
    void aDoorAtAStopABranchSharesBelongsToTheRideThatOwnsTheStop() throws SQLException {
        // given a ride of three stops and a branch that took door b at stop 1 (sharing stops 0 and 1)
        String ride = Journeys.rideOf(player, 3);
        String branch = Journeys.landing(
                        branch(player, ride, 1, "b").header("Location").orElseThrow())
                .rideId();
        STUB.reset();

        // when, from the branch, door c is taken at stop 0 (a stop it shares), and door a at stop 1
        String fromShared = Journeys.landing(
                        branch(player, branch, 0, "c").header("Location").orElseThrow())
                .rideId();
        Answer original = branch(player, branch, 1, "a");

        // then door c at stop 0 is a branch of the original ride, and door a at stop 1 is the original itself
        try (Connection db = db()) {
            assertThat(row(db, "select parent_id, parent_stop, parent_choice from ride where id = ?", fromShared))
                    .containsExactly(ride, "0", "c");
        }
        assertThat(original.header("Location")).hasValue("/stories/" + ride + "#stop-2");
        assertThat(STUB.requests()).hasSize(1);
        // and the permalink of stop 1, read on either ride, names the same three doors and where each led
        for (String reader : List.of(ride, branch)) {
            Document doors = player.get("/stories/" + reader + "/stops/1").html();
            assertThat(doors.select(".door-list li a").eachAttr("href"))
                    .containsExactlyInAnyOrder("/stories/" + ride + "/stops/2", "/stories/" + branch + "/stops/2");
            assertThat(doors.select(".door-list form.branch input[name=choice]").eachAttr("value"))
                    .containsExactly("c");
        }
    }

    @Test
    void aBranchLeftHalfMadeIsFinishedByTheSameRequestAndItsSharedStopNeverChanges() throws SQLException {
        // given a branch whose copy was made but whose door was never written (its request died mid-call)
        String ride = Journeys.rideOf(player, 2);
        String branch = UUID.randomUUID().toString();
        assertThat(journey.createBranch(branch, new Fork(ride, 0, "b", ride), java.time.Instant.now()))
                .isTrue();
        STUB.reset();

        // when the owner tries another door there, or asks for another version of the shared stop
        Answer otherDoor = player.post("/stories/" + branch + "/choices", Map.of("step", "0", "choice", "c"));
        Answer retried = player.post("/stories/" + branch + "/retries", Map.of("step", "0", "versions", "1"));
        // and then asks for the branch again
        Answer again = branch(player, ride, 0, "b");

        // then the shared stop stays as the original told it, and the same request finishes the branch, one call
        assertThat(otherDoor.status()).isEqualTo(409);
        assertThat(retried.status()).isEqualTo(409);
        assertThat(again.header("Location")).hasValue("/stories/" + branch + "#stop-1");
        assertThat(STUB.requests()).hasSize(1);
        Document finished = player.get("/stories/" + branch).html();
        assertThat(finished.select("#chosen-0").text()).isEqualTo("You chose: Follow the conductor");
        assertThat(finished.select("article[data-stop='0'] .version-of")).isEmpty();
        assertThat(Rides.stopCount(finished)).isEqualTo(2);
    }

    @Test
    void thePlayersRidesListShowsEachBranchUnderItsRide() {
        String ride = Journeys.rideOf(player, 3);
        String branch = Journeys.landing(
                        branch(player, ride, 1, "b").header("Location").orElseThrow())
                .rideId();
        Journeys.choose(player, branch, 2, 0);
        String deeper = Journeys.landing(
                        branch(player, branch, 2, "c").header("Location").orElseThrow())
                .rideId();

        Document landing = player.get("/").html();

        Element top = landing.selectFirst(".my-rides > .ride-list > li");
        assertThat(landing.select(".my-rides > .ride-list > li")).hasSize(1);
        assertThat(top.selectFirst("a").attr("href")).isEqualTo("/stories/" + ride);
        Element nested = top.selectFirst(".ride-branches > li");
        assertThat(nested.selectFirst("a").attr("href")).isEqualTo("/stories/" + branch);
        assertThat(nested.selectFirst("a").text()).contains("Another door at stop 1", "Follow the conductor");
        assertThat(nested.selectFirst("ol.ride-branches").selectFirst("a").attr("href"))
                .isEqualTo("/stories/" + deeper);
    }

    @Test
    void permalinkOfAnAnsweredStopOffersItsOwnerTheOtherDoorsAsFormsAndOthersNone() {
        String ride = Journeys.rideOf(player, 3);
        PlayerClient stranger = new PlayerClient(player.uri("/"));

        Document asOwner = player.get("/stories/" + ride + "/stops/1").html();
        Document asStranger = stranger.get("/stories/" + ride + "/stops/1").html();

        assertThat(asOwner.select(".door-list form.branch[action=/stories/" + ride + "/branches]"))
                .hasSize(2);
        assertThat(asOwner.select(".door-list form.branch input[name=from]").eachAttr("value"))
                .containsOnly("1");
        assertThat(asStranger.select(".door-list li")).hasSize(3);
        assertThat(asStranger.select("main form")).isEmpty(); // (the footer's language switch is for everyone)
    }

    private Answer branch(PlayerClient who, String ride, int from, String choice) {
        return who.post("/stories/" + ride + "/branches", Map.of("from", Integer.toString(from), "choice", choice));
    }

    private List<Answer> race(int racers, java.util.function.IntFunction<String> choiceOf, String ride)
            throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Answer>> pending = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < racers; i++) {
                String choice = choiceOf.apply(i);
                pending.add(pool.submit(() -> {
                    start.await();
                    return branch(player, ride, 0, choice);
                }));
            }
            start.countDown();
            List<Answer> answers = new ArrayList<>();
            for (Future<Answer> answer : pending) {
                answers.add(answer.get(60, TimeUnit.SECONDS));
            }
            return answers;
        }
    }

    static Connection db() throws SQLException {
        return DriverManager.getConnection(DB, "sa", "");
    }

    static int count(Connection db, String sql, String parameter) throws SQLException {
        return Tables.count(db, sql, parameter);
    }

    static List<String> row(Connection db, String sql, String parameter) throws SQLException {
        List<List<String>> rows = Tables.rows(db, sql, parameter);
        if (rows.isEmpty()) {
            throw new AssertionError("no row for " + parameter);
        }
        return rows.getFirst();
    }

    /** Input tokens per stop of a ride (0 for a stop copied from another ride). */
    private static List<Integer> costs(Connection db, String ride) throws SQLException {
        try (PreparedStatement query =
                db.prepareStatement("select input_tokens, cost_usd from passage where ride_id = ? order by stop")) {
            query.setString(1, ride);
            List<Integer> tokens = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    tokens.add(rows.getInt(1));
                    if (rows.getInt(1) == 0) {
                        assertThat(rows.getBigDecimal(2)).isEqualByComparingTo(BigDecimal.ZERO);
                    }
                }
            }
            return tokens;
        }
    }
}
