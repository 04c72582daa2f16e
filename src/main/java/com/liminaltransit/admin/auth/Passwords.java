package com.liminaltransit.admin.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * Checks a writer's password against its bcrypt hash ({@code at.favre.lib:bcrypt}, which reads {@code $2a$},
 * {@code $2b$} and {@code $2y$}). An unknown username is checked against a dummy hash of the same cost, so a
 * failed sign-in takes as long whether or not the user exists. Passwords are never logged or kept.
 */
@ApplicationScoped
class Passwords {

    private static final int MAX_BYTES = 72;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AdminSettings settings;
    private final byte[] dummyHash;

    @Inject
    Passwords(AdminSettings settings) {
        this.settings = settings;
        int cost = settings.usernames().stream()
                .map(settings::hashOf)
                .mapToInt(hash -> Integer.parseInt(hash.substring(4, 6)))
                .max()
                .orElse(10);
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        this.dummyHash = BCrypt.withDefaults().hash(cost, random, "not a password".getBytes(StandardCharsets.UTF_8));
    }

    /** The account these credentials sign in to, or empty; the same work is done either way. */
    Optional<String> check(String username, String password) {
        String hash = username == null ? null : settings.hashOf(username);
        byte[] candidate = (password == null ? "" : password).getBytes(StandardCharsets.UTF_8);
        if (candidate.length > MAX_BYTES) {
            // bcrypt reads 72 bytes; htpasswd and the other tools that make hashes cut there too
            candidate = java.util.Arrays.copyOf(candidate, MAX_BYTES);
        }
        byte[] stored = hash == null ? dummyHash : hash.getBytes(StandardCharsets.UTF_8);
        boolean verified = BCrypt.verifyer().verify(candidate, stored).verified;
        return verified && hash != null ? Optional.of(username) : Optional.empty();
    }
}
