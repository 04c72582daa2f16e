package com.liminaltransit.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.liminaltransit.testing.PlayerClient;
import com.liminaltransit.testing.PlayerClient.Answer;
import com.liminaltransit.testing.Rides;
import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Another site cannot make its visitors board rides or answer stops: a browser says where a request comes from
 * ({@code Origin}, {@code Sec-Fetch-Site}) and a request from elsewhere is refused with the 403 page; a request that
 * says nothing (curl, old browsers) is judged by the other rules.
 */
@HelidonTest
@AddConfig(
        key = "liminal.db.url",
        value = "jdbc:h2:mem:cross-site;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE")
class CrossSiteIT {

    @Inject
    private WebTarget target;

    private PlayerClient player;
    private String ownOrigin;

    @BeforeEach
    void aPlayer() {
        player = new PlayerClient(URI.create(target.getUri().toString()));
        ownOrigin = "http://localhost:" + target.getUri().getPort();
    }

    @ParameterizedTest
    @CsvSource(
            nullValues = "-",
            value = {
                "-, cross-site",
                "https://evil.example, -",
                "https://evil.example, cross-site",
                "https://evil.example, same-site",
                "https://evil.example, none",
                "null, -",
                "http://localhost, -",
                "https://localhost, -"
            })
    void boardingFromAnotherSiteIsRefusedAndBoardsNothing(String origin, String fetchSite) {
        // given a player with one ride
        Rides.board(player);

        // when another site's page posts the boarding form
        Answer answer = player.send(from(HttpRequest.newBuilder(player.uri("/stories")), origin, fetchSite)
                .POST(HttpRequest.BodyPublishers.noBody()));

        // then
        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.html().select(".problem[data-status=403]")).hasSize(1);
        assertThat(answer.header("Location")).isEmpty();
        assertThat(player.get("/").html().select(".ride-list li")).hasSize(1);
    }

    @ParameterizedTest
    @CsvSource(
            nullValues = "-",
            value = {
                "-, -",
                "OWN, -",
                "OWN, same-origin",
                "-, same-origin",
                "https://cdn.example, same-origin",
                "-, none"
            })
    void boardingFromOurOwnPagesOrFromNoBrowserIsServed(String origin, String fetchSite) {
        Answer answer = player.send(from(
                        HttpRequest.newBuilder(player.uri("/stories")),
                        "OWN".equals(origin) ? ownOrigin : origin,
                        fetchSite)
                .POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(answer.status()).isEqualTo(303);
    }

    @Test
    void aChoiceFromAnotherSiteIsRefusedAndTheStopStaysOpen() {
        // given
        String ride = Rides.board(player);
        String offered = Rides.choiceIds(player.get("/stories/" + ride).html()).getFirst();

        // when
        Answer answer = player.send(from(
                        HttpRequest.newBuilder(player.uri("/stories/" + ride + "/choices")),
                        "https://evil.example",
                        "cross-site")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        PlayerClient.encode(Map.of("step", "0", "choice", offered)))));

        // then
        assertThat(answer.status()).isEqualTo(403);
        assertThat(Rides.stopCount(player.get("/stories/" + ride).html())).isEqualTo(1);
    }

    @Test
    void readingFromAnotherSiteIsNotRefused() {
        Answer landing =
                player.send(from(HttpRequest.newBuilder(player.uri("/")), "https://evil.example", "cross-site"));

        assertThat(landing.status()).isEqualTo(200);
    }

    @Test
    void theWritersSignInFromAnotherSiteIsRefused() {
        Answer answer = player.send(from(HttpRequest.newBuilder(player.uri("/admin/login")), null, "cross-site")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=ada&password=x&csrf=x")));

        assertThat(answer.status()).isEqualTo(403);
    }

    private static HttpRequest.Builder from(HttpRequest.Builder request, String origin, String fetchSite) {
        if (origin != null) {
            request.header("Origin", origin);
        }
        if (fetchSite != null) {
            request.header("Sec-Fetch-Site", fetchSite);
        }
        return request;
    }
}
