package com.liminaltransit.story;

import static org.assertj.core.api.Assertions.assertThat;

import com.liminaltransit.testing.PlayerClient;
import com.liminaltransit.testing.PlayerClient.Answer;
import com.liminaltransit.testing.Rides;
import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /stories/{id}/stops/{n}}: the ride up to a stop, that stop's heading focused without JavaScript, readable
 * by anyone with the link; {@code 404} past the last stop; every stop of the ride page links to its permalink.
 */
@HelidonTest
@AddConfig(key = "liminal.limits.enabled", value = "false")
@AddConfig(
        key = "liminal.db.url",
        value = "jdbc:h2:mem:stop-permalinks;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE")
class StopPermalinkIT {

    @Inject
    private WebTarget target;

    private PlayerClient player;

    @BeforeEach
    void newPlayer() {
        player = new PlayerClient(URI.create(target.getUri().toString()));
    }

    @Test
    void permalinkShowsTheRideUpToItsStopWithThatStopFocused() {
        // given a ride of four stops
        String id = Journeys.rideOf(player, 4);

        // when stop 2's permalink is opened
        Answer permalink = player.get("/stories/" + id + "/stops/2");

        // then it shows stops 0..2, and stop 2's heading is the one that takes focus
        assertThat(permalink.status()).isEqualTo(200);
        Document page = permalink.html();
        assertThat(page.select("#journey article.stop .stop-title").eachAttr("id"))
                .containsExactly("stop-0", "stop-1", "stop-2");
        List<Element> focused = page.select("[autofocus]");
        assertThat(focused).hasSize(1);
        assertThat(focused.getFirst().hasClass("stop-title")).isTrue();
        assertThat(focused.getFirst().id()).isEqualTo("stop-2");
        assertThat(focused.getFirst().attr("tabindex")).isEqualTo("-1");
        assertThat(page.title()).startsWith("Stop 2");
        assertThat(page.select("form.choices"))
                .as("an answered stop has no choices to make")
                .isEmpty();
        assertThat(page.select(".ride-nav a[href=/stories/" + id + "]")).hasSize(1);
    }

    @Test
    void everyStopOfTheRidePageLinksToItsPermalink() {
        String id = Journeys.rideOf(player, 3);

        Document ride = player.get("/stories/" + id).html();

        for (int stop = 0; stop < 3; stop++) {
            Element link = ride.selectFirst("article[data-stop='" + stop + "'] a.permalink");
            assertThat(link).as("stop %d's permalink", stop).isNotNull();
            assertThat(link.attr("href")).isEqualTo("/stories/" + id + "/stops/" + stop);
            assertThat(player.get(link.attr("href")).status()).isEqualTo(200);
        }
        assertThat(ride.select("[autofocus]"))
                .as("the ride page itself moves no focus")
                .isEmpty();
    }

    @Test
    void permalinkOfTheOpenStopOffersItsOwnerTheChoicesAndAnyoneElseTheText() {
        String id = Journeys.rideOf(player, 2);
        PlayerClient stranger = new PlayerClient(player.uri("/"));

        Document asOwner = player.get("/stories/" + id + "/stops/1").html();
        Answer asStranger = stranger.get("/stories/" + id + "/stops/1");

        assertThat(Rides.openStep(asOwner)).isEqualTo(1);
        assertThat(asStranger.status()).isEqualTo(200);
        assertThat(asStranger.html().select("main form")).isEmpty(); // (the footer's language switch is for everyone)
        assertThat(asStranger.html().select("article[data-stop='1'] .passage").text())
                .isEqualTo(asOwner.select("article[data-stop='1'] .passage").text());
    }

    @Test
    void pastTheLastStopUnknownRideAndMalformedStopsAreNotFoundPages() {
        String id = Journeys.rideOf(player, 2);

        List<Answer> answers = List.of(
                player.get("/stories/" + id + "/stops/2"),
                player.get("/stories/" + id + "/stops/9999"),
                player.get("/stories/" + id + "/stops/-1"),
                player.get("/stories/" + id + "/stops/one"),
                player.get("/stories/" + id + "/stops/99999"),
                player.get("/stories/" + UUID.randomUUID() + "/stops/0"),
                player.get("/stories/not-a-ride/stops/0"),
                player.get("/stories/" + id + "/stops/0?version=2"),
                player.get("/stories/" + id + "/stops/0?version=0"),
                player.get("/stories/" + id + "/stops/0?version=%3Cb%3E"));

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.html().select(".problem[data-status=404]")).hasSize(1);
            assertThat(answer.body()).doesNotContain("Exception", "<b>");
        });
    }

    @Test
    void permalinkIsTheSamePageWhenAskedAgainAndChangesNothing() {
        String id = Journeys.rideOf(player, 2);

        Answer first = player.get("/stories/" + id + "/stops/0");
        Answer again = player.get("/stories/" + id + "/stops/0");

        assertThat(again.body()).isEqualTo(first.body());
        assertThat(Rides.stopCount(player.get("/stories/" + id).html())).isEqualTo(2);
    }

    @Test
    void choiceFromThePermalinkOfTheOpenStopMovesTheRideOn() {
        String id = Journeys.rideOf(player, 2);
        Document permalink = player.get("/stories/" + id + "/stops/1").html();
        String choice = Rides.choiceIds(permalink).getFirst();
        String version = permalink.select("form.choices input[name=version]").val();

        Answer chosen =
                player.post("/stories/" + id + "/choices", Map.of("step", "1", "choice", choice, "version", version));

        assertThat(chosen.status()).isEqualTo(303);
        assertThat(Rides.stopCount(player.get("/stories/" + id).html())).isEqualTo(3);
    }
}
