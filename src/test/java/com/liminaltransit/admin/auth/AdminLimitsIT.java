package com.liminaltransit.admin.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.helidon.microprofile.config.ConfigCdiExtension;
import io.helidon.microprofile.testing.junit5.AddBean;
import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.AddExtension;
import io.helidon.microprofile.testing.junit5.DisableDiscovery;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;

/**
 * The session and sign-in limits as MicroProfile Config binds them (a bare CDI container, no server): the keys
 * given here are read in the one duration syntax, the others keep their defaults, and ISO-8601 is not a second
 * syntax.
 */
@HelidonTest
@DisableDiscovery
@AddExtension(ConfigCdiExtension.class)
@AddBean(SessionLimits.class)
@AddBean(LoginLimits.class)
@AddConfig(key = "liminal.admin.session.idle", value = "10m")
@AddConfig(key = "liminal.admin.session.absolute", value = "2h")
class AdminLimitsIT {

    @Inject
    @ConfigProperties
    private SessionLimits session;

    @Inject
    @ConfigProperties
    private LoginLimits login;

    @Test
    void sessionDurationsAreReadInTheOneSyntax() {
        assertThat(session.idleTimeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(session.absoluteTimeout()).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void signInLimitsNotConfiguredKeepTheirDefaults() {
        assertThat(login.failuresPerUser()).isEqualTo(5);
        assertThat(login.failuresPerAddress()).isEqualTo(20);
        assertThat(login.failureWindow()).isEqualTo(Duration.ofMinutes(15));
        assertThat(login.knownAddressLife()).isEqualTo(Duration.ofDays(30));
        assertThat(login.attemptLease()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void isoDurationsAreNoLongerAcceptedAndTheValueIsNamed() {
        Config config = ConfigProviderResolver.instance()
                .getBuilder()
                .addDiscoveredConverters()
                .withSources(source(Map.of("liminal.admin.session.idle", "PT30M")))
                .build();

        assertThatThrownBy(() -> config.getValue("liminal.admin.session.idle", Duration.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("liminal.admin.session.idle")
                .rootCause()
                .hasMessageContaining("'PT30M'")
                .hasMessageContaining("30m");
    }

    private static ConfigSource source(Map<String, String> values) {
        return new ConfigSource() {
            @Override
            public Set<String> getPropertyNames() {
                return values.keySet();
            }

            @Override
            public String getValue(String name) {
                return values.get(name);
            }

            @Override
            public String getName() {
                return "test";
            }
        };
    }
}
