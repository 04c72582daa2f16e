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
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** The randomtest bot on the offline storyteller: it finds nothing wrong, plays deterministically, stays out of analytics. */
@HelidonTest
@AddConfig(key = "liminal.db.url", value = RideBotIT.DB)
@AddConfig(key = "liminal.admin.users", value = "ada")
@AddConfig(key = "liminal.admin.ada.password-hash", value = Writers.ADA_HASH)
class RideBotIT {

    static final String DB = "jdbc:h2:mem:randomtest-it;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";

    @Inject
    private RideBot bot;

    @Inject
    private WebTarget target;

    @Test
    void twoHundredOfflineRidesFindNothingWrong() {
        RideBotReport report = bot.run(200, 2026, done -> {});

        assertThat(report.findings()).isEmpty();
        assertThat(report.clean()).isTrue();
        assertThat(report.completed()).isEqualTo(200);
        assertThat(report.minStops()).isGreaterThan(1);
        assertThat(report.maxStops()).isLessThan(RideBot.MAX_STOPS);
        assertThat(report.maxOverlap()).isLessThanOrEqualTo(RideBotReport.REPETITION_THRESHOLD);
        assertThat(report.chain()).containsExactly("offline");
    }

    @Test
    void sameSeedPlaysTheSameRides() {
        RideBotReport first = bot.run(30, 99, done -> {});
        RideBotReport second = bot.run(30, 99, done -> {});

        assertThat(second.meanStops()).isEqualTo(first.meanStops());
        assertThat(second.meanOverlap()).isEqualTo(first.meanOverlap());
    }

    @Test
    void botRidesAreMarkedAndLeftOutOfPlayerAnalytics() throws SQLException {
        bot.run(5, 5, done -> {});
        PlayerClient writer = signedIn();

        Document analytics = writer.get("/admin/analytics").html();

        assertThat(count("select count(*) from ride where source = 'randomtest'"))
                .isGreaterThanOrEqualTo(5);
        assertThat(analytics.select("#figure-rides").text())
                .isEqualTo(String.valueOf(count("select count(*) from ride where source = 'player'")));
    }

    @Test
    void botRidesLeaveThePlayerMetricsAlone() {
        PlayerClient anyone = new PlayerClient(URI.create(target.getUri().toString()));
        com.liminaltransit.testing.Rides.board(anyone);
        java.util.List<String> before = rideMetrics(anyone);
        assertThat(before)
                .anySatisfy(line -> assertThat(line).startsWith("rides_completed"))
                .anySatisfy(line -> assertThat(line).startsWith("rides_started"));

        bot.run(5, 8, done -> {});

        assertThat(rideMetrics(anyone)).isEqualTo(before);
    }

    private static java.util.List<String> rideMetrics(PlayerClient client) {
        return com.liminaltransit.testing.Management.client()
                .get("/metrics")
                .body()
                .lines()
                .filter(l -> l.startsWith("rides_"))
                .toList();
    }

    @Test
    void writerStartsARunAndHtmxPollsItsProgressUntilTheReport() throws InterruptedException {
        PlayerClient writer = signedIn();
        String csrf = Writers.csrf(writer.get("/admin/randomtest").html());

        Answer started = writer.postHx("/admin/randomtest", Map.of("csrf", csrf, "rides", "20", "seed", "7"));

        assertThat(started.status()).isEqualTo(200);
        assertThat(started.body()).doesNotContain("<html");
        Element run = started.html().selectFirst("#run");
        String poll = run.attr("hx-get");
        if (run.attr("data-state").equals("running")) {
            assertThat(run.attr("hx-trigger")).isEqualTo("every 1s");
            assertThat(poll).startsWith("/admin/randomtest/");
        }
        // poll as the page does, until the run is done or a generous bound passes on a loaded machine
        if ("running".equals(run.attr("data-state"))) {
            run = Await.until(
                    Duration.ofSeconds(90),
                    "the run is done",
                    () -> writer.send(HttpRequest.newBuilder(writer.uri(poll)).header("HX-Request", "true"))
                            .html()
                            .selectFirst("#run"),
                    page -> !"running".equals(page.attr("data-state")));
        }
        assertThat(run.attr("data-state")).isEqualTo("done");
        assertThat(run.hasAttr("hx-trigger"))
                .as("polling stops when the run is done")
                .isFalse();
        assertThat(run.select(".verdict").text()).isEqualTo("Clean: nothing wrong found.");
        assertThat(run.select("#rt-completed").text()).isEqualTo("20 / 20");
        assertThat(run.select("#ed-within").text())
                .as("the editor's reading is shown")
                .endsWith("/ 20");
        assertThat(run.select("#ed-verdict").text()).isEqualTo("The editor finds nothing wrong.");
        assertThat(run.select("#ed-endings tbody tr")).isNotEmpty();
        assertThat(run.select("details.transcript pre")).hasSize(3);
    }

