package com.liminaltransit.story;

import static org.assertj.core.api.Assertions.assertThat;

import com.liminaltransit.testing.PlayerClient;
import com.liminaltransit.testing.Postgres;
import com.liminaltransit.testing.Rides;
import com.liminaltransit.testing.ServerProcess;
import com.liminaltransit.testing.Writers;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Production's shape: several stateless servers over one PostgreSQL. A ride is played to its end across two
 * packaged servers, the same stop answered on both at once is written exactly once, and a writer's session
 * (kept in the database) holds on either server until it ends on one of them.
 */
class TwoServersOnePostgresIT {

    private static ServerProcess first;
    private static ServerProcess second;

    @BeforeAll
    static void startTwoServersOnOneDatabase() {
        Map<String, String> postgres = Map.of(
                "liminal.db.url",
                Postgres.newDatabase("two_servers"),
                "liminal.db.user",
                "postgres",
                "liminal.admin.users",
                Writers.ADA,
                "liminal.admin.ada.password-hash",
                Writers.ADA_HASH);
        first = ServerProcess.start(postgres);
        second = ServerProcess.start(postgres);
    }

    @AfterAll
    static void stopServers() {
        if (first != null) {
            first.close();
        }
        if (second != null) {
            second.close();
        }
    }

    @Test
    void rideAlternatingBetweenServersReachesItsEnding() {
        PlayerClient onFirst = new PlayerClient(first.base());
        String id = Rides.board(onFirst);
        PlayerClient onSecond = sameBrowserOn(onFirst, second);

        int stops = 1;
        PlayerClient current = onSecond;
        Document ride = current.get("/stories/" + id).html();
        while (!Rides.ended(ride)) {
            assertThat(stops).isLessThan(20);
            current.post(
                    "/stories/" + id + "/choices",
                    Map.of(
                            "step",
                            String.valueOf(Rides.openStep(ride)),
                            "choice",
                            Rides.choiceIds(ride).getLast()));
            stops++;
            current = current == onFirst ? onSecond : onFirst;
            ride = current.get("/stories/" + id).html();
            assertThat(Rides.stopCount(ride)).isEqualTo(stops);
        }
        assertThat(stops - 1).isBetween(8, 15);
    }

    @Test
    void sameStopAnsweredOnBothServersAtOnceIsWrittenOnce() {
        for (int round = 0; round < 10; round++) {
            PlayerClient onFirst = new PlayerClient(first.base());
            String id = Rides.board(onFirst);
            PlayerClient onSecond = sameBrowserOn(onFirst, second);
            List<String> choices = Rides.choiceIds(onFirst.get("/stories/" + id).html());

            CompletableFuture<Integer> a = CompletableFuture.supplyAsync(
                    () -> onFirst.post("/stories/" + id + "/choices", Map.of("step", "0", "choice", choices.get(0)))
                            .status());
            CompletableFuture<Integer> b = CompletableFuture.supplyAsync(
                    () -> onSecond.post("/stories/" + id + "/choices", Map.of("step", "0", "choice", choices.get(1)))
                            .status());

            assertThat(List.of(a.join(), b.join())).containsExactlyInAnyOrder(303, 409);
            Document ride = onFirst.get("/stories/" + id).html();
            assertThat(Rides.stopCount(ride)).isEqualTo(2);
        }
    }

    @Test
    void writerSignedInOnOneServerIsSignedInOnTheOtherUntilSigningOutThere() {
        PlayerClient onFirst = new PlayerClient(first.base());
        Writers.signedIn(onFirst, Writers.ADA, Writers.ADA_PASSWORD);
        PlayerClient onSecond = new PlayerClient(second.base());
        onSecond.setCookie("lt_admin", onFirst.cookie("lt_admin").orElseThrow());

        PlayerClient.Answer home = onSecond.get("/admin");
        assertThat(home.status()).isEqualTo(200);
        onSecond.post("/admin/logout", Map.of("csrf", Writers.csrf(home.html())));

        assertThat(onFirst.get("/admin").status()).as("signed out everywhere").isEqualTo(303);
    }

    /** The same player (same cookie) talking to another server, as a load balancer would route them. */
    private static PlayerClient sameBrowserOn(PlayerClient player, ServerProcess server) {
        PlayerClient moved = new PlayerClient(server.base());
        moved.setCookie("lt_player", player.cookie("lt_player").orElseThrow());
        return moved;
    }
}
