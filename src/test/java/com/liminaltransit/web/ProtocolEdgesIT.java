package com.liminaltransit.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.liminaltransit.testing.Management;
import com.liminaltransit.testing.PlayerClient;
import com.liminaltransit.testing.Rides;
import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The server at the level of bytes on a connection: what it refuses before routing, when it closes a connection,
 * which port serves what, and the headers every answer carries whoever writes it.
 */
@HelidonTest
@AddConfig(key = "liminal.web.headers-timeout", value = "1s")
@AddConfig(key = "liminal.web.idle-timeout", value = "2s")
@AddConfig(
        key = "liminal.db.url",
        value = "jdbc:h2:mem:protocol-edges;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE")
class ProtocolEdgesIT {

    @Inject
    private WebTarget target;

    private int port;

    @BeforeEach
    void port() {
        port = target.getUri().getPort();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Content-Length: 0\r\nContent-Length: 43",
                "Content-Length: 0, 43",
                "Content-Length: -1",
                "Content-Length: +43",
                "Transfer-Encoding: chunked\r\nContent-Length: 43",
                "Transfer-Encoding: gzip, chunked",
                "Transfer-Encoding: Chunked",
                "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked",
                "Transfer-Encoding: identity"
            })
    void ambiguousFramingIsRefusedAndTheConnectionClosed(String framing) {
        // given a body that a proxy and we could split differently, hiding a second request
        String smuggled = "GET /health/live HTTP/1.1\r\nHost: localhost\r\n\r\n";
        try (RawHttp http = new RawHttp(port, Duration.ofSeconds(10))) {
            // when
            http.send(("POST /stories HTTP/1.1\r\nHost: localhost\r\n" + framing + "\r\n\r\n0\r\n\r\n" + smuggled)
                    .getBytes(StandardCharsets.ISO_8859_1));
            RawHttp.Answer answer = http.read();

            // then
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.header("Connection")).hasValue("close");
            assertThat(answer.header("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(http.closedBy(Duration.ofSeconds(5)))
                    .as("nothing more is read")
                    .isTrue();
        }
    }

    @Test
    void aConnectionWhoseHeadersStallIsClosedWithinTheTimeout() {
        try (RawHttp http = new RawHttp(port, Duration.ofSeconds(10))) {
            // given a request line and part of the headers, then silence
            http.send("GET / HTTP/1.1\r\nHost: localhost\r\nX-Slow: 1\r\n".getBytes(StandardCharsets.ISO_8859_1));
            long started = System.nanoTime();

            // when we wait, then the server closes well before our own 10 s
            assertThat(http.closedBy(Duration.ofSeconds(10))).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void aConnectionThatSendsNothingOrStallsInItsRequestLineIsClosedAtTheIdleTimeout() {
        try (RawHttp silent = new RawHttp(port, Duration.ofSeconds(20));
                RawHttp halfALine = new RawHttp(port, Duration.ofSeconds(20))) {
            // given one connection that says nothing and one that stops inside its request line
            halfALine.send("GET /stories/".getBytes(StandardCharsets.ISO_8859_1));
            long started = System.nanoTime();

            // when we wait, then both are closed soon after the 2 s idle timeout (checked every second)
            assertThat(silent.closedBy(Duration.ofSeconds(20))).isTrue();
            assertThat(halfALine.closedBy(Duration.ofSeconds(20))).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        }
    }

    @Test
    void theConfiguredHttpLimitsStillHold() {
        // server.protocols.http_1_1.max-prologue-length is 4096 (Helidon's default is 2048)
        assertThat(RawHttp.exchange(port, "GET /" + "x".repeat(3_000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n")
                        .status())
                .isEqualTo(404);
        assertThat(RawHttp.exchange(port, "GET /" + "x".repeat(5_000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n")
                        .status())
                .isEqualTo(414);
    }

    @Test
    void nothingIsServedAfterARequestThatSaidConnectionClose() {
        try (RawHttp http = new RawHttp(port, Duration.ofSeconds(10))) {
            // given two requests on one connection, the first asking to close it
            http.send(("GET /health/live HTTP/1.1\r\nHost: localhost\r\nConnection: Close\r\n\r\n"
                            + "POST /stories HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));

            // when
            RawHttp.Answer first = http.read();

            // then the first is answered and the second never is
            assertThat(first.status()).isEqualTo(200);
            assertThat(http.closedBy(Duration.ofSeconds(5))).isTrue();
        }
    }

    @Test
    void everyAnswerSaysNosniffWhoeverWritesIt() {
        // given answers written by JAX-RS, static content, WebJars, Helidon's 404, our public health, and Helidon
        // itself before routing (a header too large, a request line too long)
        List<String> requests = List.of(
                "GET / HTTP/1.1\r\nHost: localhost\r\n\r\n",
                "GET /static/css/transit.css HTTP/1.1\r\nHost: localhost\r\n\r\n",
                "GET /static/js/ride.js HTTP/1.1\r\nHost: localhost\r\n\r\n",
                "GET /webjars/htmx.org/2.0.8/dist/htmx.min.js HTTP/1.1\r\nHost: localhost\r\n\r\n",
                "GET /static/missing.css HTTP/1.1\r\nHost: localhost\r\n\r\n",
                "GET /nowhere HTTP/1.1\r\nHost: localhost\r\n\r\n",
                "GET /health/ready HTTP/1.1\r\nHost: localhost\r\n\r\n",
                "GET /stories/x HTTP/1.1\r\nHost: localhost\r\nX-Padding: " + "p".repeat(20_000) + "\r\n\r\n",
                "GET /" + "x".repeat(5_000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n",
                "GET / HTTP/1.1\r\n\r\n");

        // when each is sent, then
        SoftAssertions softly = new SoftAssertions();
        for (String request : requests) {
            RawHttp.Answer answer = RawHttp.exchange(port, request);
            String name = request.substring(0, Math.min(60, request.indexOf('\r')));
            softly.assertThat(answer.status()).as(name).isLessThan(500);
            softly.assertThat(answer.header("X-Content-Type-Options")).as(name).hasValue("nosniff");
        }
        softly.assertAll();
    }

    @Test
    void managementLivesOnItsOwnSocketAndThePublicPortShowsStatusOnly() {
        // given a ride, so the ride metrics exist
        PlayerClient player = new PlayerClient(target.getUri());
        PlayerClient management = Management.client();
        Rides.board(player);

        // when, then the public port has liveness and readiness, status only, and nothing else of management
        assertThat(player.get("/health/live").body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(player.get("/health/ready").body()).isEqualTo("{\"status\":\"UP\"}");
        for (String path : List.of("/metrics", "/health", "/health/started", "/health/live/database", "/openapi")) {
            assertThat(player.get(path).status()).as(path).isEqualTo(404);
        }
        // and the management socket has them all, with details
        assertThat(management.get("/metrics").body()).contains("rides_started_total");
        assertThat(management.get("/health/ready").body()).contains("\"database\"");
        assertThat(management.get("/health/live").body()).contains("\"checks\"");
        assertThat(management.get("/openapi").status()).isEqualTo(200);
        assertThat(management.uri("/").getPort()).isNotEqualTo(port);
    }

    @Test
    void aForgedHostNeverReachesARedirect() {
        // given a request whose Host names someone else's site
        RawHttp.Answer boarded =
                RawHttp.exchange(port, "POST /stories HTTP/1.1\r\nHost: evil.example\r\nContent-Length: 0\r\n\r\n");

        // then the redirect names a path on this site
        assertThat(boarded.status()).isEqualTo(303);
        assertThat(boarded.header("Location"))
                .hasValueSatisfying(l -> assertThat(l).startsWith("/stories/").doesNotContain("evil"));
    }
}
