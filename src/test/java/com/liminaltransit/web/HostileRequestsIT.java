package com.liminaltransit.web;

import com.liminaltransit.testing.PlayerClient;
import com.liminaltransit.testing.Rides;
import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every request shape found to give a 500 from outside, walked in one go: each gets a 4xx page in the site's style
 * (or, when Helidon refuses it before routing, a one-line text answer), {@code nosniff}, never a 5xx, and nothing
 * the request carried reaches the log as a raw line break.
 */
@HelidonTest
@AddConfig(
        key = "liminal.db.url",
        value = "jdbc:h2:mem:hostile-requests;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE")
class HostileRequestsIT {

    /** What an attacker writes after a line break, hoping it becomes a log line of its own. */
    private static final String FORGED = "FORGED-LOG-LINE";

    @Inject
    private WebTarget target;

    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    private int port;
    private String cookie;
    private String ride;

    @BeforeEach
    void aPlayerWithARide() {
        port = target.getUri().getPort();
        PlayerClient player = new PlayerClient(URI.create(target.getUri().toString()));
        ride = Rides.board(player);
        cookie = "lt_player=" + player.cookie("lt_player").orElseThrow();
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        Logger.getLogger("").removeHandler(capture);
    }

    @Test
    void everyHostileRequestGetsAFourHundredPageAndNothingRawIsLogged() {
        // given the shapes of request that answered 500 before
        String choices = "/stories/" + ride + "/choices";
        List<Case> cases = new ArrayList<>();
        String form = "step=0&choice=a";
        cases.add(post("form without Content-Type", choices, null, form, 415));
        cases.add(post("form without Content-Type or body", choices, null, "", 415));
        cases.add(post("form in UTF-7", choices, "application/x-www-form-urlencoded; charset=UTF-7", form, 415));
        cases.add(post(
                "form in a quoted UTF-7", choices, "application/x-www-form-urlencoded; charset=\"utf-7\"", form, 415));
        cases.add(post(
                "form in no charset at all", choices, "application/x-www-form-urlencoded; charset=bogus", form, 415));
        cases.add(post("Content-Type that does not parse", choices, ";;;===", form, 400));
        cases.add(
                post("boarding in UTF-7", "/stories", "application/x-www-form-urlencoded; charset=UTF-7", "a=1", 415));
        cases.add(post(
                "sign-in in UTF-7",
                "/admin/login",
                "application/x-www-form-urlencoded; charset=UTF-7",
                "username=ada&password=x&csrf=x",
                415));
        cases.add(post("sign-in without Content-Type", "/admin/login", null, "username=ada&password=x", 415));
        cases.add(post("matrix parameter on a choice", choices + ";x=1", FORM, form, 404));
        cases.add(post("matrix parameter on boarding", "/stories;x=1", FORM, "", 404));
        cases.add(post("matrix parameter with a line break", choices + ";x=%0d%0a" + FORGED, FORM, form, 404));
        cases.add(post(
                "matrix parameter inside the path",
                "/stories/" + ride + ";x=%0a" + FORGED + "/choices",
                FORM,
                form,
                404));
        cases.add(post("line break in the ride id", "/stories/%0d%0a" + FORGED + "/choices", FORM, form, 404));
        cases.add(chunked("chunked choice over the cap", choices));
        cases.add(chunked("chunked boarding over the cap", "/stories"));
        cases.add(chunked("chunked sign-in over the cap", "/admin/login"));
        for (String path : List.of(
                "///x",
                "//metrics",
                "/./metrics",
                "/%6detrics",
                "/metrics;x=1",
                "/a/../metrics",
                "/%2e%2e/metrics",
                "/static/..%2fmetrics",
                "/static/css/transit.css;x",
                "/%2Fmetrics",
                "/health;x/live")) {
            cases.add(new Case("path " + path, "GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n", Set.of(404)));
        }
        // Helidon refuses these itself, before routing, with a one-line 400 that quotes nothing
        for (String path : List.of("///", "/stories/%zz")) {
            cases.add(new Case("path " + path, "GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n", Set.of(400)));
        }
        cases.add(new Case(
                "Accept that does not parse",
                "GET / HTTP/1.1\r\nHost: localhost\r\nAccept: ;;;===\r\n\r\n",
                Set.of(400)));

        // when each is sent, then
        SoftAssertions softly = new SoftAssertions();
        for (Case c : cases) {
            RawHttp.Answer answer = RawHttp.exchange(port, c.request());
            softly.assertThat(answer.status()).as(c.name()).isIn(c.statuses());
            softly.assertThat(answer.header("X-Content-Type-Options"))
                    .as(c.name())
                    .hasValue("nosniff");
            softly.assertThat(answer.body())
                    .as(c.name())
                    .doesNotContain("Exception", "at io.", "at com.", "java.", "out of bounds", FORGED);
            boolean refusedBeforeRouting =
                    answer.header("Content-Type").orElse("").startsWith("text/plain");
            if (refusedBeforeRouting) {
                softly.assertThat(answer.body().lines().count())
                        .as(c.name() + ": one line")
                        .isLessThanOrEqualTo(1);
            } else {
                softly.assertThat(answer.html().select(".problem[data-status=" + answer.status() + "]"))
                        .as(c.name() + ": the site's error page")
                        .hasSize(1);
            }
        }
        softly.assertThat(logged)
                .as("no failure logged")
                .noneMatch(r -> r.getLevel().intValue() >= Level.SEVERE.intValue());
        softly.assertThat(logged)
                .as("nothing the requests carried is logged after a raw line break")
                .noneMatch(HostileRequestsIT::forgesALine);
        softly.assertAll();
    }

    private static final String FORM = "application/x-www-form-urlencoded";

    private Case post(String name, String path, String contentType, String body, int status) {
        String request = "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nCookie: " + cookie + "\r\n"
                + (contentType == null ? "" : "Content-Type: " + contentType + "\r\n")
                + "Content-Length: " + body.length() + "\r\n\r\n" + body;
        return new Case(name, request, Set.of(status));
    }

    /** A body of 8 chunks of 8 KiB (the cap, 64 KiB) and then one byte more. */
    private Case chunked(String name, String path) {
        StringBuilder request = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nCookie: " + cookie
                + "\r\nContent-Type: " + FORM + "\r\nTransfer-Encoding: chunked\r\n\r\n");
        String chunk = "a".repeat(8192);
        for (int i = 0; i < 8; i++) {
            request.append("2000\r\n").append(chunk).append("\r\n");
        }
        request.append("1\r\na\r\n0\r\n\r\n");
        return new Case(name, request.toString(), Set.of(413));
    }

    private static boolean forgesALine(LogRecord record) {
        List<String> texts = new ArrayList<>();
        texts.add(String.valueOf(record.getMessage()));
        for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
            texts.add(t.toString());
        }
        return texts.stream().anyMatch(t -> t.contains("\n" + FORGED) || t.contains("\r" + FORGED));
    }

    private record Case(String name, String request, Set<Integer> statuses) {}
}
