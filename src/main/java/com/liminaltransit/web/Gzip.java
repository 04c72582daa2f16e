package com.liminaltransit.web;

import io.helidon.http.HeaderNames;
import io.helidon.http.Headers;
import io.helidon.http.WritableHeaders;
import io.helidon.http.encoding.ContentDecoder;
import io.helidon.http.encoding.ContentEncoder;
import io.helidon.http.encoding.ContentEncodingContext;
import io.helidon.http.encoding.ContentEncodingContextConfig;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.zip.GZIPOutputStream;

/**
 * gzip for every answer of the public port whose client accepts it: pages, htmx fragments, our static files and
 * the WebJars alike, since it sits in Helidon's server under every route. (Helidon's own gzip module is not served
 * by our Maven mirror; its SPI is, and gzip itself is the JDK's.) An event stream is never compressed: a
 * compressor holds back what it has not yet filled a block with, and each event must leave at once. Decoding of
 * request bodies stays as Helidon had it.
 */
final class Gzip implements ContentEncodingContext {

    private static final String GZIP = "gzip";
    private final ContentEncodingContext helidons;

    /**
     * gzip for one answer. Helidon gives it the headers first, then the body's stream. An answer that turns out to
     * have no body (a redirect) is sent without compression, rather than as twenty bytes of empty gzip: the
     * compressor starts on the first byte written, and a stream closed before any takes its header back (the
     * headers are still unsent then).
     */
    private static final class Encoder implements ContentEncoder {

        private WritableHeaders<?> headers;

        @Override
        public void headers(WritableHeaders<?> headers) {
            this.headers = headers;
            headers.set(HeaderNames.CONTENT_ENCODING, GZIP);
            headers.remove(HeaderNames.CONTENT_LENGTH);
            headers.add(HeaderNames.VARY, "Accept-Encoding");
            // the gzipped bytes are another representation: a strong validator of the plain ones would lie
            headers.first(HeaderNames.ETAG)
                    .filter(etag -> etag.startsWith("\""))
                    .ifPresent(etag -> headers.set(HeaderNames.ETAG, "W/" + etag));
        }

        @Override
        public OutputStream apply(OutputStream body) {
            return new FilterOutputStream(body) {
                private GZIPOutputStream gzip;

                @Override
                public void write(int b) throws IOException {
                    started().write(b);
                }

                @Override
                public void write(byte[] bytes, int offset, int length) throws IOException {
                    if (length > 0) {
                        started().write(bytes, offset, length);
                    }
                }

                @Override
                public void flush() throws IOException {
                    if (gzip != null) {
                        gzip.flush();
                    }
                }

                @Override
                public void close() throws IOException {
                    if (gzip != null) {
                        gzip.close();
                    } else {
                        if (headers != null) {
                            headers.remove(HeaderNames.CONTENT_ENCODING);
                        }
                        out.close();
                    }
                }

                private OutputStream started() throws IOException {
                    if (gzip == null) {
                        // syncFlush: whatever the writer flushes reaches the client, not only what fills a block
                        gzip = new GZIPOutputStream(out, 8192, true);
                    }
                    return gzip;
                }
            };
        }
    }

    /** Adds gzip to {@code helidons}, the server's context so far (which keeps decoding). */
    Gzip(ContentEncodingContext helidons) {
        this.helidons = helidons;
    }

    @Override
    public ContentEncoder encoder(Headers request) {
        if (acceptsGzip(request.first(HeaderNames.ACCEPT_ENCODING).orElse(null))
                && !request.first(HeaderNames.ACCEPT)
                        .orElse("")
                        .toLowerCase(Locale.ROOT)
                        .contains("text/event-stream")) {
            return new Encoder();
        }
        return ContentEncoder.NO_OP;
    }

    /**
     * Whether an {@code Accept-Encoding} value allows gzip: {@code gzip} (or {@code x-gzip}, or {@code *} when gzip
     * is not named) with a quality above zero.
     */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        Boolean named = null;
        boolean wildcard = false;
        for (String entry : acceptEncoding.split(",")) {
            String[] parts = entry.split(";");
            String coding = parts[0].strip().toLowerCase(Locale.ROOT);
            boolean allowed = quality(parts) > 0;
            if (coding.equals(GZIP) || coding.equals("x-gzip")) {
                named = allowed;
            } else if (coding.equals("*")) {
                wildcard = allowed;
            }
        }
        return named != null ? named : wildcard;
    }

    private static double quality(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip().toLowerCase(Locale.ROOT);
            if (parameter.startsWith("q=")) {
                try {
                    return Double.parseDouble(parameter.substring(2).strip());
                } catch (NumberFormatException malformed) {
                    return 0;
                }
            }
        }
        return 1;
    }

    @Override
    public boolean contentEncodingEnabled() {
        return true;
    }

    @Override
    public boolean contentEncodingSupported(String encodingId) {
        return GZIP.equalsIgnoreCase(encodingId) || helidons.contentEncodingSupported(encodingId);
    }

    @Override
    public ContentEncoder encoder(String encodingId) throws NoSuchElementException {
        return GZIP.equalsIgnoreCase(encodingId) ? new Encoder() : helidons.encoder(encodingId);
    }

    @Override
    public boolean contentDecodingEnabled() {
        return helidons.contentDecodingEnabled();
    }

    @Override
    public boolean contentDecodingSupported(String encodingId) {
        return helidons.contentDecodingSupported(encodingId);
    }

    @Override
    public ContentDecoder decoder(String encodingId) throws NoSuchElementException {
        return helidons.decoder(encodingId);
    }

    @Override
    public ContentEncodingContextConfig prototype() {
        return helidons.prototype();
    }
}
