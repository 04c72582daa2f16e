package com.liminaltransit.web;

import io.helidon.http.RequestException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads a request's body before anything else does, so that no body, however it is sent, reaches a resource as a
 * failure. A body we cannot read in UTF-8 (no {@code Content-Type} where a form is expected, any other
 * {@code charset}) is a {@code 415} page; a chunked body over {@code server.max-payload-size} is Helidon's
 * {@code 413}, answered by {@link ChunkedBodyCap} like the one Helidon gives an over-long {@code Content-Length}
 * before routing; a body that breaks off is a {@code 400} page. Those answers close the connection, since the rest
 * of the body is not read. The body read is handed on from memory; forms are small.
 */
@Provider
@Priority(Priorities.AUTHENTICATION - 50)
@ApplicationScoped
public class RequestBodies implements ContainerRequestFilter {

    private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final int cap;

    @Context
    private ResourceInfo resource;

    /** {@code cap}: the largest body read, as Helidon's own limit for bodies with a length. */
    @Inject
    public RequestBodies(
            @ConfigProperty(name = "server.max-payload-size", defaultValue = "65536") long maxPayloadSize) {
        this.cap = (int) Math.min(maxPayloadSize < 0 ? 1 << 20 : maxPayloadSize, 1 << 20);
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!WITH_BODY.contains(request.getMethod())) {
            return;
        }
        boolean body = request.getHeaderString("Transfer-Encoding") != null || declaredLength(request) > 0;
        MediaType type;
        try {
            type = request.getMediaType();
        } catch (RuntimeException malformed) {
            refuse(request, 415);
            return;
        }
        if (type == null ? body || consumesSomething() : !readableCharset(type)) {
            refuse(request, 415);
            return;
        }
        if (body) {
            buffer(request);
        }
    }

    private void buffer(ContainerRequestContext request) {
        byte[] bytes;
        try (InputStream in = request.getEntityStream()) {
            bytes = in.readNBytes(cap + 1);
        } catch (RequestException refused) {
            // Helidon's own refusal (over the cap, malformed chunks): ChunkedBodyCap answers it as Helidon answers
            // one before routing, so a 413 reads the same however the body was framed.
            throw refused;
        } catch (IOException | RuntimeException broken) {
            refuse(request, 400);
            return;
        }
        if (bytes.length > cap) {
            request.abortWith(PreRoutingRefusals.oversized());
            return;
        }
        request.setEntityStream(new ByteArrayInputStream(bytes));
    }

    /** The resource method (or its class) names the media types it reads, so it reads a body. */
    private boolean consumesSomething() {
        Method method = resource == null ? null : resource.getResourceMethod();
        return method != null
                && (method.isAnnotationPresent(Consumes.class)
                        || method.getDeclaringClass().isAnnotationPresent(Consumes.class));
    }

    /** Forms are read in UTF-8; a body that says it is in anything else would be misread or fail to decode. */
    private static boolean readableCharset(MediaType type) {
        String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        return charset == null || charset.equalsIgnoreCase("UTF-8");
    }

    private static long declaredLength(ContainerRequestContext request) {
        String length = request.getHeaderString("Content-Length");
        try {
            return length == null ? 0 : Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static void refuse(ContainerRequestContext request, int status) {
        request.abortWith(ErrorPages.page(
                        status,
                        ErrorPages.sentenceFor(status),
                        ErrorPages.sentenceKeyFor(status),
                        null,
                        Htmx.isHtmx(request))
                .header("Connection", "close")
                .build());
    }
}