    @Test
    void leastUsedPolicyReadsOfflineRidesWithTheirTraces() {
        RideBotReport report = bot.run(40, 3, null, ChoicePolicy.LEAST_USED, done -> {}, () -> false);

        EditorReport editor = report.editor();
        assertThat(editor.policy()).isEqualTo("least-used");
        assertThat(editor.rides()).isEqualTo(40);
        assertThat(editor.coverage())
                .as("offline wrote every stop, so its traces were read")
                .isNotNull();
        assertThat(editor.coverage().traced()).isEqualTo(40);
        assertThat(editor.coverage().endings()).isNotEmpty();
        assertThat(report.toText()).contains("editor's reading (least-used choices, 40 rides)");
    }

    @Test
    void unknownPolicyIsABadRequest() {
        PlayerClient writer = signedIn();
        String csrf = Writers.csrf(writer.get("/admin/randomtest").html());

        Answer refused = writer.post("/admin/randomtest", Map.of("csrf", csrf, "rides", "1", "policy", "cleverest"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.html().select("#run .notice").text()).contains("least-used");
    }

    @Test
    void runFormWithoutJavaScriptRedirectsToTheRunsPage() {
        PlayerClient writer = signedIn();
        String csrf = Writers.csrf(writer.get("/admin/randomtest").html());

        Answer started = writer.post("/admin/randomtest", Map.of("csrf", csrf, "rides", "1", "seed", ""));

        assertThat(started.status()).isEqualTo(303);
        String location = started.header("Location").orElseThrow();
        assertThat(URI.create(location).getPath()).matches("/admin/randomtest/[0-9a-f-]{36}");
        Answer page = writer.get(URI.create(location).getPath());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html().select("#run h2").text()).startsWith("Run of 1 rides");
    }

    @Test
    void nonsenseRideCountIsABadRequestPage() {
        PlayerClient writer = signedIn();
        String csrf = Writers.csrf(writer.get("/admin/randomtest").html());

        Answer tooMany = writer.post("/admin/randomtest", Map.of("csrf", csrf, "rides", "999999"));
        Answer notANumber = writer.post("/admin/randomtest", Map.of("csrf", csrf, "rides", "lots"));

        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(tooMany.html().select("#run .notice").text())
                .as("the default cap, named")
                .contains("1 to 1000 rides");
        assertThat(notANumber.html().select("#run .notice").text()).contains("number of rides");
    }

    @Test
    void aRunAskedToStopEndsBeforeItsNextRideWithACancelledReport() {
        int[] played = {0};

        RideBotReport report = bot.run(10, 11, null, done -> played[0] = done, () -> played[0] >= 3);

        assertThat(report.cancelled()).isTrue();
        assertThat(report.rides()).isEqualTo(3);
        assertThat(report.requested()).isEqualTo(10);
        assertThat(report.completed()).isEqualTo(3);
        assertThat(report.clean()).as("a cancelled run is not a clean one").isFalse();
        assertThat(report.toText()).contains("CANCELLED after 3 of 10 rides");
    }

    private PlayerClient signedIn() {
        PlayerClient writer = new PlayerClient(URI.create(target.getUri().toString()));
        Writers.signedIn(writer, Writers.ADA, Writers.ADA_PASSWORD);
        return writer;
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
