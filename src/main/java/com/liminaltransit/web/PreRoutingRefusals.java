package com.liminaltransit.web;

import io.helidon.http.DirectHandler;
import io.helidon.http.DirectHandler.EventType;
import io.helidon.http.HeaderNames;
import io.helidon.http.HtmlEncoder;
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
import java.lang.reflect.Method;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * What Helidon refuses before routing (a body past {@code server.max-payload-size}, headers too large, a request
 * line too long, a malformed header) answers with a one-line {@code text/plain} reason and the headers every page
 * carries, instead of an empty body that a browser may sniff. Our styled pages cannot be reached from here: no
 * request exists yet. {@link OversizedBodyFilter} gives a chunked body that outgrows the cap mid-read the same
 * answer.
 *
 * <p>Helidon MP has no public hook for the server's direct handlers (helidon#7939): the server builder is reached
 * through {@link ServerCdiExtension}'s package-private accessor. If a Helidon upgrade removes it, the server
 * starts with Helidon's own refusals and a warning; {@code HostileInputIT} then fails and says so.
 */
@ApplicationScoped
class PreRoutingRefusals {

    private static final Logger LOG = Logger.getLogger(PreRoutingRefusals.class.getName());

    void register(
            @Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) @Initialized(ApplicationScoped.class)
                    Object started,
            ServerCdiExtension server) {
        DirectHandler oneLine = PreRoutingRefusals::refuse;
        DirectHandlers.Builder handlers = DirectHandlers.builder();
        for (EventType type : EventType.values()) {
            handlers.addHandler(type, oneLine);
        }
        try {
            Method builder = ServerCdiExtension.class.getDeclaredMethod("serverBuilder");
            builder.setAccessible(true);
            ((WebServerConfig.Builder) builder.invoke(server)).directHandlers(handlers.build());
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.WARNING, "Refusals before routing keep Helidon's empty bodies: " + e);
        }
    }

    private static DirectHandler.TransportResponse refuse(
            DirectHandler.TransportRequest request,
            EventType type,
            Status status,
            ServerResponseHeaders headers,
            String message) {
        String said = message == null || message.isBlank() ? reason(status.code()) : message;
        DirectHandler.TransportResponse.Builder response = DirectHandler.TransportResponse.builder()
                .status(status)
                .headers(headers)
                .header(HeaderNames.CONTENT_TYPE, "text/plain;charset=UTF-8")
                .header(HeaderNames.CACHE_CONTROL, "no-store");
        SecurityHeadersFilter.HEADERS.forEach((name, value) -> response.header(HeaderNames.create(name), value));
        // Helidon's messages may quote what the client sent: escaped as Helidon does, and kept to one line.
        return response.entity(HtmlEncoder.encode(said.replaceAll("[\\r\\n]+", " ")))
                .build();
    }

    /** The one-line reason for a refusal Helidon gives without a message of its own. */
    static String reason(int status) {
        if (status == Status.REQUEST_ENTITY_TOO_LARGE_413.code()) {
            long limit = ConfigProvider.getConfig()
                    .getOptionalValue("server.max-payload-size", Long.class)
                    .orElse(-1L);
            return limit > 0 ? "Request body too large (limit " + limit + " bytes)." : "Request body too large.";
        }
        return Status.create(status).reasonPhrase() + ".";
    }
}
