package com.liminaltransit.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import com.liminaltransit.testing.Await;
import com.liminaltransit.testing.PlayerClient;
import com.liminaltransit.testing.Postgres;
import com.liminaltransit.testing.Rides;
import com.liminaltransit.testing.ServerProcess;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * {@code kill -9} of the packaged server in the middle of a load, then a restart: every step a player saw
 * acknowledged (a {@code 303} received) is there with the choice the player made, and no stop is doubled.
 */
class CrashRecoveryIT {

    private static final int PLAYERS = 8;
    /** The kill comes once this many steps are acknowledged, whatever time that takes on a busy machine. */
    private static final int ACKNOWLEDGED_BEFORE_KILL = 2 * PLAYERS;
    /** A bound, not a pace: a quiet machine acknowledges these steps in well under a second. */
    private static final Duration LOAD_BOUND = Duration.ofSeconds(90);
    /** Eight players on one address, as fast as the server answers: a load, not players, so no limits. */
    private static final Map<String, String> NO_LIMITS = Map.of("liminal.limits.enabled", "false");

    /** A choice the server acknowledged. */
    private record Acknowledged(String rideId, int step, String label) {}

    @Test
    void acknowledgedStepsSurviveAKillOnTheEmbeddedDatabase() throws Exception {
        try (ServerProcess server = ServerProcess.start(NO_LIMITS)) {
            crashUnderLoadAndCheck(server);
        }
    }

    @Test
    void acknowledgedStepsSurviveAKillOnPostgres() throws Exception {
        try (ServerProcess server = ServerProcess.start(Map.of(
                "liminal.limits.enabled",
                "false",
                "liminal.db.url",
                Postgres.newDatabase("crash"),
                "liminal.db.user",
                "postgres"))) {
            crashUnderLoadAndCheck(server);
        }
    }

    private static void crashUnderLoadAndCheck(ServerProcess server) throws Exception {
        Queue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
        List<PlayerClient> players = new ArrayList<>();
        ExecutorService load = Executors.newFixedThreadPool(PLAYERS);
        for (int i = 0; i < PLAYERS; i++) {
            PlayerClient player = new PlayerClient(server.base());
            players.add(player);
            load.submit(() -> playUntilTheServerDies(player, acknowledged));
        }

        // The players keep choosing while the server dies: the kill lands in the middle of the load.
        boolean loaded = Await.within(LOAD_BOUND, () -> acknowledged.size() >= ACKNOWLEDGED_BEFORE_KILL);
        server.kill();
        load.shutdown();
        assertThat(load.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        assertThat(loaded)
                .as(
                        "%d steps acknowledged within %s (only %d were); server log:%n%s",
                        ACKNOWLEDGED_BEFORE_KILL, LOAD_BOUND, acknowledged.size(), server.logTail())
                .isTrue();
        server.startAgain();

        PlayerClient reader = new PlayerClient(server.base());
        for (Acknowledged step : acknowledged) {
            Document ride = reader.get("/stories/" + step.rideId()).html();
            Element chosen = ride.getElementById("chosen-" + step.step());
            assertThat(chosen)
                    .as("stop %d of ride %s", step.step(), step.rideId())
                    .isNotNull();
            assertThat(chosen.text()).isEqualTo("You chose: " + step.label());
            List<String> stopIds =
                    ride.select("#journey article.stop .stop-title").eachAttr("id");
            assertThat(stopIds).doesNotHaveDuplicates();
            assertThat(stopIds.size()).isGreaterThanOrEqualTo(step.step() + 2);
        }
    }

    /** Boards and chooses as fast as the server answers, recording every acknowledged step. */
    private static void playUntilTheServerDies(PlayerClient player, Queue<Acknowledged> acknowledged) {
        try {
            while (true) {
                String id = Rides.board(player);
                Document ride = player.get("/stories/" + id).html();
                while (!Rides.ended(ride)) {
                    int step = Rides.openStep(ride);
                    Element button = ride.selectFirst("form.choices button[name=choice]");
                    PlayerClient.Answer answer = player.post(
                            "/stories/" + id + "/choices",
                            Map.of("step", String.valueOf(step), "choice", button.val()));
                    if (answer.status() != 303) {
                        return;
                    }
                    acknowledged.add(new Acknowledged(id, step, button.text()));
                    ride = player.get("/stories/" + id).html();
                }
            }
        } catch (UncheckedIOException | AssertionError | IllegalStateException serverGone) {
            // the kill: this player's load ends here
        }
    }
}
