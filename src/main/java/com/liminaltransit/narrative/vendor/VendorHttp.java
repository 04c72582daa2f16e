package com.liminaltransit.narrative.vendor;

import com.liminaltransit.narrative.NarrativeException;
import com.liminaltransit.narrative.ProviderTimeoutException;
import com.liminaltransit.narrative.ProviderUnavailableException;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * One vendor's JSON-over-HTTP client (the JDK's {@link HttpClient}): POSTs a wire record and binds the answer
 * ({@link WireJson}), mapping every way it can go wrong onto our exception hierarchy. The timeout covers the whole
 * exchange, body included, so a server that drips its answer byte by byte is cut off like one that never answers;
 * {@code HttpClient}'s own request timeout stops at the headers.
 */
public final class VendorHttp implements AutoCloseable {

    /** Room per asked token for the envelope, JSON escapes and four-byte characters: generous, but bounded. */
    static final int BYTES_PER_TOKEN = 64;
    /** The least a body may be, whatever the token limit (error pages, small limits). */
    static final int MIN_BODY_BYTES = 64 * 1024;

    private final String vendor;
    private final Duration timeout;
    private final long maxBodyBytes;
    private final HttpClient client;

    /**
     * @param vendor    provider name, for messages
     * @param timeout   for each whole exchange
     * @param maxTokens the most tokens a call asks for: a body longer than they could fill is refused as it arrives
     */
    public VendorHttp(String vendor, Duration timeout, int maxTokens) {
        this.vendor = vendor;
        this.timeout = timeout;
        this.maxBodyBytes = Math.max(MIN_BODY_BYTES, (long) maxTokens * BYTES_PER_TOKEN);
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** {@code baseUrl} (with or without a trailing slash) followed by {@code path}. */
    public static URI endpoint(String baseUrl, String path) {
        return URI.create(baseUrl.replaceAll("/+$", "") + path);
    }

    /**
     * Sends {@code request} and binds the answer.
     *
     * @param uri     the endpoint
     * @param headers extra headers (keys, versions); never logged
     * @param request the request envelope
     * @param answer  the answer envelope's type
     * @throws NarrativeException (a subclass) for every failure
     */
    public <T> T post(URI uri, Map<String, String> headers, Object request, Class<T> answer) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(WireJson.write(request), StandardCharsets.UTF_8));
        headers.forEach(builder::header);
        HttpResponse<String> response = exchange(builder.build());
        int status = response.statusCode();
        if (status < 200 || status > 299) {
            throw ProviderFailures.forStatus(vendor, status, retryAfter(response), ErrorBody.detail(response.body()));
        }
        return WireJson.read(vendor, response.body(), answer);
    }

    /**
     * Sends {@code request} and reads the answer line by line as it arrives (server-sent events, JSON lines): each line
     * goes to {@code line} on this thread. The request timeout covers the wait for the headers; after them the caller's
     * stall watch cuts a silent stream by interrupting this thread. An exception out of {@code line} closes the
     * stream and propagates unchanged. The body is capped as in {@link #post}.
     *
     * @throws NarrativeException (a subclass) for every failure of the exchange itself
     */
    public void postStreaming(URI uri, Map<String, String> headers, Object request, Consumer<String> line) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(WireJson.write(request), StandardCharsets.UTF_8));
        headers.forEach(builder::header);
        HttpResponse<InputStream> response;
        try {
            response = client.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NarrativeException(vendor + " call interrupted", e);
        } catch (IOException e) {
            throw failure(e);
        }
        try (InputStream body = response.body()) {
            int status = response.statusCode();
            if (status < 200 || status > 299) {
                String detail = new String(body.readNBytes(MIN_BODY_BYTES), StandardCharsets.UTF_8);
                throw ProviderFailures.forStatus(vendor, status, retryAfter(response), ErrorBody.detail(detail));
            }
            readLines(new CappedStream(body, maxBodyBytes), line);
        } catch (IOException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new NarrativeException(vendor + " stream interrupted", e);
            }
            throw failure(e);
        }
    }

    /**
     * Hands on each line as soon as its line break arrives. Not a {@code BufferedReader}: its decoder reads ahead
     * while the stream says more bytes are coming, which would hold a finished line back until the next one.
     */
    private static void readLines(InputStream in, Consumer<String> line) throws IOException {
        var pending = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            int start = 0;
            for (int i = 0; i < n; i++) {
                if (buffer[i] == '\n') {
                    pending.write(buffer, start, i - start);
                    line.accept(withoutCr(pending.toString(StandardCharsets.UTF_8)));
                    pending.reset();
                    start = i + 1;
                }
            }
            pending.write(buffer, start, n - start);
        }
        if (pending.size() > 0) {
            line.accept(withoutCr(pending.toString(StandardCharsets.UTF_8)));
        }
    }

    private static String withoutCr(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    /** Stops at once: a player's call still running at shutdown is cut off, not waited for. */
    @Override
    public void close() {
        client.shutdownNow();
    }

    private HttpResponse<String> exchange(HttpRequest request) {
        CompletableFuture<HttpResponse<String>> pending =
                client.sendAsync(request, info -> new CappedBody(maxBodyBytes));
        try {
            return pending.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw new ProviderTimeoutException(vendor + " did not answer within " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new NarrativeException(vendor + " call interrupted", e);
        } catch (ExecutionException e) {
            throw failure(e.getCause() == null ? e : e.getCause());
        }
    }

    private NarrativeException failure(Throwable cause) {
        if (cause instanceof BodyTooLarge || cause.getCause() instanceof BodyTooLarge) {
            return new ProviderUnavailableException(vendor + " sent a body over " + maxBodyBytes + " bytes", cause);
        }
        if (cause instanceof HttpTimeoutException) {
            return new ProviderTimeoutException(vendor + " did not answer within " + timeout.toMillis() + " ms", cause);
        }
        if (cause instanceof ConnectException) {
            return new ProviderUnavailableException(vendor + " refused the connection", cause);
        }
        if (cause instanceof IOException) {
            return new ProviderUnavailableException(
                    vendor + " connection failed: " + cause.getClass().getSimpleName()
                            + (cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")"),
                    cause);
        }
        return new ProviderUnavailableException(vendor + " call failed: " + cause, cause);
    }

    private static String retryAfter(HttpResponse<?> response) {
        Optional<String> millis = response.headers().firstValue("retry-after-ms");
        if (millis.isPresent()) {
            try {
                return Double.toString(Double.parseDouble(millis.get()) / 1000.0);
            } catch (NumberFormatException ignored) {
                // fall back to Retry-After
            }
        }
        return response.headers().firstValue("Retry-After").orElse(null);
    }

    /** A body read as it arrives, refused (and the connection dropped) once it passes the cap. */
    private static final class CappedBody implements HttpResponse.BodySubscriber<String> {

        private final CompletableFuture<String> body = new CompletableFuture<>();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final long cap;
        private Flow.Subscription subscription;

        CappedBody(long cap) {
            this.cap = cap;
        }

        @Override
        public CompletionStage<String> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                if (body.isDone()) {
                    return;
                }
                if (bytes.size() + (long) buffer.remaining() > cap) {
                    subscription.cancel();
                    body.completeExceptionally(new BodyTooLarge());
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.write(chunk, 0, chunk.length);
            }
        }

        @Override
        public void onError(Throwable failure) {
            body.completeExceptionally(failure);
        }

        @Override
        public void onComplete() {
            body.complete(bytes.toString(StandardCharsets.UTF_8));
        }
    }

    /** A streamed body, refused once it passes the cap. */
    private static final class CappedStream extends FilterInputStream {
        private final long cap;
        private long read;

        CappedStream(InputStream in, long cap) {
            super(in);
            this.cap = cap;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(0, n));
            return n;
        }

        private void count(int n) throws IOException {
            read += n;
            if (read > cap) {
                throw new BodyTooLarge();
            }
        }
    }

    /** The vendor's body passed the cap. */
    private static final class BodyTooLarge extends IOException {
        BodyTooLarge() {
            super("body over the cap");
        }
    }
}
