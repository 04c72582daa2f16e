package com.liminaltransit.narrative.vendor;

import com.liminaltransit.narrative.NarrativeException;
import com.liminaltransit.narrative.ProviderTimeoutException;
import com.liminaltransit.narrative.ProviderUnavailableException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One vendor's JSON-over-HTTP client (the JDK's {@link HttpClient}): POSTs a wire record and binds the answer
 * ({@link WireJson}), mapping every way it can go wrong onto our exception hierarchy. The timeout covers the whole
 * exchange, body included, so a server that drips its answer byte by byte is cut off like one that never answers;
 * {@code HttpClient}'s own request timeout stops at the headers.
 */
public final class VendorHttp implements AutoCloseable {

    private final String vendor;
    private final Duration timeout;
    private final HttpClient client;

    /**
     * @param vendor  provider name, for messages
     * @param timeout for each whole exchange
     */
    public VendorHttp(String vendor, Duration timeout) {
        this.vendor = vendor;
        this.timeout = timeout;
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

    /** Stops at once: a player's call still running at shutdown is cut off, not waited for. */
    @Override
    public void close() {
        client.shutdownNow();
    }

    private HttpResponse<String> exchange(HttpRequest request) {
        CompletableFuture<HttpResponse<String>> pending =
                client.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
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
}
