package com.liminaltransit.web;

import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;

/**
 * Redirects name a path on this site, never a host. By default JAX-RS (Jersey) makes every {@code Location}
 * absolute from the request's {@code Host} header, which the client chooses, so a redirect could point a browser or
 * a cache at any host (and behind a proxy at the origin's own name). With this, a {@code Location} goes out as the
 * resource wrote it, {@code /stories/…}, which browsers resolve against the address they asked, HTTPS included
 * (RFC 9110 allows relative references).
 */
@Provider
public class RelativeLocations implements Feature {

    /** Jersey's {@code ServerProperties.LOCATION_HEADER_RELATIVE_URI_RESOLUTION_DISABLED}. */
    static final String KEEP_RELATIVE = "jersey.config.server.headers.location.relative.resolution.disabled";

    @Override
    public boolean configure(FeatureContext context) {
        context.property(KEEP_RELATIVE, true);
        return true;
    }
}
