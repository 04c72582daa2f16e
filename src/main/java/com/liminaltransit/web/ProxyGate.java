package com.liminaltransit.web;

import io.helidon.webserver.http.RoutingRequest;
import java.util.Set;

/**
 * With a proxy secret configured, the public port serves only requests that came through CloudFront: any other
 * request (someone who found the origin's address) gets a plain 403 page, whatever it asks for, static files
 * included, so the WAF and its rate rule in front cannot be walked around. The load balancer's health checks do
 * not carry the secret and stay open. Without a secret (local development) every request passes.
 */
final class ProxyGate {

    /** The load balancer's and the container's probes: status only, nothing a player could use. */
    private static final Set<String> OPEN_PATHS = Set.of("/health/live", "/health/ready");

    private final ProxySecrets secrets;

    ProxyGate(ProxySecrets secrets) {
        this.secrets = secrets;
    }

    /** Whether {@code request} may be served. */
    boolean admits(RoutingRequest request) {
        if (!secrets.configured()
                || OPEN_PATHS.contains(request.prologue().uriPath().rawPath())) {
            return true;
        }
        return secrets.accepts(request.headers()
                .first(io.helidon.http.HeaderNames.create(ProxySecrets.HEADER))
                .orElse(null));
    }
}
