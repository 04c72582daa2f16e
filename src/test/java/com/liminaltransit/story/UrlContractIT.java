package com.liminaltransit.story;

import static org.assertj.core.api.Assertions.assertThat;

import com.liminaltransit.testing.Management;
import com.liminaltransit.testing.PlayerClient;
import com.liminaltransit.testing.PlayerClient.Answer;
import com.liminaltransit.testing.Rides;
import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every row of the player URL contract in DESIGN.md, against the server in-process on an in-memory H2. */
@HelidonTest
@AddConfig(
        key = "liminal.db.url",
        value = "jdbc:h2:mem:url-contract;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE")
class UrlContractIT {

    @Inject
    private WebTarget target;

    private PlayerClient player;

    @BeforeEach
    void newPlayer() {
        player = new PlayerClient(URI.create(target.getUri().toString()));
    }

    @Test
    void landingPageOffersBoardingAndSetsAPrivatePlayerCookie() {
        Answer landing = player.get("/");

        assertThat(landing.status()).isEqualTo(200);
        assertThat(landing.header("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(landing.html().select("form[action=/stories][method=post] button"))
                .hasSize(1);
        String cookie = landing.headers("Set-Cookie").stream()
                .filter(c -> c.startsWith("lt_player="))
                .findFirst()
                .orElseThrow();
        assertThat(cookie)
                .contains("HttpOnly")
                .containsIgnoringCase("SameSite=Lax")
                .doesNotContain("Secure");
    }

    @Test
    void forwardedProtoIsIgnoredUnlessTrusted() {
        Answer landing = player.send(HttpRequest.newBuilder(player.uri("/")).header("X-Forwarded-Proto", "https"));

        assertThat(landing.headers("Set-Cookie"))
                .anySatisfy(c -> assertThat(c).startsWith("lt_player=").doesNotContain("Secure"));
    }

    @Test
    void landingPageListsThePlayersOwnRidesOnly() {
        String mine = Rides.board(player);
        PlayerClient other = new PlayerClient(player.uri("/"));
        Rides.board(other);

        Document landing = player.get("/").html();

        assertThat(landing.select(".ride-list a").eachAttr("href")).containsExactly("/stories/" + mine);
    }

    @Test
    void boardingCreatesARideAndRedirectsToIt() {
        Answer boarded = player.post("/stories", Map.of());

        assertThat(boarded.status()).isEqualTo(303);
        String location = boarded.header("Location").orElseThrow();
        assertThat(location).matches("/stories/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        Document ride = player.get(location).html();
        assertThat(Rides.stopCount(ride)).isEqualTo(1);
        assertThat(Rides.choiceIds(ride)).hasSizeBetween(2, 4);
    }

    @Test
    void ownerSeesChoicesWhileAnyoneWithTheLinkCanOnlyRead() {
        String id = Rides.board(player);
        PlayerClient stranger = new PlayerClient(player.uri("/"));

        Document asOwner = player.get("/stories/" + id).html();
        Answer asStranger = stranger.get("/stories/" + id);

        assertThat(asOwner.select("form.choices")).hasSize(1);
        assertThat(asStranger.status()).isEqualTo(200);
        assertThat(asStranger.html().select("form.choices")).isEmpty();
        assertThat(asStranger.html().select(".spectator")).hasSize(1);
        assertThat(asStranger.html().select("#journey .passage").text())
                .isEqualTo(asOwner.select("#journey .passage").text());
    }

    @Test
    void choiceWithoutHtmxRedirectsToTheNewStopOfTheRide() {
        String id = Rides.board(player);
        Document ride = player.get("/stories/" + id).html();

        Answer chosen = player.post(
                "/stories/" + id + "/choices",
                Map.of("step", "0", "choice", Rides.choiceIds(ride).getFirst()));

        assertThat(chosen.status()).isEqualTo(303);
        assertThat(chosen.header("Location")).hasValue("/stories/" + id + "#stop-1");
        assertThat(Rides.stopCount(player.get("/stories/" + id).html())).isEqualTo(2);
    }

    @Test
    void choiceWithHtmxAnswersAFragmentWithTheNextStop() {
        String id = Rides.board(player);
        Document ride = player.get("/stories/" + id).html();
        String choice = Rides.choiceIds(ride).get(1);

        Answer fragment = player.postHx("/stories/" + id + "/choices", Map.of("step", "0", "choice", choice));

        assertThat(fragment.status()).isEqualTo(200);
        assertThat(fragment.body()).doesNotContain("<html", "<head", "<body");
        Document html = fragment.html();
        assertThat(html.select("article.stop h2#stop-1")).hasSize(1);
        assertThat(html.select("#chosen-0[hx-swap-oob]").text()).startsWith("You chose: ");
        assertThat(html.select("#controls[hx-swap-oob]")).hasSize(1);
        assertThat(html.select("#controls input[name=step]").val()).isEqualTo("1");
    }

    @Test
    void choiceReplayedAddsNothingAndAnswersTheSame() {
        String id = Rides.board(player);
        String choice = Rides.choiceIds(player.get("/stories/" + id).html()).getFirst();
        Map<String, String> form = Map.of("step", "0", "choice", choice);
        Answer first = player.postHx("/stories/" + id + "/choices", form);

        Answer again = player.postHx("/stories/" + id + "/choices", form);
        Answer againWithoutHtmx = player.post("/stories/" + id + "/choices", form);

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(againWithoutHtmx.status()).isEqualTo(303);
        assertThat(Rides.stopCount(player.get("/stories/" + id).html())).isEqualTo(2);
    }

    @Test
    void anotherChoiceForAnAnsweredStopIsAConflictShowingTheRide() {
        String id = Rides.board(player);
        List<String> choices = Rides.choiceIds(player.get("/stories/" + id).html());
        player.post("/stories/" + id + "/choices", Map.of("step", "0", "choice", choices.get(0)));

        Answer conflict = player.post("/stories/" + id + "/choices", Map.of("step", "0", "choice", choices.get(1)));
        Answer conflictHx = player.postHx("/stories/" + id + "/choices", Map.of("step", "0", "choice", choices.get(1)));

        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.html().select(".notice").text()).contains("already answered");
        assertThat(Rides.stopCount(conflict.html())).isEqualTo(2);
        assertThat(conflictHx.status()).isEqualTo(409);
        assertThat(conflictHx.body()).doesNotContain("<html");
        assertThat(conflictHx.header("HX-Retarget")).hasValue("#ride");
        assertThat(Rides.stopCount(player.get("/stories/" + id).html())).isEqualTo(2);
    }

    @Test
    void unknownRideIsNotFoundPageOrFragment() {
        Answer unknown = player.get("/stories/" + UUID.randomUUID());
        Answer malformedId = player.get("/stories/not-a-ride");
        Answer unknownHx =
                player.postHx("/stories/" + UUID.randomUUID() + "/choices", Map.of("step", "0", "choice", "a"));
        Answer noSuchPath = player.get("/timetable");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.html().select(".problem[data-status=404]")).hasSize(1);
        assertThat(unknown.html().select("link[rel=stylesheet]")).hasSize(1);
        assertThat(malformedId.status()).isEqualTo(404);
        assertThat(unknownHx.status()).isEqualTo(404);
        assertThat(unknownHx.body()).doesNotContain("<html").contains("data-status=\"404\"");
        assertThat(noSuchPath.status()).isEqualTo(404);
        assertThat(noSuchPath.html().select(".problem")).hasSize(1);
    }

    @Test
    void choosingInSomeoneElsesRideIsForbidden() {
        String id = Rides.board(player);
        String choice = Rides.choiceIds(player.get("/stories/" + id).html()).getFirst();
        PlayerClient stranger = new PlayerClient(player.uri("/"));

        Answer forbidden = stranger.post("/stories/" + id + "/choices", Map.of("step", "0", "choice", choice));

        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.html().select(".problem[data-status=403]")).hasSize(1);
        assertThat(Rides.stopCount(player.get("/stories/" + id).html())).isEqualTo(1);
    }

