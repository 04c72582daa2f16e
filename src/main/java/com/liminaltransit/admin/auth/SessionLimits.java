package com.liminaltransit.admin.auth;

import jakarta.enterprise.context.Dependent;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How long a writer's session lives: {@code liminal.admin.session.idle} (default {@code 30m}) without a request,
 * {@code liminal.admin.session.absolute} (default {@code 8h}) after sign-in, however busy. Durations in the one
 * syntax of our configuration ({@code 90s}, {@code 30m}, {@code 8h}); a malformed one stops the server at start-up.
 * Injected with the {@link ConfigProperties} qualifier; MicroProfile Config fills the fields.
 */
@ConfigProperties(prefix = "liminal.admin.session")
@Dependent
public class SessionLimits {

    @ConfigProperty(name = "idle", defaultValue = "30m")
    Duration idle;

    @ConfigProperty(name = "absolute", defaultValue = "8h")
    Duration absolute;

    /** A session ends after this long without a request. */
    public Duration idleTimeout() {
        return idle;
    }

    /** A session ends this long after sign-in, however busy. */
    public Duration absoluteTimeout() {
        return absolute;
    }
}
