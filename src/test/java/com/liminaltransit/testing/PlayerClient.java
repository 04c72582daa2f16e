package com.liminaltransit.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * A player's browser, as far as HTTP goes: its own cookie jar, no redirect following (tests look at the 303s),
 * and answers parsed as HTML. Each instance is one player.
 */
public final class PlayerClient {

    private final URI base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    private final Map<String, String> everyRequest;

    /** A new player talking to the server at {@code base}, e.g. {@code http://127.0.0.1:8080}. */
    public PlayerClient(URI base) {
        this(base, Map.of());
    }

    /**
     * A new player whose every request carries {@code headers}, as if a proxy in front added them (CloudFront's
     * {@code X-Liminal-Proxy-Secret}).
     */
    public PlayerClient(URI base, Map<String, String> headers) {
        this.base = base;
        this.everyRequest = Map.copyOf(headers);
        this.http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** GET a path. */
    public Answer get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    /** GET a path as htmx would. */
    public Answer getHx(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header("HX-Request", "true")
                .GET());
    }

    /** POST a form like a browser with JavaScript off. */
    public Answer post(String path, Map<String, String> form) {
        return send(formRequest(path, form));
    }

    /** POST a form as htmx does. */
    public Answer postHx(String path, Map<String, String> form) {
        return send(formRequest(path, form).header("HX-Request", "true"));
    }

    /** Sends any request built against this player's server, with this player's cookies. */
    public Answer send(HttpRequest.Builder request) {
        everyRequest.forEach(request::setHeader);
        try {
            HttpResponse<String> response =
                    http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends a request whose answer is read line by line as it arrives (an event stream), handing each line on.
     *
     * @return the status
     */
    public int lines(HttpRequest.Builder request, java.util.function.Consumer<String> line) {
        everyRequest.forEach(request::setHeader);
        try {
            HttpResponse<java.util.stream.Stream<String>> response =
                    http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofLines());
            try (var lines = response.body()) {
                lines.forEach(line);
            }
            return response.statusCode();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The URI of a path on this player's server. */
    public URI uri(String path) {
        return base.resolve(path);
    }

    /** The value of one of this player's cookies. */
    public Optional<String> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue)
                .findFirst();
    }

    /** Puts a cookie in this player's jar, as if their browser already held it. */
    public void setCookie(String name, String value) {
        HttpCookie cookie = new HttpCookie(name, value);
        cookie.setPath("/");
        cookie.setVersion(0);
        cookies.getCookieStore().add(base, cookie);
    }

    private HttpRequest.Builder formRequest(String path, Map<String, String> form) {
        return HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form)));
    }

    /** URL-encodes a form, keeping its field order. */
    public static String encode(Map<String, String> form) {
        return new LinkedHashMap<>(form)
                .entrySet().stream()
                        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&"));
    }

    /** One HTTP answer. */
    public record Answer(HttpResponse<String> response) {

        /** The status code. */
        public int status() {
            return response.statusCode();
        }

        /** The body as text. */
        public String body() {
            return response.body();
        }

        /** A header's first value, or empty. */
        public Optional<String> header(String name) {
            return response.headers().firstValue(name);
        }

        /** All values of a header. */
        public List<String> headers(String name) {
            return response.headers().allValues(name);
        }

        /** The body parsed as HTML (a page or a fragment). */
        public Document html() {
            return Jsoup.parse(response.body());
        }
    }
}
