package com.liminaltransit.safety;

import static com.liminaltransit.testing.VendorStub.delayed;
import static com.liminaltransit.testing.VendorStub.malformed;
import static com.liminaltransit.testing.VendorStub.status;
import static org.assertj.core.api.Assertions.assertThat;

import com.liminaltransit.narrative.openai.OpenAiWire;
import com.liminaltransit.persistence.Database;
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
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fail closed, through the pages: with Comprehend configured (English only), a ride in French gets the offline
 * storyteller's passage instead of the model's, and so does an English ride while Comprehend is down, throttled,
 * too slow or answering nonsense ({@code liminal.safety.on-unavailable=offline}, the default). The player never sees
 * an error.
 */
@HelidonTest
@AddConfig(
        key = "liminal.db.url",
        value = "jdbc:h2:mem:safety-fail-closed;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE")
@AddConfig(key = "liminal.ai.chain", value = "openai")
@AddConfig(key = "liminal.ai.openai.model", value = "llama-stub")
@AddConfig(key = "liminal.safety.checks", value = "rules,comprehend")
@AddConfig(key = "liminal.safety.comprehend.region", value = "us-east-1")
@AddConfig(key = "liminal.safety.comprehend.timeout", value = "500ms")
// each fault here is its own case: the breaker that would open after most calls fail is tested by the FT library
@AddConfig(key = "com.liminaltransit.safety.ComprehendClassifier/classify/CircuitBreaker/enabled", value = "false")
class FailClosedIT {

    private static final VendorStub MODEL = VendorStub.start(new OpenAiWire());
    private static final VendorStub COMPREHEND = VendorStub.start(new ComprehendWire());

    static {
        System.setProperty("aws.accessKeyId", "AKIDLIMINALTEST");
        System.setProperty("aws.secretAccessKey", "liminal-test-secret");
    }

    @Inject
    private WebTarget target;

    @Inject
    private Database database;

    @AddConfigSource
    static ConfigSource stubs() {
        return MpConfigSources.create(Map.of(
                "liminal.ai.openai.base-url",
                MODEL.uri() + "/v1",
                "liminal.safety.comprehend.endpoint",
                COMPREHEND.uri().toString()));
    }

    @AfterAll
    static void stopStubs() {
        MODEL.close();
        COMPREHEND.close();
    }

    @BeforeEach
    void resetStubs() {
        MODEL.reset();
        COMPREHEND.reset();
        COMPREHEND.otherwise(ComprehendWire.judging());
    }

    @Test
    void aLanguageNoConfiguredClassifierCoversGetsTheOfflineStorytellersPassage() {
        // given an English ride whose first stop the model wrote and Comprehend passed
        PlayerClient player = new PlayerClient(URI.create(target.getUri().toString()));
        String ride = Rides.board(player);
        assertThat(SafetyRides.stop(database, ride, 0)).isEqualTo("openai | -");
        // and the ride now in French, which Comprehend does not cover
        SafetyRides.speak(database, ride, "fr");
        Document page = player.get("/stories/" + ride).html();

        // when the player makes a choice without JavaScript
        PlayerClient.Answer chosen = player.post(
                "/stories/" + ride + "/choices",
                Map.of(
                        "step",
                        Integer.toString(Rides.openStep(page)),
                        "choice",
                        Rides.choiceIds(page).getFirst()));

        // then no error: the stop is the offline storyteller's, and says why the model's answer was refused
        assertThat(chosen.status()).isEqualTo(303);
        assertThat(SafetyRides.stop(database, ride, 1))
                .isEqualTo("offline | openai: skipped: fail closed: no configured classifier covers fr");
        Document after = player.get("/stories/" + ride).html();
        assertThat(Rides.stopCount(after)).isEqualTo(2);
        assertThat(after.select("#journey .passage").eachText().get(1)).doesNotStartWith("The stub train");
        // and neither the model nor Comprehend was asked (or paid) for a French answer no check could pass
        assertThat(MODEL.requests()).hasSize(1);
        assertThat(COMPREHEND.requests()).hasSize(1);
    }

    static Stream<Arguments> outages() {
        return Stream.of(
                Arguments.of("503 ServiceUnavailableException", status(503), "error 503"),
                Arguments.of("400 TooManyRequestsException", status(400), "throttled"),
                Arguments.of("429 ThrottlingException", status(429), "throttled"),
                Arguments.of("an answer past the timeout", delayed(2_000), "timed out"),
                Arguments.of("a malformed answer", malformed(), "malformed answer"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("outages")
    void aClassifierThatCannotJudgeCostsThePlayerNothingButTheOfflinePassage(
            String outage, VendorStub.Behaviour behaviour, String reason) {
        // given Comprehend failing this way
        COMPREHEND.then(behaviour);
        PlayerClient player = new PlayerClient(URI.create(target.getUri().toString()));

        // when a player boards an English ride
        String ride = Rides.board(player);

        // then the first stop is the offline storyteller's, with the outage as the reason
        assertThat(SafetyRides.stop(database, ride, 0))
                .startsWith("offline | openai: refused: fail closed: unavailable: comprehend (" + reason);
        assertThat(Rides.choiceIds(player.get("/stories/" + ride).html())).hasSizeBetween(2, 4);
        assertThat(SafetyRides.newestBlock(database))
                .isEqualTo("openai | unavailable | unavailable | fail-closed | " + ride + " | 0");
    }

    @Test
    void theModelWritesAgainOnceTheClassifierIsBack() {
        // given Comprehend down for one call, then back
        COMPREHEND.then(status(503));
        PlayerClient player = new PlayerClient(URI.create(target.getUri().toString()));

        // when the player boards twice
        List<String> rides = List.of(Rides.board(player), Rides.board(player));

        // then the first is offline's, the second the model's
        assertThat(SafetyRides.stop(database, rides.get(0), 0)).startsWith("offline | ");
        assertThat(SafetyRides.stop(database, rides.get(1), 0)).isEqualTo("openai | -");
    }
}
