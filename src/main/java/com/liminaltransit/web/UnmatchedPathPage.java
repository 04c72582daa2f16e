package com.liminaltransit.web;

import io.helidon.http.NotFoundException;
import io.helidon.microprofile.server.ServerCdiExtension;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

/**
 * The 404 page for a path that no route serves (neither our pages nor health, metrics or static content).
 * Helidon tries its other routes when JAX-RS matches nothing, and ends in a {@link NotFoundException} that this
 * handler answers in the site's style, with the same security headers as every page.
 */
@ApplicationScoped
class UnmatchedPathPage {

    void register(
            @Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) @Initialized(ApplicationScoped.class)
                    Object started,
            ServerCdiExtension server,
            ThymeleafWriter pages) {
        server.serverRoutingBuilder()
                .error(
                        NotFoundException.class,
                        (request, response, failure) -> HelidonPages.send(pages, request, response, 404));
    }
}
