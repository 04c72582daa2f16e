package com.liminaltransit.web;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.microprofile.server.ServerCdiExtension;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

/**
 * Serves {@code /static/*} from {@link StaticAssets} with the caching each name deserves: a hashed name
 * ({@code /static/css/transit.3f9a1c2b4d5e.css}) never changes, so it is {@code public, max-age=31536000,
 * immutable}; a plain name ({@code /static/css/transit.css}) may change with the next release, so caches keep it
 * five minutes (as long as the edge keeps anything unmarked). A hash that is not the current file's is the 404
 * page. The htmx WebJar's path carries its version, so it is immutable too (Helidon's static content serves it).
 */
@ApplicationScoped
class StaticFiles {

    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    static final String SHORT = "public, max-age=300";
    private static final String WEBJARS = "/webjars/";

    void register(
            @Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) @Initialized(ApplicationScoped.class)
                    Object started,
            ServerCdiExtension server,
            StaticAssets assets,
            ThymeleafWriter pages) {
        Handler files = (request, response) -> serve(assets, pages, request, response);
        server.serverRoutingBuilder()
                .get(StaticAssets.PREFIX + "*", files)
                .head(StaticAssets.PREFIX + "*", files)
                .addFilter((chain, request, response) -> {
                    if (request.prologue().uriPath().rawPath().startsWith(WEBJARS)) {
                        // set first; an error page on the way (an unknown WebJar path) sets no-store over it
                        response.header(HeaderNames.CACHE_CONTROL, IMMUTABLE);
                    }
                    chain.proceed();
                });
    }

    private static void serve(
            StaticAssets assets, ThymeleafWriter pages, ServerRequest request, ServerResponse response) {
        var found = assets.find(request.prologue().uriPath().rawPath()).orElse(null);
        if (found == null) {
            HelidonPages.send(pages, request, response, 404);
            return;
        }
        String etag = "\"" + found.asset().hash() + "\"";
        response.header(HeaderNames.CACHE_CONTROL, found.immutable() ? IMMUTABLE : SHORT);
        response.header(HeaderNames.ETAG, etag);
        response.header(HeaderNames.CONTENT_TYPE, found.asset().contentType());
        boolean unchanged = request.headers()
                .first(HeaderNames.IF_NONE_MATCH)
                .map(sent -> sent.contains(etag) || sent.strip().equals("*"))
                .orElse(false);
        if (unchanged) {
            response.status(Status.NOT_MODIFIED_304).send();
            return;
        }
        response.send(found.asset().content());
    }
}
