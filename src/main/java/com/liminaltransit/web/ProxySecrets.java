package com.liminaltransit.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The secret CloudFront adds to every request it forwards ({@value #HEADER}): {@code liminal.web.proxy-secret}, and
 * during a rotation also {@code liminal.web.proxy-secret-previous}, so that neither the old nor the new value is
 * refused while CloudFront and the running servers change over at different moments. Compared in constant time:
 * both sides are hashed first, so not even the length of the secret leaks through timing.
 */
@ApplicationScoped
class ProxySecrets {

    /** The header CloudFront sends with the shared secret. */
    static final String HEADER = "X-Liminal-Proxy-Secret";

    private final List<byte[]> accepted;

    @Inject
    ProxySecrets(
            @ConfigProperty(name = "liminal.web.proxy-secret") Optional<String> current,
            @ConfigProperty(name = "liminal.web.proxy-secret-previous") Optional<String> previous) {
        this.accepted = Stream.of(current, previous)
                .flatMap(Optional::stream)
                .filter(secret -> !secret.isBlank())
                .map(ProxySecrets::digest)
                .toList();
    }

    /** Whether a secret is configured at all (in AWS); without one (local development) nothing is asked for. */
    boolean configured() {
        return !accepted.isEmpty();
    }

    /** Whether {@code presented} (the header's value, or {@code null}) is the current or the previous secret. */
    boolean accepts(String presented) {
        if (presented == null) {
            return false;
        }
        byte[] digest = digest(presented);
        boolean match = false;
        for (byte[] secret : accepted) {
            // no early exit: the time taken says nothing about which secret matched
            match |= MessageDigest.isEqual(secret, digest);
        }
        return match;
    }

    private static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
