package com.liminaltransit.admin.ridebot;

import static org.assertj.core.api.Assertions.assertThat;

import com.liminaltransit.testing.Await;
import com.liminaltransit.testing.PlayerClient;
import com.liminaltransit.testing.PlayerClient.Answer;
import com.liminaltransit.testing.Writers;
import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import java.net.URI;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The bounds on writers' bot runs, on the offline storyteller and H2: a cap on rides per run, one queued or
 * playing run per writer (on every server: the rule is a row in the database), and cancel, with JavaScript off
 * (form, 303) and on (htmx fragments).
 */
@HelidonTest
@AddConfig(key = "liminal.db.url", value = RideBotLimitsIT.DB)
@AddConfig(key = "liminal.admin.users", value = "ada, bo")
@AddConfig(key = "liminal.admin.ada.password-hash", value = Writers.ADA_HASH)
@AddConfig(key = "liminal.admin.bo.password-hash", value = Writers.BO_HASH)
@AddConfig(key = "liminal.ridebot.max-rides", value = RideBotLimitsIT.CAP)
class RideBotLimitsIT {

    static final String DB = "jdbc:h2:mem:ridebot-limits;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
    /** Large enough that a run of this many offline rides is still going when the test cancels it. */
    static final String CAP = "20000";

    @Inject
    private WebTarget target;

    @AfterEach
    void everyActiveRunEnds() throws SQLException {
        // as a cancel from another server would: the worker stops before its next ride
        update("update ridebot_run set state = 'cancelled', active_writer = null where state = 'active'");
    }

    @Test
    void aRunOverTheCapIsA400FormNamingTheCapAndNothingStarts() throws SQLException {
        PlayerClient ada = signedIn(Writers.ADA, Writers.ADA_PASSWORD);
        String csrf = Writers.csrf(ada.get("/admin/randomtest").html());

        Answer page = ada.post("/admin/randomtest", Map.of("csrf", csrf, "rides", "20001", "seed", "1"));
        Answer fragment = ada.postHx("/admin/randomtest", Map.of("csrf", csrf, "rides", "20001", "seed", "1"));

        assertThat(page.status()).isEqualTo(400);
        Document form = page.html();
        assertThat(form.select("#run .notice").text())
                .contains("1 to 20000 rides")
                .contains("liminal.ridebot.max-rides");
        assertThat(form.select("form.randomtest-form input[name=rides]").val()).isEqualTo("20001");
        assertThat(form.select("form.randomtest-form input[name=rides]").attr("max"))
                .isEqualTo("20000");
        assertThat(fragment.status()).isEqualTo(400);
        assertThat(fragment.body()).doesNotContain("<html");
        assertThat(fragment.html().select("#run .notice").text()).contains("liminal.ridebot.max-rides");
        assertThat(count("select count(*) from ridebot_run")).isZero();
    }

    @Test
    void aSecondRunWhileTheFirstIsGoingIsA409ThatOffersToCancelIt() throws SQLException {
        // given ada's long run is going
        PlayerClient ada = signedIn(Writers.ADA, Writers.ADA_PASSWORD);
        String csrf = Writers.csrf(ada.get("/admin/randomtest").html());
        String first = runId(ada.post("/admin/randomtest", Map.of("csrf", csrf, "rides", CAP, "seed", "1")));

        // when she starts another
        Answer second = ada.post("/admin/randomtest", Map.of("csrf", csrf, "rides", "3", "seed", "2"));

        // then it is refused, naming the run she has and offering to cancel it; nothing else started
        assertThat(second.status()).isEqualTo(409);
        Document page = second.html();
        assertThat(page.select("#run .notice").text()).contains("already have a randomtest run");
        assertThat(page.select("#run a[href=/admin/randomtest/" + first + "]")).hasSize(1);
        assertThat(page.select("#run form.cancel-form").attr("action"))
                .isEqualTo("/admin/randomtest/" + first + "/cancel");
        assertThat(page.select("form.randomtest-form input[name=rides]").val())
                .as("the form keeps what she typed")
                .isEqualTo("3");
        assertThat(count("select count(*) from ridebot_run where started_by = 'ada'"))
                .isEqualTo(1);

        // and another writer is not held back by her run
        PlayerClient bo = signedIn(Writers.BO, Writers.BO_PASSWORD);
        String boCsrf = Writers.csrf(bo.get("/admin/randomtest").html());
        assertThat(bo.post("/admin/randomtest", Map.of("csrf", boCsrf, "rides", "1", "seed", "3"))
                        .status())
                .isEqualTo(303);

        // when she cancels the first (the form, without JavaScript; the token is required)
        assertThat(ada.post("/admin/randomtest/" + first + "/cancel", Map.of()).status())
                .isEqualTo(403);
        Answer cancelled = ada.post("/admin/randomtest/" + first + "/cancel", Map.of("csrf", csrf));

        // then she is sent to the run, whose report says it was cancelled before its last ride
        assertThat(cancelled.status()).isEqualTo(303);
        assertThat(URI.create(cancelled.header("Location").orElseThrow()).getPath())
                .isEqualTo("/admin/randomtest/" + first);
        Element run = awaitDone(ada, first);
        assertThat(run.select("#rt-cancelled").text())
                .startsWith("Cancelled after")
                .contains("of 20000 rides");
        assertThat(run.select(".verdict").text()).doesNotContain("Clean");
        assertThat(stateOf(first)).isEqualTo("cancelled");
        // and she may start again
        assertThat(ada.post("/admin/randomtest", Map.of("csrf", csrf, "rides", "1", "seed", "4"))
                        .status())
                .isEqualTo(303);
    }

