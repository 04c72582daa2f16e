package com.liminaltransit.web;

import io.helidon.http.DirectHandler;
import io.helidon.http.RequestException;
import io.helidon.http.Status;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A chunked body is found to be past {@code server.max-payload-size} (or malformed: a chunk size that is not hex)
 * only while it is read, after routing: Helidon then throws from inside the read. Unhandled, that became a
 * {@code 500}, and closing the body first tried to read the rest of what was refused, waiting on the client. Here
 * the body, once refused, is never read again, and the refusal is answered as Helidon answers one before routing
 * ({@link PreRoutingRefusals}): a {@code 413} with its one-line reason, or a {@code 400} for a body that cannot be
 * read, and the connection closes.
 */
@Provider
@PreMatching
@Priority(1)
@ApplicationScoped
public class ChunkedBodyCap implements ContainerRequestFilter, ExceptionMapper<RequestException> {

    @Override
    public void filter(ContainerRequestContext request) {
        // by the headers: asking Jersey whether there is a body reads its first bytes, and that read may fail
        if (request.getHeaderString("Transfer-Encoding") != null || request.getHeaderString("Content-Length") != null) {
            request.setEntityStream(new RefusableBody(request.getEntityStream()));
        }
    }

    @Override
    public Response toResponse(RequestException refused) {
        int status = refused.status().code();
        if (status == Status.REQUEST_ENTITY_TOO_LARGE_413.code()) {
            return PreRoutingRefusals.oversized();
        }
        int shown = status >= 400 && status < 500 ? status : Status.BAD_REQUEST_400.code();
        String message = refused.getMessage();
        return Response.status(shown)
                .type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                .header("Connection", "close")
                .entity(
                        message == null || message.isBlank() || !refused.safeMessage()
                                ? PreRoutingRefusals.reason(shown)
                                : message.strip().replaceAll("[\\r\\n]+", " "))
                .build();
    }

    /** The request body; after Helidon refused it, neither read nor drained on close. */
    private static final class RefusableBody extends FilterInputStream {

        private RequestException refused;

        RefusableBody(InputStream body) {
            super(body);
        }

        @Override
        public int read() throws IOException {
            guard();
            try {
                return super.read();
            } catch (RuntimeException e) {
                throw refuse(e);
            }
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            guard();
            try {
                return super.read(buffer, offset, length);
            } catch (RuntimeException e) {
                throw refuse(e);
            }
        }

        @Override
        public long skip(long n) throws IOException {
            guard();
            try {
                return super.skip(n);
            } catch (RuntimeException e) {
                throw refuse(e);
            }
        }

        @Override
        public void close() throws IOException {
            if (refused == null) {
                super.close();
            }
        }

        private void guard() {
            if (refused != null) {
                throw refused;
            }
        }

        /** Helidon's refusal as it is; anything else it threw while reading (a bad chunk size) is a 400. */
        private RequestException refuse(RuntimeException e) {
            refused = e instanceof RequestException request
                    ? request
                    : RequestException.builder()
                            .type(DirectHandler.EventType.BAD_REQUEST)
                            .status(Status.BAD_REQUEST_400)
                            .message("Malformed request body.")
                            .cause(e)
                            .build();
            return refused;
        }
    }
}
