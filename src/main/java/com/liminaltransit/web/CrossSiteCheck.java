package com.liminaltransit.web;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;

/**
 * Refuses a state-changing request that a browser sent from another site: one whose {@code Sec-Fetch-Site} is
 * {@code cross-site}, or whose {@code Origin} is not this site's own. Without it, any page could make its visitors
 * board rides (each a paid AI call) or answer stops. A request with neither header (curl, test clients, old
 * browsers) is judged by the other rules; {@code SameSite=Lax} cookies and the writers' CSRF tokens still hold.
 *
 * <p>{@code Sec-Fetch-Site: same-origin} is the browser's own word that the page posting is ours, so it passes even
 * when the proxy in front of us rewrites the {@code Host} we see. Otherwise the {@code Origin} is compared with the
 * request's own origin as {@link RequestOrigin} reports it.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 90)
@ApplicationScoped
public class CrossSiteCheck implements ContainerRequestFilter {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    private final RequestOrigin origin;

    /** Uses {@code origin} for the request's own scheme and host. */
    @Inject
    public CrossSiteCheck(RequestOrigin origin) {
        this.origin = origin;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (SAFE.contains(request.getMethod())) {
            return;
        }
        String site = request.getHeaderString("Sec-Fetch-Site");
        if (site != null && site.strip().equalsIgnoreCase("cross-site")) {
            throw refused();
        }
        if (site != null && site.strip().equalsIgnoreCase("same-origin")) {
            return;
        }
        String sent = request.getHeaderString("Origin");
        if (sent != null && !origin.isOwnOrigin(request, sent)) {
            throw refused();
        }
    }

    private static PageException refused() {
        return new PageException(
                Response.Status.FORBIDDEN,
                "That form was sent from another website. To board or choose, use Liminal Transit's own pages.",
                "error.cross-site",
                null);
    }
}
