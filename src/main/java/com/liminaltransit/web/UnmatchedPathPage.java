package com.liminaltransit.web;

import io.helidon.http.HeaderNames;
import io.helidon.http.NotFoundException;
import io.helidon.http.Status;
import io.helidon.microprofile.server.ServerCdiExtension;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.nio.charset.StandardCharsets;

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
        server.serverRoutingBuilder().error(NotFoundException.class, (request, response, failure) -> {
            boolean htmx = Htmx.isHtmx(
                    name -> request.headers().first(HeaderNames.create(name)).orElse(null));
            String html = pages.render(ErrorPages.view(404, ErrorPages.sentenceFor(404), null, htmx));
            response.status(Status.NOT_FOUND_404);
            response.header(HeaderNames.CONTENT_TYPE, "text/html;charset=UTF-8");
            SecurityHeadersFilter.HEADERS.forEach((name, value) -> response.header(HeaderNames.create(name), value));
            response.send(html.getBytes(StandardCharsets.UTF_8));
        });
    }
}
