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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /stories/{id}/retries}: the owner asks for another version of the open stop, up to the limit; every
 * version is kept with its own accounting, the player reads "version 2 of 3" with the others a link away and can
 * continue from any of them; an answered stop is never written again.
 */
@HelidonTest
@AddConfig(key = "liminal.ai.chain", value = "openai")
@AddConfig(key = "liminal.ai.openai.api-key", value = "sk-test-key")
@AddConfig(key = "liminal.ai.openai.model", value = "gpt-stub")
@AddConfig(key = "liminal.ai.price.gpt-stub.input", value = "0.001")
@AddConfig(key = "liminal.ai.price.gpt-stub.output", value = "0.002")
@AddConfig(key = "liminal.story.retries-per-stop", value = "2")
@AddConfig(key = "liminal.limits.enabled", value = "false")
@AddConfig(key = "liminal.db.url", value = RetryIT.DB)
class RetryIT {

    static final String DB = "jdbc:h2:mem:retries;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
    private static final VendorStub STUB = VendorStub.start(new OpenAiWire());
    /** What the stub's answers cost at the configured prices: 412 tokens in, 131 out. */
    private static final BigDecimal STUB_COST = new BigDecimal("0.000674");
    /** How every passage written by {@link #narrative} ends. */
    private static final String TAIL = ", and the lamps burn low as the carriage hums along the line.";

    @Inject
    private WebTarget target;

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
    void everyVersionIsKeptWithItsOwnAccountingAndTheNewestIsShown() throws SQLException {
        // given a ride boarded on the vendor
        String ride = Rides.board(player);
        // when the player asks again twice: the vendor refuses the first time (offline writes it), then answers
        STUB.reset();
        STUB.then(VendorStub.status(400), VendorStub.answering(narrative("The third telling", "x", "y")));
        Answer second = retry(player, ride, 0, 1);
        Answer third = retry(player, ride, 0, 2);

        // then each answer leads to its version, and the ride shows the newest as "version 3 of 3"
        assertThat(second.status()).isEqualTo(303);
        assertThat(second.header("Location")).hasValue("/stories/" + ride + "/stops/0?version=2");
        assertThat(third.header("Location")).hasValue("/stories/" + ride + "/stops/0?version=3");
        Document page = player.get("/stories/" + ride).html();
        assertThat(page.select("article[data-stop='0'] .passage").text()).startsWith("The third telling");
        assertThat(page.select("article[data-stop='0'] .version-of").text()).isEqualTo("Version 3 of 3");
        assertThat(page.select("article[data-stop='0'] .stop-links a").eachAttr("href"))
                .contains("/stories/" + ride + "/stops/0?version=1", "/stories/" + ride + "/stops/0?version=2");
        assertThat(Rides.choiceIds(page)).containsExactly("x", "y");
        assertThat(page.select("form.ask-again")).as("no retries left").isEmpty();
        // and every version keeps who wrote it and what it cost
        try (Connection db = db()) {
            List<List<String>> versions = rows(
                    db,
                    "select version, provider, input_tokens, output_tokens, cost_usd from passage_version"
                            + " where ride_id = ? and stop = 0 order by version",
                    ride);
            assertThat(versions).hasSize(3);
            assertThat(versions.get(0)).startsWith("1", "openai", "412", "131");
            assertThat(new BigDecimal(versions.get(0).get(4))).isEqualByComparingTo(STUB_COST);
            assertThat(versions.get(1)).startsWith("2", "offline");
            assertThat(new BigDecimal(versions.get(1).get(4))).isEqualByComparingTo(BigDecimal.ZERO);
            assertThat(versions.get(2)).startsWith("3", "openai", "412", "131");
            assertThat(rows(db, "select version, provider, body from passage where ride_id = ? and stop = 0", ride))
                    .containsExactly(List.of("3", "openai", "The third telling" + TAIL));
        }
    }

