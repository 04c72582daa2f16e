package com.liminaltransit.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.liminaltransit.testing.PlayerClient;
import com.liminaltransit.testing.Rides;
import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pages, htmx fragments, our static files and the htmx WebJar are gzipped for a client that accepts it, and sent
 * as they are to one that does not. The client here is the JDK's, which never decompresses on its own, so the
 * bytes on the wire are what is checked.
 */
@HelidonTest
@AddConfig(
        key = "liminal.db.url",
        value = "jdbc:h2:mem:compression;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE")
class CompressionIT {

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Inject
    private WebTarget target;

    private PlayerClient player;
    private String ride;

    @BeforeEach
    void aRide() {
        player = new PlayerClient(URI.create(target.getUri().toString()));
        ride = "/stories/" + Rides.board(player);
    }

    @Test
    void everyKindOfAnswerIsGzippedForAClientThatAcceptsIt() {
        List<String> paths = List.of(
                "/", ride, "/static/css/transit.css", "/static/js/ride.js", htmxPath(), "/nowhere", "/health/live");
        for (String path : paths) {
            // given the same address asked with and without gzip
            HttpResponse<byte[]> gzipped = get(path, Map.of("Accept-Encoding", "gzip, deflate, br"));
            HttpResponse<byte[]> plain = get(path, Map.of());

            // then the first is gzip of exactly the second, and says it varies with the encoding asked
            assertThat(gzipped.headers().firstValue("Content-Encoding"))
                    .as(path)
                    .hasValue("gzip");
            assertThat(gzipped.headers().allValues("Vary"))
                    .as(path)
                    .anySatisfy(vary -> assertThat(vary).containsIgnoringCase("Accept-Encoding"));
            assertThat(gunzip(gzipped.body())).as(path).isEqualTo(text(plain));
            assertThat(plain.headers().firstValue("Content-Encoding")).as(path).isEmpty();
            assertThat(gzipped.statusCode()).as(path).isEqualTo(plain.statusCode());
        }
    }

    @Test
    void aGzippedFileHasAWeakValidatorThatStillRevalidates() {
        HttpResponse<byte[]> gzipped = get("/static/css/transit.css", Map.of("Accept-Encoding", "gzip"));
        String etag = gzipped.headers().firstValue("ETag").orElseThrow();

        HttpResponse<byte[]> again =
                get("/static/css/transit.css", Map.of("Accept-Encoding", "gzip", "If-None-Match", etag));

        assertThat(etag).startsWith("W/\"");
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
    }

    @Test
    void anHtmxFragmentIsGzippedToo() {
        var page = Jsoup.parse(player.get(ride).body());
        String choice = page.select("form.choices button[name=choice]").first().val();
        String form = "step=0&choice=" + choice;

        HttpResponse<byte[]> fragment = send(HttpRequest.newBuilder(player.uri(ride + "/choices"))
                .header("Accept-Encoding", "gzip")
                .header("HX-Request", "true")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "lt_player=" + player.cookie("lt_player").orElseThrow())
                .POST(HttpRequest.BodyPublishers.ofString(form)));

        assertThat(fragment.statusCode()).isEqualTo(200);
        assertThat(fragment.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gunzip(fragment.body())).doesNotContain("<html").contains("class=\"stop");
    }

    @Test
    void aClientThatRefusesGzipGetsItPlainAndRedirectsHaveNoBodyToCompress() {
        HttpResponse<byte[]> refused = get("/", Map.of("Accept-Encoding", "gzip;q=0, identity"));
        HttpResponse<byte[]> boarded = send(HttpRequest.newBuilder(player.uri("/stories"))
                .header("Accept-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(refused.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(text(refused)).contains("<html");
        assertThat(boarded.statusCode()).isEqualTo(303);
        assertThat(boarded.body()).isEmpty();
        assertThat(boarded.headers().firstValue("Content-Encoding")).isEmpty();
    }

    @Test
    void anEventStreamIsNeverCompressed() {
        // an EventSource asks with Accept: text/event-stream; whatever answers, it is not held in a compressor
        HttpResponse<byte[]> stream = get(ride, Map.of("Accept-Encoding", "gzip", "Accept", "text/event-stream"));

        assertThat(stream.headers().firstValue("Content-Encoding")).isEmpty();
    }

    private String htmxPath() {
        return Jsoup.parse(player.get(ride).body()).select("script[src*=htmx]").attr("src");
    }

    private HttpResponse<byte[]> get(String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(player.uri(path));
        headers.forEach(request::header);
        return send(request);
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private static String gunzip(byte[] body) {
        try (var in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("not gzip", e);
        }
    }
}
