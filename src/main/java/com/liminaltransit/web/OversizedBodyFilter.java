package com.liminaltransit.web;

import io.helidon.http.RequestException;
import io.helidon.http.Status;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A chunked body is only found to be past {@code server.max-payload-size} while a resource reads it, after
 * routing: Helidon then throws from inside the read, and without this filter the failure became a 500 (and the
 * stream's close tried to drain the rest of the refused body, waiting on the client). This filter turns it into the
 * same {@code 413} and one-line reason as a body refused before routing ({@link PreRoutingRefusals}), and closes
 * the connection instead of reading on.
 */
@Provider
@PreMatching
@Priority(1)
@ApplicationScoped
public class OversizedBodyFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.hasEntity()) {
            request.setEntityStream(new CappedBody(request.getEntityStream()));
        }
    }

    private static WebApplicationException tooLarge() {
        // An entity of its own: JAX-RS sends it as it is, without the error page mappers.
        return new WebApplicationException(Response.status(Status.REQUEST_ENTITY_TOO_LARGE_413.code())
                .type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                .header("Connection", "close")
                .entity(PreRoutingRefusals.reason(Status.REQUEST_ENTITY_TOO_LARGE_413.code()))
                .build());
    }

    /** The request body, turning Helidon's "past the cap" into a 413 answer and never draining a refused body. */
    private static final class CappedBody extends FilterInputStream {

        private boolean refused;

        CappedBody(InputStream body) {
            super(body);
        }

        @Override
        public int read() throws IOException {
            guard();
            try {
                return super.read();
            } catch (RequestException e) {
                throw refusal(e);
            }
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            guard();
            try {
                return super.read(buffer, offset, length);
            } catch (RequestException e) {
                throw refusal(e);
            }
        }

        @Override
        public long skip(long n) throws IOException {
            guard();
            try {
                return super.skip(n);
            } catch (RequestException e) {
                throw refusal(e);
            }
        }

        @Override
        public void close() throws IOException {
            if (!refused) {
                super.close();
            }
        }

        private void guard() {
            if (refused) {
                throw tooLarge();
            }
        }

        private RuntimeException refusal(RequestException e) {
            if (e.status().code() != Status.REQUEST_ENTITY_TOO_LARGE_413.code()) {
                return e;
            }
            refused = true;
            return tooLarge();
        }
    }
}
