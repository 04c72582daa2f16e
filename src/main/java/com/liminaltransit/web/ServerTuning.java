package com.liminaltransit.web;

import io.helidon.common.config.GlobalConfig;
import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;
import io.helidon.http.encoding.ContentEncodingContext;
import io.helidon.microprofile.server.ServerCdiExtension;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.DirectHandlers;
import io.helidon.webserver.http1.Http1Config;
import io.helidon.webserver.spi.ProtocolConfig;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What Helidon MP 4.3 offers no configuration key or public hook for, set on its web server before it starts:
 * <ul>
 *   <li>the answers Helidon writes itself before routing (a header too large, a request line too long, a body
 *       over {@code server.max-payload-size}, ambiguous framing) carry our security headers, {@code nosniff}
 *       among them, and never reflect an internal error's message;</li>
 *   <li>{@link Http1Guard} closes a connection whose headers stall and refuses ambiguous message framing;</li>
 *   <li>a connection with no request in flight closes after {@code liminal.web.idle-timeout} (Helidon's own keys
 *       for it take ISO-8601 durations, which our one duration syntax does not);</li>
 *   <li>answers are gzipped for clients that accept it ({@link Gzip}).</li>
 * </ul>
 * Helidon MP keeps its server builder package-private (helidon#7939), so this reaches it by reflection, once, at
 * start. Should a Helidon upgrade remove that method, the server still starts and this logs why it could not
 * tune it; {@code ProtocolEdgesIT} fails, which is where such an upgrade is noticed.
 */
@ApplicationScoped
class ServerTuning {

    private static final Logger LOG = Logger.getLogger(ServerTuning.class.getName());
    /** Helidon's name (and config key) for HTTP/1.1. */
    private static final String HTTP_1_1 = "http_1_1";

    private Http1Guard guard;

    void tune(
            @Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) @Initialized(ApplicationScoped.class)
                    Object started,
            ServerCdiExtension server,
            @ConfigProperty(name = "liminal.web.headers-timeout", defaultValue = "10s") Duration headersTimeout,
            @ConfigProperty(name = "liminal.web.idle-timeout", defaultValue = "75s") Duration idleTimeout) {
        WebServerConfig.Builder builder;
        try {
            Method serverBuilder = ServerCdiExtension.class.getDeclaredMethod("serverBuilder");
            serverBuilder.setAccessible(true);
            builder = (WebServerConfig.Builder) serverBuilder.invoke(server);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(
                    Level.SEVERE,
                    "Could not reach Helidon's server builder: pre-routing answers lack nosniff, stalled headers "
                            + "are not timed out, framing is not checked, the idle timeout is Helidon's default "
                            + "and nothing is compressed",
                    e);
            return;
        }
        DirectHandlers.Builder handlers = DirectHandlers.builder();
        for (DirectHandler.EventType type : DirectHandler.EventType.values()) {
            handlers.addHandler(type, ServerTuning::secured);
        }
        builder.directHandlers(handlers.build());
        builder.contentEncoding(new Gzip(builder.contentEncoding().orElseGet(ContentEncodingContext::create)));
        // Helidon checks for idle connections every period: a fifth of the timeout keeps the overshoot small.
        builder.idleConnectionTimeout(idleTimeout);
        builder.idleConnectionPeriod(Duration.ofMillis(Math.max(1000, idleTimeout.toMillis() / 5)));

        guard = new Http1Guard(headersTimeout);
        // HTTP/1.1 as server.protocols.http_1_1 configures it, plus the guard. Its name is the one Helidon gives the
        // configured protocol, so Helidon adds no second HTTP/1.1 beside it: with two candidates it would wait for
        // a new connection's first bytes before any timeout watches it, and a client that connects and says
        // nothing would hold its connection for ever. Nothing else is discovered: the proxies in front of us speak
        // HTTP/1.1 to us.
        List<ProtocolConfig> protocols = new ArrayList<>();
        for (ProtocolConfig protocol : builder.protocols()) {
            if (!(protocol instanceof Http1Config)) {
                protocols.add(protocol);
            }
        }
        protocols.add(Http1Config.builder()
                .config(GlobalConfig.config().get("server.protocols." + HTTP_1_1))
                .name(HTTP_1_1)
                .addReceiveListener(guard)
                .build());
        builder.protocolsDiscoverServices(false);
        builder.protocols(protocols);
    }

    /** Helidon's own answer, with our security headers and without an internal error's message. */
    private static DirectHandler.TransportResponse secured(
            DirectHandler.TransportRequest request,
            DirectHandler.EventType type,
            Status status,
            ServerResponseHeaders headers,
            String message) {
        SecurityHeadersFilter.HEADERS.forEach((name, value) -> headers.set(HeaderNames.create(name), value));
        headers.set(HeaderNames.CACHE_CONTROL, "no-store");
        String shown = status.code() >= 500 ? "The line is down for a moment. Please try again." : message;
        return DirectHandler.defaultHandler().handle(request, type, status, headers, shown);
    }

    @PreDestroy
    void stop() {
        if (guard != null) {
            guard.close();
        }
    }
}
