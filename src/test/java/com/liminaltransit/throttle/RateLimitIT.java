package com.liminaltransit.throttle;

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
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** The players' limits: a 429 page that says when to come back, nothing stored, other players unaffected. */
@HelidonTest
@AddConfig(key = "liminal.limits.enabled", value = "true")
@AddConfig(key = "liminal.limits.board-per-player", value = "2/1h")
@AddConfig(key = "liminal.limits.board-per-address", value = "5/1h")
@AddConfig(key = "liminal.limits.choose-per-player", value = "3/1m")
@AddConfig(key = "liminal.limits.choose-per-address", value = "100/1m")
@AddConfig(key = "liminal.web.trust-forwarded", value = "true")
@AddConfig(key = "liminal.web.proxy-secret", value = "edge-secret")
@AddConfig(
        key = "liminal.db.url",
        value = "jdbc:h2:mem:limits;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE")
class RateLimitIT {

    @Inject
    private WebTarget target;

    @Test
    void boardingPastThePlayersLimitIsRefusedWithWhenToComeBack() {
        PlayerClient player = newPlayer();
        board(player, "198.51.100.1");
        board(player, "198.51.100.1");

        Answer refused = board(player, "198.51.100.1");

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After"))
                .hasValueSatisfying(s -> assertThat(Long.parseLong(s)).isPositive());
        assertThat(refused.html().select(".problem[data-status=429]").text()).contains("next train leaves in about");
        assertThat(player.get("/").html().select(".ride-list a")).hasSize(2);
        assertThat(board(newPlayer(), "198.51.100.1").status())
                .as("another player on the address")
                .isEqualTo(303);
    }

    @Test
    void choosingTooFastIsRefusedAndTheRideWaits() {
        PlayerClient player = newPlayer();
        String id =
                Rides.idFrom(board(player, "198.51.100.2").header("Location").orElseThrow());
        for (int step = 0; step < 3; step++) {
            Document ride = player.get("/stories/" + id).html();
            assertThat(choose(player, id, step, Rides.choiceIds(ride).getFirst(), false)
                            .status())
                    .isEqualTo(303);
        }
        Document ride = player.get("/stories/" + id).html();

        Answer refused = choose(player, id, 3, Rides.choiceIds(ride).getFirst(), true);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.body()).doesNotContain("<html").contains("Choose again in about");
        assertThat(refused.header("HX-Retarget")).hasValue("#notice");
        assertThat(Rides.stopCount(player.get("/stories/" + id).html())).isEqualTo(4);
    }

    @Test
    void branchesAndRetriesSpendTheChoiceBucketToo() {
        // given a player who answered stop 0 (one token of three)
        PlayerClient player = newPlayer();
        String id =
                Rides.idFrom(board(player, "198.51.100.3").header("Location").orElseThrow());
        List<String> doors = Rides.choiceIds(player.get("/stories/" + id).html());
        assertThat(choose(player, id, 0, doors.get(0), false).status()).isEqualTo(303);

        // when they take another door at stop 0 and ask again at stop 1 (two more), then take a third door
        Answer branched = player.post("/stories/" + id + "/branches", Map.of("from", "0", "choice", doors.get(1)));
        Answer retried = player.post("/stories/" + id + "/retries", Map.of("step", "1", "versions", "1"));
        Answer refused = player.post("/stories/" + id + "/branches", Map.of("from", "0", "choice", doors.get(2)));

        // then the third action is refused like a fourth choice, and wrote nothing
        assertThat(branched.status()).isEqualTo(303);
        assertThat(retried.status()).isEqualTo(303);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isPresent();
        assertThat(player.get("/").html().select(".ride-branches > li")).hasSize(1);
    }

    @Test
    void addressLimitHoldsAcrossPlayersAndOnlyTheTrustedProxyNamesTheAddress() {
        for (int i = 0; i < 5; i++) {
            assertThat(board(newPlayer(), "203.0.113.9").status()).isEqualTo(303);
        }

        Answer sixthOnAddress = board(newPlayer(), "203.0.113.9");
        Answer spoofedWithoutSecret = new PlayerClient(URI.create(base()))
                .send(HttpRequest.newBuilder(URI.create(base() + "/stories"))
                        .header("X-Forwarded-For", "203.0.113.10")
                        .POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(sixthOnAddress.status()).isEqualTo(429);
        assertThat(spoofedWithoutSecret.status())
                .as("a request that did not come through the proxy names no address: it is refused")
                .isEqualTo(403);
    }

    private Answer board(PlayerClient player, String address) {
        return player.send(HttpRequest.newBuilder(URI.create(base() + "/stories"))
                .header("X-Forwarded-For", "10.0.0.1, " + address)
                .header("X-Liminal-Proxy-Secret", "edge-secret")
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    private static Answer choose(PlayerClient player, String id, int step, String choice, boolean htmx) {
        Map<String, String> form = Map.of("step", String.valueOf(step), "choice", choice);
        return htmx
                ? player.postHx("/stories/" + id + "/choices", form)
                : player.post("/stories/" + id + "/choices", form);
    }

    /** A player behind the trusted proxy, which adds its secret to every request. */
    private PlayerClient newPlayer() {
        return new PlayerClient(URI.create(base()), Map.of("X-Liminal-Proxy-Secret", "edge-secret"));
    }

    private String base() {
        return target.getUri().toString().replaceAll("/+$", "");
    }
}
