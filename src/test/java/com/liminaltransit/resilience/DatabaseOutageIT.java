package com.liminaltransit.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import com.liminaltransit.testing.Await;
import com.liminaltransit.testing.PlayerClient;
import com.liminaltransit.testing.Rides;
import com.liminaltransit.testing.ServerProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.IntPredicate;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * The database goes away and comes back under a running server: readiness goes red, a player's choice gets a
 * clear 503 page and is not half-written, then readiness goes green and the ride carries on.
 */
class DatabaseOutageIT {

    @Test
    void serverRidesOutADatabaseOutage() throws Exception {
        Path data = Files.createTempDirectory("liminal-pg-outage");
        int port = freePort();
        EmbeddedPostgres database = startPostgres(data, port);
        try (var connection = database.getPostgresDatabase().getConnection();
                var statement = connection.createStatement()) {
            statement.execute("create database outage");
        }
        try (ServerProcess server = ServerProcess.start(
                Map.of("liminal.db.url", database.getJdbcUrl("postgres", "outage"), "liminal.db.user", "postgres"))) {
            PlayerClient player = new PlayerClient(server.base());
            String id = Rides.board(player);
            Document ride = player.get("/stories/" + id).html();
            Map<String, String> choice =
                    Map.of("step", "0", "choice", Rides.choiceIds(ride).getFirst());

            database.close();
            awaitStatus(player, "/health/ready", status -> status == 503);
            PlayerClient.Answer duringOutage = player.post("/stories/" + id + "/choices", choice);

            assertThat(duringOutage.status()).isEqualTo(503);
            assertThat(duringOutage.header("Retry-After")).isPresent();
            assertThat(duringOutage.html().select(".problem[data-status=503]").text())
                    .contains("Nothing was lost");
            assertThat(duringOutage.body()).doesNotContain("Exception", "SQL", "jdbc");
            assertThat(player.get("/health/live").status()).isEqualTo(200);

            database = startPostgres(data, port);
            awaitStatus(player, "/health/ready", status -> status == 200);

            Document afterOutage = player.get("/stories/" + id).html();
            assertThat(Rides.stopCount(afterOutage)).isEqualTo(1);
            assertThat(Rides.openStep(afterOutage)).isZero();
            assertThat(player.post("/stories/" + id + "/choices", choice).status())
                    .isEqualTo(303);
            assertThat(Rides.stopCount(player.get("/stories/" + id).html())).isEqualTo(2);
        } finally {
            database.close();
        }
    }

    private static EmbeddedPostgres startPostgres(Path data, int port) throws Exception {
        return EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .start();
    }

    private static void awaitStatus(PlayerClient client, String path, IntPredicate wanted) {
        Await.until(
                Duration.ofSeconds(60),
                path + " to answer as expected",
                () -> client.get(path).status(),
                wanted::test);
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