    @Test
    void malformedChoiceFormsAreBadRequestsAndChangeNothing() {
        String id = Rides.board(player);
        String path = "/stories/" + id + "/choices";
        String offered = Rides.choiceIds(player.get("/stories/" + id).html()).getFirst();

        List<Answer> answers = List.of(
                player.post(path, Map.of()),
                player.post(path, Map.of("step", "0")),
                player.post(path, Map.of("choice", offered)),
                player.post(path, Map.of("step", "zero", "choice", offered)),
                player.post(path, Map.of("step", "-1", "choice", offered)),
                player.post(path, Map.of("step", "7", "choice", offered)),
                player.post(path, Map.of("step", "0", "choice", "zz")),
                player.post(path, Map.of("step", "0", "choice", "<script>alert(1)</script>")),
                player.post(path, Map.of("step", "99999999999", "choice", offered)));

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.html().select(".problem[data-status=400]")).hasSize(1);
            assertThat(answer.body()).doesNotContain("Exception", "at com.", "<script>alert");
        });
        assertThat(Rides.stopCount(player.get("/stories/" + id).html())).isEqualTo(1);
    }

    @Test
    void wrongMethodAndContentTypeGetPagesNotTraces() {
        String id = Rides.board(player);

        Answer wrongMethod = player.send(HttpRequest.newBuilder(player.uri("/stories/" + id + "/choices"))
                .DELETE());
        Answer wrongType = player.send(HttpRequest.newBuilder(player.uri("/stories/" + id + "/choices"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"step\":0}")));

        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.html().select(".problem")).hasSize(1);
        assertThat(wrongType.status()).isEqualTo(415);
        assertThat(wrongType.html().select(".problem")).hasSize(1);
    }

    @Test
    void oversizedFormIsRefusedAndChangesNothing() {
        String id = Rides.board(player);
        String offered = Rides.choiceIds(player.get("/stories/" + id).html()).getFirst();

        Answer refused = player.post(
                "/stories/" + id + "/choices", Map.of("step", "0", "choice", offered, "padding", "x".repeat(100_000)));

        assertThat(refused.status()).isEqualTo(413);
        assertThat(Rides.stopCount(player.get("/stories/" + id).html())).isEqualTo(1);
    }

    @Test
    void pagesCarryTheSecurityHeaders() {
        Answer landing = player.get("/");

        String csp = landing.header("Content-Security-Policy").orElseThrow();
        assertThat(csp)
                .contains("default-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(landing.header("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(landing.header("Referrer-Policy")).isPresent();
        assertThat(landing.html().select("[style]")).isEmpty();
        assertThat(landing.html().select("script:not([src])")).isEmpty();
    }

    @Test
    void htmxComesFromItsWebJarAndOnlyTheRideLoadsIt() {
        String id = Rides.board(player);
        String script =
                player.get("/stories/" + id).html().select("script[src*=htmx]").attr("src");

        Answer htmx = player.get(script);

        assertThat(player.get("/").html().select("script")).isEmpty();
        assertThat(script).startsWith("/webjars/htmx.org/");
        assertThat(htmx.status()).isEqualTo(200);
        assertThat(htmx.body()).contains("htmx");
    }

    @Test
    void healthAnswersStatusOnlyHereAndMetricsAnswerOnTheManagementSocket() {
        Rides.board(player);
        PlayerClient management = Management.client();

        Answer live = player.get("/health/live");
        Answer ready = player.get("/health/ready");
        Answer detailed = management.get("/health/ready");
        Answer metrics = management.send(
                HttpRequest.newBuilder(management.uri("/metrics")).header("Accept", "text/plain"));

        assertThat(live.status()).isEqualTo(200);
        assertThat(live.body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(player.get("/metrics").status()).isEqualTo(404);
        assertThat(detailed.body()).contains("\"database\"").contains("UP");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body())
                .contains("rides_started_total", "narrative_steps_total", "narrative_latency_seconds");
    }
}
