package com.liminaltransit.narrative.vendor;

import static com.liminaltransit.narrative.Jsonp.JSON;

import com.liminaltransit.narrative.NarrativeException;
import com.liminaltransit.narrative.ProviderTimeoutException;
import com.liminaltransit.narrative.ProviderUnavailableException;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
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
 * POSTs a JSON body to a vendor's HTTP API with the JDK's {@link HttpClient} and reads the JSON answer with JSON-P,
 * mapping every way it can go wrong onto our exception hierarchy. The timeout covers the whole exchange, body
 * included, so a server that drips its answer byte by byte is cut off like one that never answers.
 */
public final class VendorHttp {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private VendorHttp() {}

    /**
     * Sends {@code body} and returns the answer's JSON object.
     *
     * @param vendor  provider name, for messages
     * @param uri     the endpoint
     * @param headers extra headers (keys, versions); never logged
     * @param body    the request
     * @param timeout for the whole exchange
     * @throws NarrativeException (a subclass) for every failure
     */
    public static JsonObject post(
            String vendor, URI uri, Map<String, String> headers, JsonObject body, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        headers.forEach(request::header);
        HttpResponse<String> response = exchange(vendor, request.build(), timeout);
        int status = response.statusCode();
        if (status < 200 || status > 299) {
            throw ProviderFailures.forStatus(vendor, status, retryAfter(response), errorDetail(response.body()));
        }
        return readObject(vendor, response.body());
    }

    private static HttpResponse<String> exchange(String vendor, HttpRequest request, Duration timeout) {
        CompletableFuture<HttpResponse<String>> pending =
                CLIENT.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
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
            throw failure(vendor, e.getCause() == null ? e : e.getCause(), timeout);
        }
    }

    private static NarrativeException failure(String vendor, Throwable cause, Duration timeout) {
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

    /** The vendor's error type and message, when the error body is JSON ({@code {"error": {…}}}). */
    private static String errorDetail(String body) {
        try (JsonReader reader = JSON.createReader(new StringReader(body))) {
            JsonObject object = reader.readObject();
            JsonValue error = object.get("error");
            if (error instanceof JsonObject details) {
                return String.join(
                                " ",
                                details.getString("type", ""),
                                details.getString("code", ""),
                                details.getString("message", ""))
                        .strip();
            }
            return object.getString("message", object.getString("type", null));
        } catch (JsonException | IllegalStateException | ClassCastException e) {
            return null;
        }
    }

    /** The answer's JSON object; a garbled body counts as the vendor being unwell. */
    public static JsonObject readObject(String vendor, String body) {
        try (JsonReader reader = JSON.createReader(new StringReader(body))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new ProviderUnavailableException(vendor + " sent a body that is not a JSON object");
        }
    }
}
