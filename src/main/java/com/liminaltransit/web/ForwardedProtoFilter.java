package com.liminaltransit.web;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.ext.Provider;

/**
 * Behind a TLS-terminating proxy the server sees plain HTTP. When {@code liminal.web.trust-forwarded} is set and
 * the proxy says the player came over HTTPS, the request is treated as HTTPS, so redirects (JAX-RS makes
 * {@code Location} absolute from the request) keep the player on HTTPS.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
@ApplicationScoped
public class ForwardedProtoFilter implements ContainerRequestFilter {

    private final RequestOrigin origin;

    /** Uses {@code origin} to decide whether to believe the proxy. */
    @Inject
    public ForwardedProtoFilter(RequestOrigin origin) {
        this.origin = origin;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        var uris = request.getUriInfo();
        if (!"https".equals(uris.getRequestUri().getScheme()) && origin.isHttps(request)) {
            request.setRequestUri(
                    UriBuilder.fromUri(uris.getBaseUri()).scheme("https").build(),
                    UriBuilder.fromUri(uris.getRequestUri()).scheme("https").build());
        }
    }
}
