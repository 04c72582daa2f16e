package com.liminaltransit.web;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

/**
 * A {@code Content-Type} or {@code Accept} header that does not parse gets the {@code 400} page. Jersey parses both
 * while it picks the resource method and, when one fails, answers an empty {@code 400} of its own that no exception
 * mapper sees; asked here first, before matching, the answer is a page like every other.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 95)
@ApplicationScoped
public class MalformedHeaders implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        try {
            request.getMediaType();
            request.getAcceptableMediaTypes();
            request.getAcceptableLanguages();
        } catch (RuntimeException malformed) {
            request.abortWith(ErrorPages.page(
                            400,
                            ErrorPages.sentenceFor(400),
                            ErrorPages.sentenceKeyFor(400),
                            null,
                            Htmx.isHtmx(request))
                    .build());
        }
    }
}
