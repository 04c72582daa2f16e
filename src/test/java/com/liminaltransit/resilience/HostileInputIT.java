package com.liminaltransit.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import com.liminaltransit.testing.PlayerClient;
import com.liminaltransit.testing.PlayerClient.Answer;
import com.liminaltransit.testing.RawHttp;
import com.liminaltransit.testing.Rides;
import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile input on every player form field and path parameter: each gets a clear 4xx page in the site's
 * style, nothing is stored, nothing leaks, never a 5xx.
 */
@HelidonTest
@AddConfig(
        key = "liminal.db.url",
        value = "jdbc:h2:mem:hostile;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE")
class HostileInputIT {

    /** server.max-payload-size is 64 KB: four chunks of 16 KB fill it. */
    private static final int CHUNK = 16 * 1024;

    private static final String OVERSIZED_REASON = "Request body too large (limit 65536 bytes).";

    @Inject
    private WebTarget target;

    private PlayerClient player;
    private String rideId;
    private String offered;

    static Stream<String> payloads() {
        return Stream.of(
                "",
                " ",
                "x".repeat(5000),
                "0".repeat(40),
                "-0",
                "1e3",
                "0x1",
                "１",
                "٣",
                "a\u202Eb",
                "a\u0000b",
                "<script>alert(1)</script>",
                "\"><img src=x onerror=alert(1)>",
                "' OR '1'='1",
                "0; DROP TABLE ride;--",
                "${7*7}",
                "[[${T(java.lang.Runtime)}]]",
                "{{summary}}",
                "../../etc/passwd",
                "%00",
                "null",
                "true",
                "[]",
                "{}",
                "\uD83D\uDE82",
                "a".repeat(9));
    }

    @BeforeEach
    void aRideWithAnOpenStop() {
        player = new PlayerClient(URI.create(target.getUri().toString()));
        rideId = Rides.board(player);
        offered = Rides.choiceIds(player.get("/stories/" + rideId).html()).getFirst();
    }

    @ParameterizedTest
    @MethodSource("payloads")
    void hostileStepIsABadRequestAndStoresNothing(String payload) {
        assertRefusedAndUnchanged(player.post(path(), Map.of("step", payload, "choice", offered)), 400);
    }

    @ParameterizedTest
    @MethodSource("payloads")
    void hostileChoiceIsABadRequestAndStoresNothing(String payload) {
        assertRefusedAndUnchanged(player.postHx(path(), Map.of("step", "0", "choice", payload)), 400);
    }

    @ParameterizedTest
    @MethodSource("payloads")
    void hostileRideIdIsNotFound(String payload) {
        String encoded = URLEncoder.encode(payload, StandardCharsets.UTF_8).replace("+", "%20");
        Answer page = player.get("/stories/" + encoded);

        assertThat(page.status()).isIn(400, 404, 405, 414);
        assertClean(page);
        if (page.status() == 414) {
            // a request line past server.protocols.http_1_1.max-prologue-length is cut before routing
            assertThat(page.body()).isEqualTo("Request URI too long.");
            return;
        }
        Answer choose = player.post("/stories/" + encoded + "/choices", Map.of("step", "0", "choice", offered));
        assertThat(choose.status()).isIn(400, 404, 405);
        assertClean(choose);
        assertThat(Rides.stopCount(player.get("/stories/" + rideId).html())).isEqualTo(1);
    }

    @ParameterizedTest
    @MethodSource("payloads")
    void hostileBranchFieldsAreBadRequestsAndStoreNothing(String payload) {
        String branches = "/stories/" + rideId + "/branches";

        assertRefusedAndUnchanged(player.post(branches, Map.of("from", payload, "choice", offered)), 400);
        assertRefusedAndUnchanged(player.postHx(branches, Map.of("from", "0", "choice", payload)), 400);
        assertThat(player.get("/stories/" + rideId + "/map").html().select("svg line.fork"))
                .isEmpty();
    }

    @ParameterizedTest
    @MethodSource("payloads")
    void hostileRetryAndVersionFieldsAreBadRequestsAndStoreNothing(String payload) {
        String retries = "/stories/" + rideId + "/retries";

        assertRefusedAndUnchanged(player.post(retries, Map.of("step", payload)), 400);
        assertRefusedAndUnchanged(player.postHx(retries, Map.of("step", "0", "versions", payload)), 400);
        assertRefusedAndUnchanged(player.post(path(), Map.of("step", "0", "choice", offered, "version", payload)), 400);
        assertThat(player.get("/stories/" + rideId).html().select(".version-of"))
                .isEmpty();
    }

    @ParameterizedTest
    @MethodSource("payloads")
    void hostileStopAndVersionInTheAddressAreNotFound(String payload) {
        String encoded = URLEncoder.encode(payload, StandardCharsets.UTF_8).replace("+", "%20");

        Answer stop = player.get("/stories/" + rideId + "/stops/" + encoded);
        Answer version = player.get("/stories/" + rideId + "/stops/0?version=" + encoded);

        // (414: a request line past server.protocols.http_1_1.max-prologue-length is cut before routing)
        assertThat(stop.status()).isIn(400, 404, 405, 414);
        assertClean(stop);
        assertThat(version.status()).isIn(404, 414);
        assertClean(version);
    }

