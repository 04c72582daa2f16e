package com.liminaltransit.admin.auth;

import jakarta.enterprise.context.Dependent;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How many failed sign-ins are tolerated: {@code liminal.admin.login.failures-per-user} (default 5) and
 * {@code …failures-per-address} (default 20) within {@code …failure-window} (default {@code 15m}); past either, a
 * sign-in is refused until the oldest failure leaves the window. A writer's correct password from an address they
 * signed in from within {@code …known-address-life} (default {@code 30d}) passes the per-user limit (not the
 * per-address one). One attempt per username and per address is checked at a time; a claim older than
 * {@code …attempt-lease} (default {@code 10s}) was left by a server that died and is taken over. Injected with the
 * {@link ConfigProperties} qualifier; MicroProfile Config fills the fields.
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

    @ConfigProperty(name = "known-address-life", defaultValue = "30d")
    Duration knownAddressLife;

    @ConfigProperty(name = "attempt-lease", defaultValue = "10s")
    Duration attemptLease;

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

    /** How long after a writer's last sign-in from an address that address still passes the per-user limit. */
    public Duration knownAddressLife() {
        return knownAddressLife;
    }

    /** How long one attempt may hold its username and address before another may take them over. */
    public Duration attemptLease() {
        return attemptLease;
    }
}
