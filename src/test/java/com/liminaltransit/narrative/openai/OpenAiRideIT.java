package com.liminaltransit.narrative.openai;

import static com.liminaltransit.testing.VendorStub.ok;
import static com.liminaltransit.testing.VendorStub.status;
import static org.assertj.core.api.Assertions.assertThat;

import com.liminaltransit.persistence.Database;
import com.liminaltransit.persistence.Jdbc;
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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A player rides through the real pages with an OpenAI-compatible server (a Chat Completions stub) in front of
 * {@code offline}: the vendor writes the stops; when it goes down mid-ride, {@code offline} takes over that stop
 * without a visible error, and the vendor writes again once it is back.
 */
@HelidonTest
@AddConfig(key = "liminal.ai.chain", value = "openai,offline")
@AddConfig(key = "liminal.ai.openai.model", value = "llama-stub")
@AddConfig(key = "liminal.ai.openai.timeout", value = "800ms")
@AddConfig(key = "com.liminaltransit.narrative.openai.OpenAiProvider/generate/Retry/delay", value = "20")
@AddConfig(key = "com.liminaltransit.narrative.openai.OpenAiProvider/generate/Retry/jitter", value = "0")
@AddConfig(
        key = "liminal.db.url",
        value = "jdbc:h2:mem:openai-ride;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE")
class OpenAiRideIT {

    private static final VendorStub STUB = VendorStub.start(new OpenAiWire());

    @Inject
    private WebTarget target;

    @Inject
    private Database database;

    @AddConfigSource
    static ConfigSource ollamaStyleServer() {
        // like Ollama: a base URL and no key
        return MpConfigSources.create(Map.of("liminal.ai.openai.base-url", STUB.uri() + "/v1"));
    }

    @AfterAll
    static void stopStub() {
        STUB.close();
    }

    @Test
    void rideThroughThePagesSurvivesTheVendorGoingDownMidRide() {
        // given a player, and a vendor that answers the boarding and the first choice, then fails three times
        PlayerClient player = new PlayerClient(URI.create(target.getUri().toString()));
        STUB.reset();
        STUB.then(ok(), ok()).times(3, status(503));

        // when the player boards and makes three choices without JavaScript
        String id = Rides.board(player);
        List<Integer> statuses = new ArrayList<>();
        for (int step = 0; step < 3; step++) {
            Document ride = player.get("/stories/" + id).html();
            Answer chosen = player.post(
                    "/stories/" + id + "/choices",
                    Map.of(
                            "step",
                            Integer.toString(Rides.openStep(ride)),
                            "choice",
                            Rides.choiceIds(ride).getFirst()));
            statuses.add(chosen.status());
        }
        Answer page = player.get("/stories/" + id);

        // then every answer was good and the ride shows four stops with choices open
        assertThat(statuses).containsOnly(303);
        assertThat(page.status()).isEqualTo(200);
        assertThat(Rides.stopCount(page.html())).isEqualTo(4);
        assertThat(Rides.choiceIds(page.html())).hasSizeBetween(2, 4);
        assertThat(page.html().select("#journey .passage").eachText())
                .first()
                .asString()
                .startsWith("The stub train");
        // and each stop records who wrote it, with how many calls, and why the vendor was passed over
        List<String> steps = steps(id);
        // (the model is the one the server says answered, as vendors report their exact snapshot)
        assertThat(steps)
                .containsExactly(
                        "0 openai gpt-stub-2026-01-01 1 -",
                        "1 openai gpt-stub-2026-01-01 1 -",
                        "2 offline offline-storyteller-2 4 openai: ProviderUnavailableException",
                        "3 openai gpt-stub-2026-01-01 1 -");
        assertThat(STUB.requests()).allSatisfy(request -> {
            assertThat(request.path()).isEqualTo("/v1/chat/completions");
            assertThat(request.header("Authorization")).isNull();
        });
    }

    private List<String> steps(String rideId) {
        return Jdbc.read(database.dataSource(), connection -> {
            try (PreparedStatement query = connection.prepareStatement("""
                    select stop, provider, model, attempts, fallback_reason from passage
                    where ride_id = ? order by stop""")) {
                query.setString(1, rideId);
                List<String> rows = new ArrayList<>();
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        String reason = row.getString(5);
                        rows.add(row.getInt(1) + " " + row.getString(2) + " " + row.getString(3) + " "
                                + row.getInt(4) + " "
                                + (reason == null ? "-" : reason.replaceAll(" \\(.*", "")));
                    }
                }
                return rows;
            }
        });
    }
}
