package com.liminaltransit.web;

import io.helidon.http.DirectHandler;
import io.helidon.http.DirectHandler.EventType;
import io.helidon.http.DirectHandler.TransportResponse;
import io.helidon.http.HeaderNames;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;
import io.helidon.microprofile.server.ServerCdiExtension;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.DirectHandlers;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * What Helidon refuses before routing (a body past {@code server.max-payload-size}, headers too large, a request
 * line too long, a malformed header) answers with a one-line {@code text/plain} reason and the headers every page
 * carries, never an empty body a browser may sniff: Helidon itself gives no reason for a body that is too long.
 * Our styled pages cannot be reached from here, as no request exists yet. {@link ChunkedBodyCap} gives a chunked
 * body that outgrows the cap while it is read the same answer ({@link #oversized()}).
 *
 * <p>Helidon MP has no public hook for the server's direct handlers (helidon#7939): the server builder is reached
 * through {@link ServerCdiExtension}'s package-private accessor, late (just before the server starts), so that
 * these handlers wrap whatever handlers were set before them. If a Helidon upgrade removes the accessor, the server
 * starts with Helidon's own refusals and a warning; {@code HostileInputIT} then fails and says so.
 */
@ApplicationScoped
class PreRoutingRefusals {

    private static final Logger LOG = Logger.getLogger(PreRoutingRefusals.class.getName());
    private static final int TOO_LARGE = Status.REQUEST_ENTITY_TOO_LARGE_413.code();

    void register(
            @Observes @Priority(Interceptor.Priority.LIBRARY_AFTER) @Initialized(ApplicationScoped.class)
                    Object started,
            ServerCdiExtension server) {
        try {
            Method accessor = ServerCdiExtension.class.getDeclaredMethod("serverBuilder");
            accessor.setAccessible(true);
            WebServerConfig.Builder builder = (WebServerConfig.Builder) accessor.invoke(server);
            DirectHandlers before = builder.directHandlers().orElseGet(DirectHandlers::create);
            DirectHandlers.Builder handlers = DirectHandlers.builder();
            for (EventType type : EventType.values()) {
                DirectHandler inner = before.handler(type);
                handlers.addHandler(
                        type,
                        (request, event, status, headers, message) ->
                                oneLine(inner.handle(request, event, status, headers, message)));
            }
            builder.directHandlers(handlers.build());
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.WARNING, "Refusals before routing keep Helidon's own bodies: " + e);
        }
    }

    /** The same refusal of a body past the cap, for one found while a resource reads it. */
    static Response oversized() {
        return Response.status(TOO_LARGE)
                .type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                .header("Connection", "close") // the rest of the body is not read
                .entity(reason(TOO_LARGE))
                .build();
    }

    /** The answer as Helidon (or a handler before us) wrote it, as one line of text with the pages' headers. */
    private static TransportResponse oneLine(TransportResponse answer) {
        String said = answer.entity()
                .map(bytes -> new String(bytes, StandardCharsets.UTF_8))
                .filter(text -> !text.isBlank())
                .orElseGet(() -> reason(answer.status().code()));
        ServerResponseHeaders headers = answer.headers();
        SecurityHeadersFilter.HEADERS.forEach((name, value) -> headers.set(HeaderNames.create(name), value));
        headers.set(HeaderNames.CACHE_CONTROL, "no-store");
        headers.set(HeaderNames.CONTENT_TYPE, "text/plain;charset=UTF-8");
        // Helidon's messages are already escaped (it may quote what the client sent); they stay on one line.
        return TransportResponse.builder()
                .status(answer.status())
                .headers(headers)
                .keepAlive(answer.keepAlive())
                .entity(said.strip().replaceAll("[\\r\\n]+", " "))
                .build();
    }

    /** The one-line reason for a refusal that comes without one. */
    static String reason(int status) {
        if (status == TOO_LARGE) {
            long limit = ConfigProvider.getConfig()
                    .getOptionalValue("server.max-payload-size", Long.class)
                    .orElse(-1L);
            return limit > 0 ? "Request body too large (limit " + limit + " bytes)." : "Request body too large.";
        }
        return Status.create(status).reasonPhrase() + ".";
    }
}
