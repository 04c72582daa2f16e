package com.liminaltransit.web;

import io.helidon.http.HeaderNames;
import io.helidon.microprofile.server.ServerCdiExtension;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

/**
 * The first thing every request on the public port meets, before any route (our pages, static files, WebJars,
 * health): with a proxy secret configured, a request that did not come through CloudFront is refused with a 403
 * page ({@link ProxyGate}); a path spelled any other way than we spell our addresses ({@link CanonicalPaths}) is answered with the
 * 404 page, so {@code //metrics}, {@code /./metrics}, {@code /%6detrics} or a matrix parameter reach nothing; and
 * every answer, whoever writes it, says {@code X-Content-Type-Options: nosniff}.
 */
@ApplicationScoped
class RoutingGuard {

    void register(
            @Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) @Initialized(ApplicationScoped.class)
                    Object started,
            ServerCdiExtension server,
            ThymeleafWriter pages,
            ProxySecrets secrets) {
        ProxyGate gate = new ProxyGate(secrets);
        server.serverRoutingBuilder()
                .addFilter((chain, request, response) -> guard(pages, gate, chain, request, response));
    }

    private static void guard(
            ThymeleafWriter pages,
            ProxyGate gate,
            FilterChain chain,
            RoutingRequest request,
            RoutingResponse response) {
        response.header(HeaderNames.X_CONTENT_TYPE_OPTIONS, "nosniff");
        if (!gate.admits(request)) {
            HelidonPages.send(pages, request, response, 403);
            return;
        }
        if (!CanonicalPaths.canonical(request.prologue().uriPath().rawPath())) {
            HelidonPages.send(pages, request, response, 404);
            return;
        }
        chain.proceed();
    }
}
