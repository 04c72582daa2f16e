package com.liminaltransit.story;

import static org.assertj.core.api.Assertions.assertThat;

import com.liminaltransit.narrative.openai.OpenAiWire;
import com.liminaltransit.testing.PlayerClient;
import com.liminaltransit.testing.PlayerClient.Answer;
import com.liminaltransit.testing.Rides;
import com.liminaltransit.testing.VendorStub;
import io.helidon.config.mp.MpConfigSources;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Racing requests for one open stop make one paid vendor call: the request holding the stop's claim asks the
 * narrator, its twins wait for the stop it writes and answer as a replay, and a rival choice gets the 409.
 */
@HelidonTest
@AddConfig(key = "liminal.ai.chain", value = "openai")
@AddConfig(key = "liminal.ai.openai.api-key", value = "sk-test-key")
@AddConfig(key = "liminal.ai.openai.model", value = "gpt-stub")
@AddConfig(key = "liminal.limits.enabled", value = "false")
@AddConfig(
        key = "liminal.db.url",
        value = "jdbc:h2:mem:racing-twins;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE")
class RacingTwinsIT {

    private static final int RACERS = 20;
    private static final VendorStub STUB = VendorStub.start(new OpenAiWire());

    @Inject
    private WebTarget target;

    private PlayerClient player;

    @AddConfigSource
    static ConfigSource stubAddress() {
        return MpConfigSources.create(Map.of("liminal.ai.openai.base-url", STUB.uri() + "/v1"));
    }

    @AfterAll
    static void stopStub() {
        STUB.close();
    }

    @BeforeEach
    void boardARide() {
        STUB.reset();
        player = new PlayerClient(URI.create(target.getUri().toString()));
    }

    @Test
    void twentyIdenticalChoicesAtOnceMakeOneVendorCallAndOneStop() throws Exception {
        // given a ride whose next stop takes the vendor half a second to write
        String ride = Rides.board(player);
        String choice = Rides.choiceIds(player.get("/stories/" + ride).html()).getFirst();
        STUB.reset();
        STUB.times(RACERS, VendorStub.delayed(500));

        // when twenty copies of the same choice arrive together
        List<Answer> answers = race(RACERS, i -> choice, ride);

        // then the vendor was asked once, every copy got the new stop, and the ride holds it once
        assertThat(STUB.requests()).hasSize(1);
        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.html().select("article.stop")).isNotEmpty();
        });
        assertThat(Rides.stopCount(player.get("/stories/" + ride).html())).isEqualTo(2);
    }

    @Test
    void rivalChoicesAtOnceMakeOneVendorCallOneWinnerAndConflictsForTheRest() throws Exception {
        // given a ride at its first stop
        String ride = Rides.board(player);
        List<String> choices = Rides.choiceIds(player.get("/stories/" + ride).html());
        STUB.reset();
        STUB.times(RACERS, VendorStub.delayed(500));

        // when two different choices race, ten copies each
        List<Answer> answers = race(RACERS, i -> choices.get(i % 2), ride);

        // then one choice won with one vendor call; the other choice's copies all answer 409
        assertThat(STUB.requests()).hasSize(1);
        long won = answers.stream().filter(a -> a.status() == 200).count();
        long refused = answers.stream().filter(a -> a.status() == 409).count();
        assertThat(won).isEqualTo(RACERS / 2);
        assertThat(refused).isEqualTo(RACERS / 2);
        assertThat(Rides.stopCount(player.get("/stories/" + ride).html())).isEqualTo(2);
    }

    private List<Answer> race(int racers, java.util.function.IntFunction<String> choiceOf, String ride)
            throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Answer>> pending = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < racers; i++) {
                String choice = choiceOf.apply(i);
                pending.add(pool.submit(() -> {
                    start.await();
                    return player.postHx("/stories/" + ride + "/choices", Map.of("step", "0", "choice", choice));
                }));
            }
            start.countDown();
            List<Answer> answers = new ArrayList<>();
            for (Future<Answer> answer : pending) {
                answers.add(answer.get(60, TimeUnit.SECONDS));
            }
            return answers;
        }
    }
}
