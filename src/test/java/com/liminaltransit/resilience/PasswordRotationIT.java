package com.liminaltransit.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.liminaltransit.testing.Await;
import com.liminaltransit.testing.PlayerClient;
import com.liminaltransit.testing.Rides;
import com.liminaltransit.testing.ServerProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * The database password is rotated under a running server (as a secret mounted as a file is, or as Aurora rotates
 * its managed password): the server keeps serving rides without one error, because every new connection reads the
 * password again ({@code liminal.db.password-file}) and the pool lets go of idle connections
 * ({@code liminal.db.pool-min-idle=0}, {@code liminal.db.idle-timeout}). The app signs in as its own user, with
 * only the privileges {@code terraform/scripts/db-app-user.sh} gives it, and migrates the schema as that user.
 * On the way it shows that {@code /health/live} never opens a database connection.
 */
class PasswordRotationIT {

    private static final String APP_USER = "liminal_app";
    private static final String FIRST = "first-password-0123456789";
    private static final String SECOND = "second-password-9876543210";
    private static final Duration IDLE_BOUND = Duration.ofSeconds(120);

    @Test
    void serverKeepsRidingWhenTheDatabasePasswordIsRotated() throws Exception {
        // given a PostgreSQL that checks passwords for the app's own, least-privileged user
        Path data = Files.createTempDirectory("liminal-pg-rotation");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .start()) {
            String url = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/rotation";
            createAppUser(postgres, data);
            Path secret = Files.createTempDirectory("liminal-secret").resolve("db-password");
            Files.writeString(secret, FIRST + "\n");

            try (ServerProcess server = ServerProcess.start(Map.of(
                    "liminal.db.url", url,
                    "liminal.db.user", APP_USER,
                    "liminal.db.password-file", secret.toString(),
                    "liminal.db.pool-min-idle", "0",
                    "liminal.db.idle-timeout", "10s",
                    "liminal.db.max-lifetime", "40s",
                    // the pool's housekeeping looks for idle connections every 30 s; sooner keeps the test short
                    "com.zaxxer.hikari.housekeeping.periodMs", "500"))) {
                PlayerClient player = new PlayerClient(server.base());
                String id = Rides.board(player);
                choose(player, id);
                assertThat(appBackends(postgres))
                        .as("connections of the app's user")
                        .isPositive();

                // when the password is rotated: in the database, then in the mounted secret
                try (Connection admin = admin(postgres);
                        Statement sql = admin.createStatement()) {
                    sql.execute("alter role " + APP_USER + " password '" + SECOND + "'");
                }
                Path next = Files.writeString(secret.resolveSibling("db-password.next"), SECOND + "\n");
                Files.move(next, secret, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                assertThatThrownBy(() -> DriverManager.getConnection(url, APP_USER, FIRST)
                                .close())
                        .as("the old password no longer signs in")
                        .isInstanceOf(SQLException.class);

                // and the pool lets go of the connections it opened with the old one, while the liveness probe
                // goes on answering without opening any
                Await.until(IDLE_BOUND, "the pool to close its idle connections", () -> {
                    assertThat(player.get("/health/live").status()).isEqualTo(200);
                    return appBackends(postgres) == 0;
                });

                // then the ride goes on, on connections signed in with the new password, without an error
                for (int stop = 0; stop < 3; stop++) {
                    choose(player, id);
                }
                assertThat(player.get("/health/ready").status()).isEqualTo(200);
                assertThat(Rides.stopCount(player.get("/stories/" + id).html())).isEqualTo(5);
                assertThat(appBackends(postgres))
                        .as("new connections of the app's user")
                        .isPositive();
                assertThat(Rides.board(player)).as("a new ride boards too").isNotBlank();
                assertThat(server.logTail()).doesNotContain("password authentication failed");
            }
        }
    }

    /** As terraform/scripts/db-app-user.sh makes it, with a password instead of rds_iam, which PostgreSQL lacks. */
    private static void createAppUser(EmbeddedPostgres postgres, Path data) throws SQLException, IOException {
        try (Connection admin = postgres.getPostgresDatabase().getConnection();
                Statement sql = admin.createStatement()) {
            sql.execute("create database rotation");
            sql.execute(
                    "create role " + APP_USER + " login nosuperuser nocreatedb nocreaterole password '" + FIRST + "'");
            sql.execute("revoke all on database rotation from public");
            sql.execute("grant connect, temporary on database rotation to " + APP_USER);
        }
        try (Connection admin = admin(postgres);
                Statement sql = admin.createStatement()) {
            // PostgreSQL 15 and later (Aurora's) no longer let everyone create in public; the app's grant must do
            sql.execute("revoke create on schema public from public");
            sql.execute("grant usage, create on schema public to " + APP_USER);
        }
        // the embedded server trusts every local connection: make it check this user's password (first match wins)
        Path hba = data.resolve("pg_hba.conf");
        Files.writeString(
                hba,
                "host all " + APP_USER + " 127.0.0.1/32 scram-sha-256\n"
                        + "host all " + APP_USER + " ::1/128 scram-sha-256\n"
                        + Files.readString(hba));
        try (Connection admin = admin(postgres);
                Statement sql = admin.createStatement()) {
            sql.execute("select pg_reload_conf()");
        }
        Await.until(Duration.ofSeconds(30), "PostgreSQL to check the app user's password", () -> {
            try (Connection ignored = DriverManager.getConnection(
                    "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/rotation", APP_USER, "wrong")) {
                return false;
            } catch (SQLException refused) {
                return true;
            }
        });
    }

    private static void choose(PlayerClient player, String id) {
        PlayerClient.Answer page = player.get("/stories/" + id);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        Document ride = page.html();
        int before = Rides.stopCount(ride);
        PlayerClient.Answer answer = player.post(
                "/stories/" + id + "/choices",
                Map.of(
                        "step",
                        String.valueOf(Rides.openStep(ride)),
                        "choice",
                        Rides.choiceIds(ride).getFirst()));
        assertThat(answer.status()).as(answer.body()).isEqualTo(303);
        assertThat(Rides.stopCount(player.get("/stories/" + id).html())).isEqualTo(before + 1);
    }

    private static int appBackends(EmbeddedPostgres postgres) {
        try (Connection admin = admin(postgres);
                Statement sql = admin.createStatement();
                var rows =
                        sql.executeQuery("select count(*) from pg_stat_activity where usename = '" + APP_USER + "'")) {
            rows.next();
            return rows.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection admin(EmbeddedPostgres postgres) throws SQLException {
        return DriverManager.getConnection(postgres.getJdbcUrl("postgres", "rotation"));
    }
}
