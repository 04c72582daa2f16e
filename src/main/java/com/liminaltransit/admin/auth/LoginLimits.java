package com.liminaltransit.admin.auth;

import jakarta.enterprise.context.Dependent;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How many failed sign-ins are tolerated: {@code liminal.admin.login.failures-per-user} (default 5) and
 * {@code …failures-per-address} (default 20) within {@code …failure-window} (default {@code 15m}); past either, a
 * sign-in is refused until the oldest failure leaves the window. Injected with the {@link ConfigProperties}
 * qualifier; MicroProfile Config fills the fields.
 */
@ConfigProperties(prefix = "liminal.admin.login")
@Dependent
public class LoginLimits {

    @ConfigProperty(name = "failures-per-user", defaultValue = "5")
    int failuresPerUser;

    @ConfigProperty(name = "failures-per-address", defaultValue = "20")
    int failuresPerAddress;

    @ConfigProperty(name = "failure-window", defaultValue = "15m")
    Duration failureWindow;

    /** Failed sign-ins for one username within {@link #failureWindow()} before it is refused. */
    public int failuresPerUser() {
        return failuresPerUser;
    }

    /** Failed sign-ins from one address within {@link #failureWindow()} before it is refused. */
    public int failuresPerAddress() {
        return failuresPerAddress;
    }

    /** How long a failed sign-in counts. */
    public Duration failureWindow() {
        return failureWindow;
    }
}