    @Test
    void withHtmxTheRunOffersCancelAndCancellingAnswersItsFragment() throws SQLException {
        PlayerClient ada = signedIn(Writers.ADA, Writers.ADA_PASSWORD);
        String csrf = Writers.csrf(ada.get("/admin/randomtest").html());

        Answer started = ada.postHx("/admin/randomtest", Map.of("csrf", csrf, "rides", CAP, "seed", "5"));
        Element run = started.html().selectFirst("#run");
        String id = run.attr("hx-get").substring("/admin/randomtest/".length());
        assertThat(run.select("form.cancel-form").attr("hx-post")).isEqualTo("/admin/randomtest/" + id + "/cancel");

        // as htmx posts the run's cancel form: its fields, the token also in the header
        Answer cancelled = ada.send(HttpRequest.newBuilder(ada.uri("/admin/randomtest/" + id + "/cancel"))
                .header("HX-Request", "true")
                .header("X-CSRF-Token", csrf)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(PlayerClient.encode(Map.of("csrf", csrf)))));

        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.body()).doesNotContain("<html");
        Element after = cancelled.html().selectFirst("#run");
        assertThat(after).isNotNull();
        assertThat(after.select("form.cancel-form"))
                .as("no second cancel button")
                .isEmpty();
        assertThat(awaitDone(ada, id).select("#rt-cancelled").text()).startsWith("Cancelled after");
        assertThat(stateOf(id)).isEqualTo("cancelled");
    }

    @Test
    void aRunPlayingOnAnotherServerCountsAndCanBeCancelledFromThisOne() throws SQLException {
        // given another server plays ada's run
        String elsewhere = UUID.randomUUID().toString();
        update("insert into ridebot_run (id, started_by, rides, seed, state, active_writer, started_at)" + " values ('"
                + elsewhere + "', 'ada', 500, 9, 'active', 'ada', ?)");
        PlayerClient ada = signedIn(Writers.ADA, Writers.ADA_PASSWORD);
        String csrf = Writers.csrf(ada.get("/admin/randomtest").html());

        // when she starts one here, she is told about it
        Answer refused = ada.post("/admin/randomtest", Map.of("csrf", csrf, "rides", "2", "seed", "1"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.html().select("#run form.cancel-form").attr("action"))
                .isEqualTo("/admin/randomtest/" + elsewhere + "/cancel");
        assertThat(ada.get("/admin/randomtest/" + elsewhere)
                        .html()
                        .select("#run .run-progress")
                        .text())
                .contains("another server");

        // when she cancels it from here
        assertThat(ada.post("/admin/randomtest/" + elsewhere + "/cancel", Map.of("csrf", csrf))
                        .status())
                .isEqualTo(303);

        // then the database says so (the other server stops before its next ride) and she may start again
        assertThat(stateOf(elsewhere)).isEqualTo("cancelled");
        assertThat(ada.get("/admin/randomtest/" + elsewhere)
                        .html()
                        .select("#run .verdict")
                        .text())
                .isEqualTo("This run cancelled.");
        assertThat(ada.post("/admin/randomtest", Map.of("csrf", csrf, "rides", "1", "seed", "1"))
                        .status())
                .isEqualTo(303);
    }

    @Test
    void cancellingAnUnknownRunIs404() {
        PlayerClient ada = signedIn(Writers.ADA, Writers.ADA_PASSWORD);
        String csrf = Writers.csrf(ada.get("/admin/randomtest").html());

        assertThat(ada.post("/admin/randomtest/" + UUID.randomUUID() + "/cancel", Map.of("csrf", csrf))
                        .status())
                .isEqualTo(404);
        assertThat(ada.post("/admin/randomtest/not-a-run/cancel", Map.of("csrf", csrf))
                        .status())
                .isEqualTo(404);
    }

    /** Polls the run's page (as a writer would reload it) until it is over, within a bound. */
    private static Element awaitDone(PlayerClient writer, String id) {
        Element run = Await.until(
                Duration.ofSeconds(60),
                "run " + id + " is over",
                () -> writer.get("/admin/randomtest/" + id).html().selectFirst("#run"),
                page -> !"running".equals(page.attr("data-state")));
        assertThat(run.attr("data-state")).as("run %s is over", id).isEqualTo("done");
        return run;
    }

    private PlayerClient signedIn(String name, String password) {
        PlayerClient writer = new PlayerClient(URI.create(target.getUri().toString()));
        Writers.signedIn(writer, name, password);
        return writer;
    }

    private static String runId(Answer started) {
        assertThat(started.status()).isEqualTo(303);
        return URI.create(started.header("Location").orElseThrow()).getPath().substring("/admin/randomtest/".length());
    }

    private static String stateOf(String id) throws SQLException {
        try (Connection connection = DriverManager.getConnection(DB, "sa", "");
                PreparedStatement query = connection.prepareStatement("select state from ridebot_run where id = ?")) {
            query.setString(1, id);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    private static void update(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(DB, "sa", "");
                PreparedStatement statement = connection.prepareStatement(sql)) {
            if (sql.contains("?")) {
                statement.setObject(1, Instant.now().atOffset(ZoneOffset.UTC));
            }
            statement.executeUpdate();
        }
    }

    private static int count(String query) throws SQLException {
        try (Connection connection = DriverManager.getConnection(DB, "sa", "");
                Statement statement = connection.createStatement();
                var rows = statement.executeQuery(query)) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
