package com.liminaltransit.story;

import static org.assertj.core.api.Assertions.assertThat;

import com.liminaltransit.narrative.ChoiceOption;
import com.liminaltransit.narrative.Generation;
import com.liminaltransit.narrative.Narrative;
import com.liminaltransit.narrative.chain.StepResult;
import com.liminaltransit.testing.PlayerClient;
import com.liminaltransit.testing.PlayerClient.Answer;
import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /stories/{id}/map}: a ride's family as an SVG drawn on the server and as nested lists, every stop a link
 * to its permalink, the ride being viewed marked; still whole at 100 branches.
 */
@HelidonTest
@AddConfig(key = "liminal.limits.enabled", value = "false")
@AddConfig(
        key = "liminal.db.url",
        value = "jdbc:h2:mem:family-map;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE")
class FamilyMapIT {

    private static final String OWNER = "f".repeat(64);

    @Inject
    private WebTarget target;

    @Inject
    private StoryRepository rides;

    @Inject
    private JourneyRepository journey;

    private PlayerClient player;

    @BeforeEach
    void newPlayer() {
        player = new PlayerClient(URI.create(target.getUri().toString()));
    }

    @Test
    void aFamilyOfAHundredBranchesDrawsEveryStopOnceAndListsTheSameTree() {
        // given a ride of three stops and 100 branches grown from it, at any depth (built in the store, no AI)
        Family family = growFamily(100);
        String viewed = family.branches().get(57);

        // when the map is asked for from one of the branches
        Answer answer = player.get("/stories/" + viewed + "/map");

        // then it renders: one dot per stop a ride owns, each a link to that stop's permalink
        assertThat(answer.status()).isEqualTo(200);
        Document map = answer.html();
        Element svg = map.selectFirst("figure.family-map svg");
        assertThat(svg.attr("aria-hidden")).isEqualTo("true");
        List<String> dots = svg.select("a").eachAttr("href");
        assertThat(dots).hasSize(family.ownStops()).doesNotHaveDuplicates();
        assertThat(svg.select("a[tabindex=-1]")).hasSize(dots.size());
        assertThat(svg.select("line.fork")).hasSize(100);
        assertThat(svg.select("circle.current")).hasSize(2);
        // and the same tree as nested lists: 101 rides, the one viewed marked, each stop linked once
        Element tree = map.selectFirst("ol.family-tree");
        assertThat(tree.select("li.family-ride")).hasSize(101);
        assertThat(tree.select("[aria-current]")).hasSize(1);
        assertThat(tree.selectFirst("[aria-current]").attr("href")).isEqualTo("/stories/" + viewed);
        assertThat(tree.select("ol.family-stops > li > a").eachAttr("href")).containsExactlyInAnyOrderElementsOf(dots);
        assertThat(map.select("script")).isEmpty();
        // and the links lead to real stops
        Set<String> firstOfEachRide = new HashSet<>();
        for (String href : dots) {
            String ride = href.split("/")[2];
            if (firstOfEachRide.add(ride)) {
                assertThat(player.get(href).status()).as(href).isEqualTo(200);
            }
        }
        assertThat(firstOfEachRide).hasSize(101);
    }

    @Test
    void theMapOfAnyRideOfTheFamilyIsTheWholeFamily() {
        Family family = growFamily(3);

        Document fromRoot = player.get("/stories/" + family.root() + "/map").html();
        Document fromBranch =
                player.get("/stories/" + family.branches().getLast() + "/map").html();

        assertThat(fromRoot.select("ol.family-tree li.family-ride")).hasSize(4);
        assertThat(fromBranch.select("ol.family-tree a").eachAttr("href"))
                .containsExactlyInAnyOrderElementsOf(
                        fromRoot.select("ol.family-tree a").eachAttr("href"));
        assertThat(fromRoot.selectFirst("[aria-current]").attr("href")).isEqualTo("/stories/" + family.root());
    }

    @Test
    void aRideWithoutBranchesIsOneLineAndEveryoneMayReadIt() {
        String ride = Journeys.rideOf(player, 3);
        PlayerClient stranger = new PlayerClient(player.uri("/"));

        Answer map = stranger.get("/stories/" + ride + "/map");

        assertThat(map.status()).isEqualTo(200);
        assertThat(map.html().select("svg a")).hasSize(3);
        assertThat(map.html().select("svg line.fork")).isEmpty();
        assertThat(map.html().select("ol.family-stops > li > a").eachAttr("href"))
                .containsExactly(
                        "/stories/" + ride + "/stops/0",
                        "/stories/" + ride + "/stops/1",
                        "/stories/" + ride + "/stops/2");
        assertThat(player.get("/stories/" + ride).html().select(".ride-nav a[href=/stories/" + ride + "/map]"))
                .hasSize(1);
    }

    @Test
    void unknownAndMalformedRidesHaveNoMap() {
        assertThat(player.get("/stories/" + UUID.randomUUID() + "/map").status())
                .isEqualTo(404);
        assertThat(player.get("/stories/not-a-ride/map").status()).isEqualTo(404);
        assertThat(player.get("/stories/" + UUID.randomUUID() + "/map").html().select(".problem[data-status=404]"))
                .hasSize(1);
    }

    /**
     * A ride of three stops (0 and 1 answered with a) and {@code branches} branches, grown breadth first: each takes
     * an untaken door (b or c) of an answered stop some ride owns, then gets two stops of its own (the first
     * answered with a, so it has doors of its own).
     */
    private Family growFamily(int branches) {
        String root = UUID.randomUUID().toString();
        Instant now = Instant.now();
        rides.create(new Ride(root, OWNER, 7L, "en", false, 1, now, now, null), step());
        rides.appendStep(root, 0, "a", step(), now);
        rides.appendStep(root, 1, "a", step(), now);
        int ownStops = 3;
        Deque<Door> doors = new ArrayDeque<>();
        for (int stop = 0; stop <= 1; stop++) {
            doors.add(new Door(root, stop, "b"));
            doors.add(new Door(root, stop, "c"));
        }
        List<String> made = new ArrayList<>();
        while (made.size() < branches) {
            Door door = doors.removeFirst();
            String branch = UUID.randomUUID().toString();
            assertThat(journey.createBranch(branch, new Fork(door.ride(), door.stop(), door.choice(), root), now))
                    .isTrue();
            rides.appendStep(branch, door.stop(), door.choice(), step(), now);
            rides.appendStep(branch, door.stop() + 1, "a", step(), now);
            ownStops += 2;
            doors.add(new Door(branch, door.stop() + 1, "b"));
            doors.add(new Door(branch, door.stop() + 1, "c"));
            made.add(branch);
        }
        return new Family(root, made, ownStops);
    }

    private static StepResult step() {
        Narrative narrative = new Narrative(
                "The train runs on between stations that no timetable names, and the lamps sway.",
                List.of(new ChoiceOption("a", "Stay"), new ChoiceOption("b", "Go"), new ChoiceOption("c", "Wait")),
                false,
                "A ride grown for the map.");
        return new StepResult(new Generation(narrative, "offline", "test", 1, 1), 0, 1, 1, null);
    }

    private record Door(String ride, int stop, String choice) {}

    private record Family(String root, List<String> branches, int ownStops) {}
}