    @Test
    void theOtherVersionsCanBeReadAndTheRideGoesOnFromTheOneChosen() throws SQLException {
        // given a stop written twice, with different choices
        STUB.then(VendorStub.answering(narrative("The first telling", "p", "q")));
        String ride = Rides.board(player);
        STUB.then(VendorStub.answering(narrative("The second telling", "r", "s")));
        retry(player, ride, 0, 1);
        STUB.reset();

        // when the player reads version 1 and chooses from it
        Document first = player.get("/stories/" + ride + "/stops/0?version=1").html();
        assertThat(first.select("article[data-stop='0'] .passage").text()).startsWith("The first telling");
        assertThat(first.select("article[data-stop='0'] .version-of").text()).isEqualTo("Version 1 of 2");
        assertThat(first.select("#stop-0[autofocus]")).hasSize(1);
        assertThat(first.select("form.choices input[name=version]").val()).isEqualTo("1");
        Answer chosen =
                player.post("/stories/" + ride + "/choices", Map.of("step", "0", "choice", "q", "version", "1"));

        // then the ride goes on from version 1, which is now the stop's version in effect
        assertThat(chosen.status()).isEqualTo(303);
        assertThat(STUB.requests()).hasSize(1);
        assertThat(STUB.requests().getFirst().body()).contains("The first telling");
        Document page = player.get("/stories/" + ride).html();
        assertThat(Rides.stopCount(page)).isEqualTo(2);
        assertThat(page.select("article[data-stop='0'] .passage").text()).startsWith("The first telling");
        assertThat(page.select("#chosen-0").text()).isEqualTo("You chose: Choice q");
        assertThat(page.select("article[data-stop='0'] .version-of").text()).isEqualTo("Version 1 of 2");
        try (Connection db = db()) {
            assertThat(rows(db, "select version, chosen_id from passage where ride_id = ? and stop = 0", ride))
                    .containsExactly(List.of("1", "q"));
            assertThat(rows(db, "select id from choice where ride_id = ? and stop = 0 order by position", ride))
                    .containsExactly(List.of("p"), List.of("q"));
        }
        // and the version not taken is still readable, marked so, with nothing to choose
        Document notTaken =
                player.get("/stories/" + ride + "/stops/0?version=2").html();
        assertThat(notTaken.select("article[data-stop='0'] .passage").text()).startsWith("The second telling");
        assertThat(notTaken.select("article[data-stop='0'] .stop-links").text()).contains("not taken");
        assertThat(notTaken.select("main form")).isEmpty(); // (the footer's language switch is for everyone)
        // and the same choice from the same version again is a replay; from the other version, a conflict
        assertThat(player.post("/stories/" + ride + "/choices", Map.of("step", "0", "choice", "q", "version", "1"))
                        .status())
                .isEqualTo(303);
        assertThat(player.post("/stories/" + ride + "/choices", Map.of("step", "0", "choice", "r", "version", "2"))
                        .status())
                .isEqualTo(409);
        assertThat(STUB.requests()).hasSize(1);
    }