    @Test
    void repeatedAndUnknownFieldsAreRefusedOrIgnoredWithoutHarm() {
        Answer repeated = player.send(HttpRequest.newBuilder(player.uri(path()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("step=0&step=1&choice=" + offered + "&choice=zz")));

        assertThat(repeated.status()).isIn(303, 400);
        assertClean(repeated);
        assertThat(Rides.stopCount(player.get("/stories/" + rideId).html())).isLessThanOrEqualTo(2);
    }

    @Test
    void wrongContentTypesAreUnsupportedMediaType() {
        for (String type :
                List.of("application/json", "text/plain", "multipart/form-data; boundary=x", "application/xml")) {
            Answer answer = player.send(HttpRequest.newBuilder(player.uri(path()))
                    .header("Content-Type", type)
                    .POST(HttpRequest.BodyPublishers.ofString("step=0&choice=" + offered)));
            assertRefusedAndUnchanged(answer, 415);
        }
    }

    @Test
    void wrongMethodsAreNotAllowed() {
        for (String method : List.of("PUT", "PATCH", "DELETE")) {
            Answer answer = player.send(HttpRequest.newBuilder(player.uri(path()))
                    .method(method, HttpRequest.BodyPublishers.ofString("step=0&choice=" + offered)));
            assertRefusedAndUnchanged(answer, 405);
        }
    }

    @Test
    void anotherPlayersRideCannotBeChangedWhateverTheyKnow() {
        PlayerClient intruder = new PlayerClient(player.uri("/"));
        Answer withoutCookie = intruder.post(path(), Map.of("step", "0", "choice", offered));
        intruder.setCookie("lt_player", "forged-" + "x".repeat(30));
        Answer withForgedCookie = intruder.post(path(), Map.of("step", "0", "choice", offered));

        assertRefusedAndUnchanged(withoutCookie, 403);
        assertRefusedAndUnchanged(withForgedCookie, 403);
    }

    @Test
    void sameChoiceFromTwoTabsAtOnceIsWrittenOnceAndBothTabsAreAnswered() {
        Map<String, String> form = Map.of("step", "0", "choice", offered);

        List<Integer> statuses = Stream.of(1, 2, 3, 4)
                .map(tab -> CompletableFuture.supplyAsync(
                        () -> player.post(path(), form).status()))
                .toList()
                .stream()
                .map(CompletableFuture::join)
                .toList();

        assertThat(statuses).containsOnly(303);
        Document ride = player.get("/stories/" + rideId).html();
        assertThat(Rides.stopCount(ride)).isEqualTo(2);
    }

    @Test
    void oversizedHeadersAreRefusedWithoutAServerError() {
        Answer answer = player.send(
                HttpRequest.newBuilder(player.uri("/stories/" + rideId)).header("X-Padding", "p".repeat(20_000)));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).isEqualTo("Header size exceeded");
        assertThat(Rides.stopCount(player.get("/stories/" + rideId).html())).isEqualTo(1);
    }

    @Test
    void oversizedBodyIsRefusedWithAOneLineReason() {
        RawHttp.Reply reply = RawHttp.exchange(player.uri("/"), choiceHead("Content-Length: 100000"));

        assertRefusedAsOversized(reply);
    }

    @Test
    void oversizedChunkedBodyIsRefusedWithAOneLineReasonNotAServerError() {
        String form = "step=0&choice=" + offered + "&padding=";
        byte[] first = chunk(form + "x".repeat(CHUNK - form.length()));
        byte[] more = chunk("x".repeat(CHUNK));

        // four chunks fill the 64 KB cap exactly; the fifth chunk's size line goes past it
        RawHttp.Reply reply = RawHttp.exchange(
                player.uri("/"),
                choiceHead("Transfer-Encoding: chunked"),
                first,
                more,
                more,
                more,
                "1\r\n".getBytes(StandardCharsets.US_ASCII));

        assertRefusedAsOversized(reply);
    }

    @Test
    void malformedChunkedBodyIsABadRequestNotAServerError() {
        RawHttp.Reply reply = RawHttp.exchange(
                player.uri("/"),
                choiceHead("Transfer-Encoding: chunked"),
                "zz\r\nstep=0\r\n".getBytes(StandardCharsets.US_ASCII));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.header("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(reply.body()).doesNotContain("Exception", "at io.", "incident");
        assertThat(Rides.stopCount(player.get("/stories/" + rideId).html())).isEqualTo(1);
    }

    private String choiceHead(String framing) {
        return String.join(
                "\r\n",
                "POST " + path() + " HTTP/1.1",
                "Host: " + player.uri("/").getAuthority(),
                "Content-Type: application/x-www-form-urlencoded",
                "Cookie: lt_player=" + player.cookie("lt_player").orElseThrow(),
                framing);
    }

    private static byte[] chunk(String data) {
        return (Integer.toHexString(data.length()) + "\r\n" + data + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private void assertRefusedAsOversized(RawHttp.Reply reply) {
        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.body()).isEqualTo(OVERSIZED_REASON);
        assertThat(reply.header("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        assertThat(reply.header("X-Content-Type-Options")).hasValue("nosniff");
        Document ride = player.get("/stories/" + rideId).html();
        assertThat(Rides.stopCount(ride)).isEqualTo(1);
        assertThat(Rides.openStep(ride)).isZero();
    }

    private String path() {
        return "/stories/" + rideId + "/choices";
    }

    private void assertRefusedAndUnchanged(Answer answer, int status) {
        assertThat(answer.status()).isEqualTo(status);
        assertClean(answer);
        Document ride = player.get("/stories/" + rideId).html();
        assertThat(Rides.stopCount(ride)).isEqualTo(1);
        assertThat(Rides.openStep(ride)).isZero();
    }

    private static void assertClean(Answer answer) {
        assertThat(answer.status()).isLessThan(500);
        assertThat(answer.body())
                .doesNotContain("Exception", "at com.", "at io.", "SQL", "<script>alert", "onerror=alert", "java.lang");
        boolean refusedBeforeRouting = answer.header("Content-Type").orElse("").startsWith("text/plain");
        if (!answer.body().isEmpty() && !refusedBeforeRouting) {
            assertThat(answer.html().select(".problem"))
                    .as("an error page in the site's style")
                    .isNotEmpty();
        }
    }
}
