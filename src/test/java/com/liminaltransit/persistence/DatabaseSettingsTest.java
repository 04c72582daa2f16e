package com.liminaltransit.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Settings the pool would silently replace, or that cannot work, stop the server at start-up, naming the key. */
class DatabaseSettingsTest {

    private static final String H2 = "jdbc:h2:mem:settings;DB_CLOSE_DELAY=-1";

    @Test
    void theDefaultsLetAQuietServerLetGoOfTheDatabase() {
        PoolSettings defaults = PoolSettings.ofSize(16);

        assertThat(defaults.minIdle()).isZero();
        assertThat(defaults.idleTimeout()).isLessThan(defaults.maxLifetime());
        assertThat(defaults.maxLifetime()).isLessThan(Duration.ofMinutes(15));
    }

    @Test
    void poolValuesOutsideWhatThePoolHonoursAreRefused() {
        assertThatThrownBy(() -> new PoolSettings(4, 5, Duration.ofMinutes(1), Duration.ofMinutes(10)))
                .hasMessageContaining("liminal.db.pool-min-idle");
        assertThatThrownBy(() -> new PoolSettings(4, 0, Duration.ofSeconds(5), Duration.ofMinutes(10)))
                .hasMessageContaining("liminal.db.idle-timeout");
        assertThatThrownBy(() -> new PoolSettings(4, 0, Duration.ofSeconds(10), Duration.ofSeconds(20)))
                .hasMessageContaining("liminal.db.max-lifetime");
        assertThatThrownBy(() -> new PoolSettings(4, 0, Duration.ofMinutes(10), Duration.ofMinutes(10)))
                .hasMessageContaining("shorter than liminal.db.max-lifetime");
    }

    @Test
    void anUnknownAuthenticationIsRefused() {
        assertThatThrownBy(() -> database("kerberos", Optional.empty(), Optional.empty(), Optional.empty()))
                .hasMessageContaining("liminal.db.auth must be password or iam");
    }

    @Test
    void iamTakesNoPasswordAndNeedsAUserAndAPostgresqlHost() {
        assertThatThrownBy(() -> database("iam", Optional.of("secret"), Optional.empty(), Optional.of("eu-west-1")))
                .hasMessageContaining("remove liminal.db.password");
        assertThatThrownBy(() -> new Database(
                        H2,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        "iam",
                        Optional.of("eu-west-1"),
                        4,
                        0,
                        Duration.ofMinutes(1),
                        Duration.ofMinutes(10)))
                .hasMessageContaining("liminal.db.user");
        assertThatThrownBy(() -> database("iam", Optional.empty(), Optional.empty(), Optional.of("eu-west-1")))
                .hasMessageContaining("PostgreSQL");
    }

    @Test
    void aPasswordAndAPasswordFileTogetherAreRefused() {
        assertThatThrownBy(() ->
                        database("password", Optional.of("secret"), Optional.of("/run/secrets/db"), Optional.empty()))
                .hasMessageContaining("not both");
        assertThatThrownBy(() -> database("password", Optional.empty(), Optional.of("/nowhere/db"), Optional.empty()))
                .hasMessageContaining("cannot be read");
    }

    private static Database database(
            String auth, Optional<String> password, Optional<String> passwordFile, Optional<String> region) {
        return new Database(
                H2,
                Optional.of("liminal_app"),
                password,
                passwordFile,
                auth,
                region,
                4,
                0,
                Duration.ofMinutes(1),
                Duration.ofMinutes(10));
    }
}
