package com.liminaltransit.web;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Recognises the deploy pipeline's smoke test: a request carrying {@code X-Liminal-Smoke} with the secret
 * {@code liminal.smoke.token} (32 characters at least; shorter or unset, nothing is a smoke request). Its rides are
 * written by {@code offline}, stored as smoke rides (left out of analytics), and pass the players' limits, so a
 * deploy's check pays no vendor and skews no figure.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
@ApplicationScoped
public class SmokeRequests implements ContainerRequestFilter {

    /** The header the smoke test sends. */
    public static final String HEADER = "X-Liminal-Smoke";

    private static final String PROPERTY = "liminal.smoke";
    private static final int MIN_TOKEN_LENGTH = 32;

    private final Optional<byte[]> token;

    @Inject
    SmokeRequests(@ConfigProperty(name = "liminal.smoke.token") Optional<String> token) {
        this.token = token.filter(t -> t.length() >= MIN_TOKEN_LENGTH).map(t -> t.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String sent = request.getHeaderString(HEADER);
        boolean smoke = token.isPresent()
                && sent != null
                && MessageDigest.isEqual(token.get(), sent.getBytes(StandardCharsets.UTF_8));
        request.setProperty(PROPERTY, smoke);
    }

    /** Whether the request is the smoke test's (the filter has run before any resource or throttle). */
    public static boolean isSmoke(ContainerRequestContext request) {
        return Boolean.TRUE.equals(request.getProperty(PROPERTY));
    }
}
