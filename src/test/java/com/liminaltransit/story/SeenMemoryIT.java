package com.liminaltransit.story;

import static org.assertj.core.api.Assertions.assertThat;

import com.liminaltransit.narrative.ContentPlan;
import com.liminaltransit.narrative.offline.OfflineProvider;
import com.liminaltransit.narrative.offline.RideTrace;
import com.liminaltransit.testing.PlayerClient;
import com.liminaltransit.testing.Rides;
import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** A player's next ride avoids what they read on the last one: the memory is kept on the server, per player. */
@HelidonTest
@AddConfig(key = "liminal.db.url", value = SeenMemoryIT.DB)
@AddConfig(key = "liminal.limits.enabled", value = "false")
class SeenMemoryIT {

    static final String DB = "jdbc:h2:mem:seen-it;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";

    @Inject
    private WebTarget target;

    @Inject
    private OfflineProvider offline;

    @Inject
    private StoryService stories;

    @Test
    void aPlayersSecondRideAvoidsTheScenesOfTheirFirst() throws SQLException {
        // given a player who rides to the end
        PlayerClient player = new PlayerClient(URI.create(target.getUri().toString()));
        String first = Rides.board(player);
        playToTheEnd(player, first);
        Set<String> read = scenesOf(first);

        // when they board again
        String second = Rides.board(player);

        // then the server remembers what they read, the new ride was boarded with that memory, and avoids it
        assertThat(memoryOf(ownerOf(first))).containsAll(read);
        Story again = stories.ride(second);
        assertThat(again.ride().content().seen()).containsAll(read);
        playToTheEnd(player, second);
        Set<String> secondScenes = scenesOf(second);
        secondScenes.removeIf(scene -> scene.startsWith("last") || scene.startsWith("slowing"));
        assertThat(secondScenes).as("scenes read on the first ride").doesNotContainAnyElementsOf(read);
    }

    @Test
    void anotherPlayerHasAMemoryOfTheirOwn() throws SQLException {
        // given one player's ride
        PlayerClient one = new PlayerClient(URI.create(target.getUri().toString()));
        String ride = Rides.board(one);

        // when somebody else boards
        PlayerClient other = new PlayerClient(URI.create(target.getUri().toString()));
        String theirs = Rides.board(other);

        // then their ride was boarded with nothing read
        assertThat(memoryOf(ownerOf(ride))).isNotEmpty();
        assertThat(stories.ride(theirs).ride().content().seen()).isEmpty();
    }

    private void playToTheEnd(PlayerClient player, String rideId) {
        for (int guard = 0; guard < 40; guard++) {
            Document page = player.get("/stories/" + rideId).html();
            if (Rides.ended(page)) {
                return;
            }
            int step = Rides.openStep(page);
            String choice = Rides.choiceIds(page).getFirst();
            PlayerClient.Answer answer = player.post(
                    "/stories/" + rideId + "/choices", Map.of("step", Integer.toString(step), "choice", choice));
            assertThat(answer.status()).isEqualTo(303);
        }
        throw new AssertionError("ride " + rideId + " did not end");
    }

    /** The scenes (and thread) the offline storyteller played on a ride, from its own trace. */
    private Set<String> scenesOf(String rideId) {
        Story story = stories.ride(rideId);
        List<String> path = new ArrayList<>();
        story.passages().stream()
                .map(Passage::chosenId)
                .takeWhile(java.util.Objects::nonNull)
                .forEach(path::add);
        ContentPlan content = story.ride().content();
        RideTrace trace = offline.trace(story.ride().seed(), path, content);
        Set<String> scenes = new HashSet<>();
        trace.stops().stream()
                .map(RideTrace.StopTrace::scene)
                .filter(java.util.Objects::nonNull)
                .forEach(scenes::add);
        scenes.add("thread:" + trace.thread());
        return scenes;
    }

    private static String ownerOf(String rideId) throws SQLException {
        try (Connection connection = DriverManager.getConnection(DB, "sa", "");
                PreparedStatement query = connection.prepareStatement("select owner_hash from ride where id = ?")) {
            query.setString(1, rideId);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }

    private static List<String> memoryOf(String owner) throws SQLException {
        try (Connection connection = DriverManager.getConnection(DB, "sa", "");
                PreparedStatement query =
                        connection.prepareStatement("select item from player_seen where owner_hash = ?")) {
            query.setString(1, owner);
            List<String> items = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    items.add(rows.getString(1));
                }
            }
            return items;
        }
    }
}
