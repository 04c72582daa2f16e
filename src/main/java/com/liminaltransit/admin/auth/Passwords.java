package com.liminaltransit.admin.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Optional;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Checks a writer's password against its bcrypt hash ({@code at.favre.lib:bcrypt}, which reads {@code $2a$},
 * {@code $2b$} and {@code $2y$}). An unknown username is checked against a dummy hash of the same cost, so a
 * failed sign-in takes as long whether or not the user exists. bcrypt reads only the first
 * {@value #MAX_BYTES} bytes of a password, so a longer one is refused outright rather than matched on its first
 * {@value #MAX_BYTES} bytes ({@link HashPassword} refuses to hash one). Every bcrypt check is counted
 * ({@code admin_password_checks_total}): the sign-in throttle promises a bound on them. Passwords are never
 * logged or kept.
 */
@ApplicationScoped
class Passwords {

    /** What bcrypt reads of a password, in UTF-8 bytes. */
    static final int MAX_BYTES = 72;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final AdminSettings settings;
    private final byte[] dummyHash;
    private final Counter checks;

    @Inject
    Passwords(AdminSettings settings, MetricRegistry registry) {
        this.settings = settings;
        int cost = settings.usernames().stream()
                .map(settings::hashOf)
                .mapToInt(hash -> Integer.parseInt(hash.substring(4, 6)))
                .max()
                .orElse(10);
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        this.dummyHash = BCrypt.withDefaults().hash(cost, random, "not a password".getBytes(StandardCharsets.UTF_8));
        this.checks = registry.counter("admin.password.checks");
    }

    /** Whether bcrypt can check this password whole (it is at most {@value #MAX_BYTES} bytes in UTF-8). */
    static boolean fitsBcrypt(String password) {
        return password == null || password.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
    }

    /**
     * The account these credentials sign in to, or empty. {@code username} is already
     * {@link Usernames#normalise normalised}. The same work is done for an unknown user as for a known one; a
     * password bcrypt cannot read whole fails without any work, since its length is no secret to whoever sent it.
     */
    Optional<String> check(String username, String password) {
        if (!fitsBcrypt(password)) {
            return Optional.empty();
        }
        String hash = settings.hashOf(username);
        byte[] candidate = (password == null ? "" : password).getBytes(StandardCharsets.UTF_8);
        byte[] stored = hash == null ? dummyHash : hash.getBytes(StandardCharsets.UTF_8);
        checks.inc();
        boolean verified = BCrypt.verifyer().verify(candidate, stored).verified;
        return verified && hash != null ? Optional.of(username) : Optional.empty();
    }

    /** How many bcrypt checks this server has made since it started. */
    long checks() {
        return checks.getCount();
    }
}
