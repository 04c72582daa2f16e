package com.liminaltransit.persistence;

import java.time.Duration;

/**
 * How the pool keeps its connections ({@code liminal.db.pool-*}, {@code liminal.db.idle-timeout},
 * {@code liminal.db.max-lifetime}). By default no connection is kept open for nobody: a quiet server lets the
 * database go (Aurora Serverless can pause), and every connection is replaced well within the 15 minutes an IAM
 * token is valid, so a rotated password or a revoked grant takes effect within minutes.
 *
 * @param size        most connections at once
 * @param minIdle     connections kept open while idle ({@code 0}: none)
 * @param idleTimeout an idle connection above {@code minIdle} closes after this long (10 s at least)
 * @param maxLifetime every connection is replaced after this long (30 s at least, more than the idle timeout)
 */
public record PoolSettings(int size, int minIdle, Duration idleTimeout, Duration maxLifetime) {

    /** The defaults of {@code microprofile-config.properties}. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(5);

    /** Below the 15 minutes of an IAM token, as AWS advises for pools that sign in with them. */
    public static final Duration DEFAULT_MAX_LIFETIME = Duration.ofMinutes(10);

    /**
     * Checks the values against the pool's own floors, so that a value it would silently replace stops the server
     * instead, naming the key.
     *
     * @throws IllegalStateException naming the key at fault
     */
    public PoolSettings {
        if (size < 1) {
            throw new IllegalStateException("liminal.db.pool-size must be at least 1, not " + size);
        }
        if (minIdle < 0 || minIdle > size) {
            throw new IllegalStateException(
                    "liminal.db.pool-min-idle must be 0 to liminal.db.pool-size (" + size + "), not " + minIdle);
        }
        if (idleTimeout.compareTo(Duration.ofSeconds(10)) < 0) {
            throw new IllegalStateException("liminal.db.idle-timeout must be 10s or more, not " + idleTimeout);
        }
        if (maxLifetime.compareTo(Duration.ofSeconds(30)) < 0) {
            throw new IllegalStateException("liminal.db.max-lifetime must be 30s or more, not " + maxLifetime);
        }
        if (idleTimeout.plusSeconds(1).compareTo(maxLifetime) > 0) {
            throw new IllegalStateException("liminal.db.idle-timeout (" + idleTimeout
                    + ") must be shorter than liminal.db.max-lifetime (" + maxLifetime + ")");
        }
    }

    /** {@code size} connections at most, the other values as by default. */
    public static PoolSettings ofSize(int size) {
        return new PoolSettings(size, 0, DEFAULT_IDLE_TIMEOUT, DEFAULT_MAX_LIFETIME);
    }
}
