package com.liminaltransit.story;

import static org.assertj.core.api.Assertions.assertThat;

import com.liminaltransit.narrative.openai.OpenAiWire;
import com.liminaltransit.testing.Await;
import com.liminaltransit.testing.PlayerClient;
import com.liminaltransit.testing.Rides;
import com.liminaltransit.testing.StreamedChoices;
import com.liminaltransit.testing.VendorStub;
import io.helidon.config.mp.MpConfigSources;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A streamed stop written by a slow model (an OpenAI stub that takes 2 s): two tabs open its stream while it is
 * being written; both are kept alive with SSE comments, both get the same sentences and commit, and the model is
 * asked once. A tab that never opens its stream (closed at once) still finds the stop written.
 */
@HelidonTest
@AddConfig(key = "liminal.ai.chain", value = "openai")
@AddConfig(key = "liminal.ai.openai.api-key", value = "sk-test-key")
@AddConfig(key = "liminal.ai.openai.model", value = "gpt-stub")
@AddConfig(key = "liminal.ai.openai.timeout", value = "8s")
@AddConfig(key = "liminal.limits.enabled", value = "false")
@AddConfig(key = "liminal.stream.enabled", value = "true")
@AddConfig(key = "liminal.stream.keep-alive", value = "200ms")
@AddConfig(key = "liminal.db.url", value = StopStreamTwoTabsIT.DB)
class StopStreamTwoTabsIT {

    static final String DB = "jdbc:h2:mem:streamtabs;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
    private static final VendorStub STUB = VendorStub.start(new OpenAiWire());

    @Inject
    private WebTarget target;

    @AddConfigSource
    static ConfigSource stubAddress() {
        return MpConfigSources.create(Map.of("liminal.ai.openai.base-url", STUB.uri() + "/v1"));
    }

    @AfterAll
    static void stopStub() {
        STUB.close();
    }

    @Test
    void twoTabsWatchOneWriteThatIsPaidOnce() throws Exception {
        var player = new PlayerClient(URI.create(target.getUri().toString()));
        String ride = Rides.board(player);
        Document page = player.get("/stories/" + ride).html();
        int step = Rides.openStep(page);
        STUB.reset();
        STUB.times(5, VendorStub.delayed(2000));

        var answer = player.postHx(
                "/stories/" + ride + "/choices",
                Map.of(
                        "step",
                        String.valueOf(step),
                        "choice",
                        Rides.choiceIds(page).getFirst(),
                        "stream",
                        "1"));
        assertThat(answer.status()).isEqualTo(200);
        String url = "/stories/" + ride + "/stops/" + (step + 1) + "/stream";
        try (ExecutorService tabs = Executors.newFixedThreadPool(2)) {
            var first = CompletableFuture.supplyAsync(() -> stream(player, url), tabs);
            var second = CompletableFuture.supplyAsync(() -> stream(player, url), tabs);

            String one = first.get();
            String two = second.get();

            assertThat(StreamedChoices.Event.parse(one)).isEqualTo(StreamedChoices.Event.parse(two));
            assertThat(StreamedChoices.Event.parse(one).stream().map(StreamedChoices.Event::name))
                    .contains("sentence", "status", "commit");
            assertThat(comments(one)).as("kept alive while the model writes").isNotEmpty();
            assertThat(comments(two)).isNotEmpty();
        }
        assertThat(STUB.requests()).as("the stop is asked for once").hasSize(1);
        assertThat(Rides.stopCount(player.get("/stories/" + ride).html())).isEqualTo(step + 2);
    }

    @Test
    void aTabClosedBeforeItsStreamOpensStillFindsTheStopOnReturn() {
        var player = new PlayerClient(URI.create(target.getUri().toString()));
        String ride = Rides.board(player);
        Document page = player.get("/stories/" + ride).html();
        int step = Rides.openStep(page);
        STUB.reset();
        STUB.times(5, VendorStub.delayed(1000));

        var answer = player.postHx(
                "/stories/" + ride + "/choices",
                Map.of(
                        "step",
                        String.valueOf(step),
                        "choice",
                        Rides.choiceIds(page).getFirst(),
                        "stream",
                        "1"));

        assertThat(answer.status()).isEqualTo(200);
        Await.until(
                Duration.ofSeconds(30),
                "the stop written without anyone watching",
                () -> Rides.stopCount(player.get("/stories/" + ride).html()) == step + 2);
        assertThat(STUB.requests()).hasSize(1);
    }

    private static String stream(PlayerClient player, String url) {
        return player.send(HttpRequest.newBuilder(player.uri(url))
                        .header("Accept", "text/event-stream")
                        .GET())
                .body();
    }

    private static List<String> comments(String body) {
        return body.lines().filter(line -> line.startsWith(":")).toList();
    }
}