    @Test
    void pastTheLimitIsAConflictPageAndWritesNothing() throws SQLException {
        String ride = Rides.board(player);
        retry(player, ride, 0, 1);
        retry(player, ride, 0, 2);
        STUB.reset();

        Answer refused = retry(player, ride, 0, 3);
        Answer refusedHx = player.postHx("/stories/" + ride + "/retries", Map.of("step", "0", "versions", "3"));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.html().select(".notice").text()).contains("the most it allows");
        assertThat(refusedHx.status()).isEqualTo(409);
        assertThat(refusedHx.body()).doesNotContain("<html");
        assertThat(refusedHx.header("HX-Retarget")).hasValue("#ride");
        assertThat(STUB.requests()).isEmpty();
        try (Connection db = db()) {
            assertThat(Tables.count(db, "select count(*) from passage_version where ride_id = ?", ride))
                    .isEqualTo(3);
        }
    }

    @Test
    void anAnsweredStopIsNeverWrittenAgain() throws SQLException {
        String ride = Journeys.rideOf(player, 2);
        String before = player.get("/stories/" + ride + "/stops/0")
                .html()
                .select("article[data-stop='0']")
                .outerHtml();
        STUB.reset();

        Answer refused = retry(player, ride, 0, 1);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.html().select(".notice").text()).contains("never written again");
        assertThat(STUB.requests()).isEmpty();
        assertThat(player.get("/stories/" + ride + "/stops/0")
                        .html()
                        .select("article[data-stop='0']")
                        .outerHtml())
                .isEqualTo(before);
        try (Connection db = db()) {
            assertThat(Tables.count(db, "select count(*) from passage_version where ride_id = ?", ride))
                    .isZero();
        }
    }

    @Test
    void theSameRetryAgainAnswersTheVersionItMadeWithoutAnotherCall() {
        String ride = Rides.board(player);
        STUB.reset();

        Answer first = retry(player, ride, 0, 1);
        Answer again = retry(player, ride, 0, 1);

        assertThat(again.status()).isEqualTo(303);
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(STUB.requests()).hasSize(1);
        assertThat(player.get("/stories/" + ride)
                        .html()
                        .select("article[data-stop='0'] .version-of")
                        .text())
                .isEqualTo("Version 2 of 2");
    }

    @Test
    void twoTabsAskingAgainAtOnceMakeOneVersionWithOneCall() throws Exception {
        String ride = Rides.board(player);
        STUB.reset();
        STUB.times(3, VendorStub.delayed(400));

        CountDownLatch start = new CountDownLatch(1);
        List<Future<Answer>> pending = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 3; i++) {
                pending.add(pool.submit(() -> {
                    start.await();
                    return retry(player, ride, 0, 1);
                }));
            }
            start.countDown();
            for (Future<Answer> answer : pending) {
                assertThat(answer.get(60, TimeUnit.SECONDS).header("Location"))
                        .hasValue("/stories/" + ride + "/stops/0?version=2");
            }
        }
        assertThat(STUB.requests()).hasSize(1);
    }

    @Test
    void withHtmxTheRideComesBackWithTheNewVersionFocused() {
        String ride = Rides.board(player);
        STUB.then(VendorStub.answering(narrative("Told again", "m", "n")));

        Answer fragment = player.postHx("/stories/" + ride + "/retries", Map.of("step", "0", "versions", "1"));

        assertThat(fragment.status()).isEqualTo(200);
        assertThat(fragment.body()).doesNotContain("<html");
        assertThat(fragment.header("HX-Retarget")).hasValue("#ride");
        Document html = fragment.html();
        assertThat(html.select("section#ride article[data-stop='0'] .passage").text())
                .startsWith("Told again");
        assertThat(html.select("#stop-0[autofocus]")).hasSize(1);
        assertThat(html.select("article[data-stop='0'] .version-of").text()).isEqualTo("Version 2 of 2");
        assertThat(Rides.choiceIds(html)).containsExactly("m", "n");
        assertThat(html.select("form.ask-again input[name=versions]").val()).isEqualTo("2");
    }

    @Test
    void onlyTheOwnerMayAskAgainAndBadRequestsWriteNothing() throws SQLException {
        String ride = Journeys.rideOf(player, 2);
        PlayerClient stranger = new PlayerClient(player.uri("/"));
        STUB.reset();

        Answer forbidden = retry(stranger, ride, 1, 1);
        Answer unknown = retry(player, UUID.randomUUID().toString(), 0, 1);
        List<Answer> bad = List.of(
                player.post("/stories/" + ride + "/retries", Map.of()),
                player.post("/stories/" + ride + "/retries", Map.of("step", "x")),
                player.post("/stories/" + ride + "/retries", Map.of("step", "1", "versions", "0")),
                player.post("/stories/" + ride + "/retries", Map.of("step", "1", "versions", "<i>")),
                retry(player, ride, 2, 1));

        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(stranger.get("/stories/" + ride).html().select("form.ask-again"))
                .isEmpty();
        assertThat(player.get("/stories/" + ride).html().select("form.ask-again"))
                .hasSize(1);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(bad).allSatisfy(answer -> {
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.html().select(".problem[data-status=400]")).hasSize(1);
        });
        assertThat(STUB.requests()).isEmpty();
        try (Connection db = db()) {
            assertThat(Tables.count(db, "select count(*) from passage_version where ride_id = ?", ride))
                    .isZero();
        }
    }

    private static Answer retry(PlayerClient who, String ride, int step, int seen) {
        return who.post(
                "/stories/" + ride + "/retries",
                Map.of("step", Integer.toString(step), "versions", Integer.toString(seen)));
    }

    /** A valid AI-contract object whose passage begins {@code opening}, with two choices labelled "Choice {id}". */
    private static String narrative(String opening, String first, String second) {
        return """
                {"passage": "%s%s", "choices": [{"id": "%s", "label": "Choice %s"}, {"id": "%s", "label": "Choice %s"}],
                 "ending": false, "summary": "A stop told once more."}""".formatted(opening, TAIL, first, first, second, second);
    }

    private static List<List<String>> rows(Connection db, String sql, String parameter) throws SQLException {
        return Tables.rows(db, sql, parameter);
    }

    private static Connection db() throws SQLException {
        return DriverManager.getConnection(DB, "sa", "");
    }
}
