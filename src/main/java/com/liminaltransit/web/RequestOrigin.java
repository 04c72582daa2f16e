package com.liminaltransit.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Tells how a request reached us. Forwarded headers are believed only when {@code liminal.web.trust-forwarded}
 * is true (behind CloudFront or a load balancer that sets them); otherwise anyone could claim HTTPS.
 */
@ApplicationScoped
public class RequestOrigin {

    private final boolean trustForwarded;

    /** Reads {@code liminal.web.trust-forwarded} (default false). */
    @Inject
    public RequestOrigin(@ConfigProperty(name = "liminal.web.trust-forwarded", defaultValue = "false")
                         boolean trustForwarded) {
        this.trustForwarded = trustForwarded;
    }

    /** For CDI proxies only. */
    protected RequestOrigin() {
        this(false);
    }

    /** Whether the player's browser used HTTPS. */
    public boolean isHttps(ContainerRequestContext request) {
        if ("https".equalsIgnoreCase(request.getUriInfo().getRequestUri().getScheme())) {
            return true;
        }
        if (!trustForwarded) {
            return false;
        }
        String proto = request.getHeaderString("X-Forwarded-Proto");
        if (proto == null) {
            String forwarded = request.getHeaderString("Forwarded");
            return forwarded != null && forwarded.toLowerCase(java.util.Locale.ROOT).contains("proto=https");
        }
        // The first hop is the viewer's side when proxies append.
        return "https".equalsIgnoreCase(proto.split(",")[0].strip());
    }

    /**
     * The client's address: the connection's peer, or, behind a trusted proxy, the first address of
     * {@code X-Forwarded-For} (what the proxy saw). Used to throttle failed sign-ins per address.
     */
    public String clientAddress(ContainerRequestContext request) {
        if (trustForwarded) {
            String forwardedFor = request.getHeaderString("X-Forwarded-For");
            if (forwardedFor != null && !forwardedFor.isBlank()) {
                return forwardedFor.split(",")[0].strip();
            }
        }
        Object peer = request.getProperty("io.helidon.jaxrs.remote-host");
        return peer == null ? "unknown" : peer.toString();
    }
}
