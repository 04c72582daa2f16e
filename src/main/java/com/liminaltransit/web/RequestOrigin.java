package com.liminaltransit.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Tells how a request reached us: over HTTPS or not, and from which client address. Forwarded headers are
 * believed only from the configured proxy: {@code liminal.web.trust-forwarded} must be true and, when
 * {@code liminal.web.proxy-secret} is set, the request must carry that secret (or, during a rotation,
 * {@code liminal.web.proxy-secret-previous}) in {@value #PROXY_SECRET_HEADER}. CloudFront adds it as an origin
 * custom header; a request without it never gets this far ({@link ProxyGate}), and this check stays as a second
 * lock. Otherwise anyone could claim HTTPS or another player's address.
 */
@ApplicationScoped
public class RequestOrigin {

    /** The header CloudFront sends with the shared secret. */
    public static final String PROXY_SECRET_HEADER = ProxySecrets.HEADER;

    private final boolean trustForwarded;
    private final ProxySecrets proxySecrets;
    private final String clientAddressHeader;

    /** Reads the {@code liminal.web.*} keys. */
    @Inject
    RequestOrigin(
            @ConfigProperty(name = "liminal.web.trust-forwarded", defaultValue = "false") boolean trustForwarded,
            ProxySecrets proxySecrets,
            @ConfigProperty(name = "liminal.web.client-address-header", defaultValue = "X-Forwarded-For")
                    String clientAddressHeader) {
        this.trustForwarded = trustForwarded;
        this.proxySecrets = proxySecrets;
        this.clientAddressHeader = clientAddressHeader;
    }

    /** Whether the player's browser used HTTPS. */
    public boolean isHttps(ContainerRequestContext request) {
        if ("https".equalsIgnoreCase(request.getUriInfo().getRequestUri().getScheme())) {
            return true;
        }
        if (!fromTrustedProxy(request)) {
            return false;
        }
        String proto = request.getHeaderString("X-Forwarded-Proto");
        if (proto == null) {
            String forwarded = request.getHeaderString("Forwarded");
            return forwarded != null && forwarded.toLowerCase(Locale.ROOT).contains("proto=https");
        }
        // The first hop is the viewer's side when proxies append.
        return "https".equalsIgnoreCase(proto.split(",")[0].strip());
    }

    /**
     * Whether {@code origin} (an {@code Origin} header: {@code scheme://host[:port]}) is this request's own origin:
     * its scheme as {@link #isHttps} tells it, its host from the trusted proxy's {@code X-Forwarded-Host} (the host
     * the browser asked for, when the proxy sends us another {@code Host}) or else from {@code Host}. Default ports
     * are ignored, case too; {@code null} (the literal {@code Origin} of sandboxed or privacy-redirected pages) is
     * never our own.
     */
    public boolean isOwnOrigin(ContainerRequestContext request, String origin) {
        String host = null;
        if (fromTrustedProxy(request)) {
            String forwarded = request.getHeaderString("X-Forwarded-Host");
            if (forwarded != null && !forwarded.isBlank()) {
                host = forwarded.split(",")[0].strip();
            }
        }
        if (host == null) {
            host = request.getHeaderString("Host");
        }
        if (host == null || origin == null) {
            return false;
        }
        String scheme = isHttps(request) ? "https" : "http";
        return normalised(origin.strip()).equals(normalised(scheme + "://" + host));
    }

    /** {@code HTTPS://Example.org:443} → {@code https://example.org}; anything unparsable → itself, lower case. */
    private static String normalised(String origin) {
        String lower = origin.toLowerCase(Locale.ROOT);
        try {
            URI uri = new URI(lower);
            if (uri.getScheme() == null
                    || uri.getHost() == null
                    || uri.getRawPath() != null && !uri.getRawPath().isEmpty()) {
                return lower;
            }
            int port = uri.getPort();
            boolean defaultPort = port < 0
                    || port == 443 && uri.getScheme().equals("https")
                    || port == 80 && uri.getScheme().equals("http");
            return uri.getScheme() + "://" + uri.getHost() + (defaultPort ? "" : ":" + port);
        } catch (URISyntaxException e) {
            return lower;
        }
    }

    /**
     * The client's address, for throttling: the connection's peer, or, from the trusted proxy, the address it
     * reports in {@code liminal.web.client-address-header}. For {@code X-Forwarded-For} that is the last entry
     * (the one the proxy appended; earlier entries are whatever the client sent); for CloudFront's
     * {@code CloudFront-Viewer-Address} ({@code ip:port}) it is the viewer's IP.
     */
    public String clientAddress(ContainerRequestContext request) {
        if (fromTrustedProxy(request)) {
            String reported = request.getHeaderString(clientAddressHeader);
            if (reported != null && !reported.isBlank()) {
                String[] hops = reported.split(",");
                return withoutPort(hops[hops.length - 1].strip());
            }
        }
        Object peer = request.getProperty("io.helidon.jaxrs.remote-host");
        return peer == null ? "unknown" : peer.toString();
    }

    private boolean fromTrustedProxy(ContainerRequestContext request) {
        if (!trustForwarded) {
            return false;
        }
        return !proxySecrets.configured() || proxySecrets.accepts(request.getHeaderString(PROXY_SECRET_HEADER));
    }

    /** {@code 203.0.113.7:443} → {@code 203.0.113.7}; {@code [2001:db8::1]:443} → {@code 2001:db8::1}. */
    private static String withoutPort(String address) {
        if (address.startsWith("[")) {
            int end = address.indexOf(']');
            return end > 0 ? address.substring(1, end) : address;
        }
        int colon = address.indexOf(':');
        return colon > 0 && colon == address.lastIndexOf(':') ? address.substring(0, colon) : address;
    }
}
