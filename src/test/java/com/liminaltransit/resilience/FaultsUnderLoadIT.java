package com.liminaltransit.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import com.liminaltransit.narrative.NarrativeValidator;
import com.liminaltransit.narrative.openai.OpenAiWire;
import com.liminaltransit.testing.PlayerClient;
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
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A vendor failing in every way at once (errors, throttling, timeouts, garbage, broken contracts, resets,
 * drips) while a dozen players ride concurrently: no player sees an error page, every stop is a valid passage,
 * and the rides carry on (written by the vendor when it answers, by offline when it does not).
 */
@HelidonTest
@AddConfig(key = "liminal.ai.chain", value = "openai,offline")
@AddConfig(key = "liminal.ai.openai.model", value = "llama-stub")
@AddConfig(key = "liminal.ai.openai.timeout", value = "600ms")
@AddConfig(key = "com.liminaltransit.narrative.openai.OpenAiProvider/generate/Retry/delay", value = "20")
@AddConfig(key = "com.liminaltransit.narrative.openai.OpenAiProvider/generate/Retry/jitter", value = "0")
@AddConfig(
        key = "liminal.db.url",
        value = "jdbc:h2:mem:faults-under-load;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE")
class FaultsUnderLoadIT {

    private static final int PLAYERS = 12;
    private static final int STOPS_EACH = 6;
    private static final VendorStub STUB = VendorStub.start(new OpenAiWire());

    @Inject
    private WebTarget target;

    @AddConfigSource
    static ConfigSource vendor() {
        return MpConfigSources.create(Map.of("liminal.ai.openai.base-url", STUB.uri() + "/v1"));
    }

    @AfterAll
    static void stopStub() {
        STUB.close();
    }

    @Test
    void everyPlayerGetsGoodPassagesWhileTheVendorFailsInEveryWay() throws Exception {
        List<VendorStub.Behaviour> faults = List.of(
                VendorStub.status(500),
                VendorStub.status(503),
                VendorStub.rateLimited(1),
                VendorStub.delayed(1500),
                VendorStub.malformed(),
                VendorStub.contractBreaking(),
                VendorStub.connectionReset(),
                VendorStub.drip(40),
                VendorStub.ok(),
                VendorStub.ok(),
                VendorStub.ok());
        Random random = new Random(7);
        for (int i = 0; i < 400; i++) {
            STUB.then(faults.get(random.nextInt(faults.size())));
        }
        ExecutorService pool = Executors.newFixedThreadPool(PLAYERS);
        List<CompletableFuture<List<Integer>>> rides = new ArrayList<>();

        for (int i = 0; i < PLAYERS; i++) {
            rides.add(CompletableFuture.supplyAsync(this::rideAndRecordStatuses, pool));
        }

        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<List<Integer>> ride : rides) {
            statuses.addAll(ride.get());
        }
        pool.shutdown();
        assertThat(statuses)
                .hasSize(PLAYERS * (STOPS_EACH + 1))
                .allSatisfy(s -> assertThat(s).isIn(200, 303));
        assertThat(STUB.requests()).as("the vendor was really asked").hasSizeGreaterThan(PLAYERS);
    }

    /** Boards, then answers {@code STOPS_EACH} stops the htmx way; returns every status seen. */
    private List<Integer> rideAndRecordStatuses() {
        PlayerClient player = new PlayerClient(URI.create(target.getUri().toString()));
        List<Integer> statuses = new ArrayList<>();
        PlayerClient.Answer boarded = player.post("/stories", Map.of());
        statuses.add(boarded.status());
        String id = Rides.idFrom(boarded.header("Location").orElseThrow());
        Document ride = player.get("/stories/" + id).html();
        for (int stop = 0; stop < STOPS_EACH && !Rides.ended(ride); stop++) {
            PlayerClient.Answer step = player.postHx(
                    "/stories/" + id + "/choices",
                    Map.of(
                            "step",
                            String.valueOf(Rides.openStep(ride)),
                            "choice",
                            Rides.choiceIds(ride).getLast()));
            statuses.add(step.status());
            ride = player.get("/stories/" + id).html();
        }
        for (String passage : ride.select("#journey .passage").eachText()) {
            assertThat(passage.length()).isGreaterThanOrEqualTo(NarrativeValidator.MIN_PASSAGE);
        }
        return statuses;
    }
}
