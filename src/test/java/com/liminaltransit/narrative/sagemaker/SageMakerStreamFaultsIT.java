package com.liminaltransit.narrative.sagemaker;

import static org.assertj.core.api.Assertions.assertThat;

import com.liminaltransit.persistence.Database;
import com.liminaltransit.persistence.Jdbc;
import com.liminaltransit.testing.Await;
import com.liminaltransit.testing.PlayerClient;
import com.liminaltransit.testing.Rides;
import com.liminaltransit.testing.StreamScript;
import com.liminaltransit.testing.StreamScript.End;
import com.liminaltransit.testing.StreamedChoices;
import com.liminaltransit.testing.StreamingStub;
import io.helidon.config.mp.MpConfigSources;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import java.net.URI;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sagemakerruntime.model.InvokeEndpointWithResponseStreamRequest;

/**
 * A ride streamed from a SageMaker endpoint (InvokeEndpointWithResponseStream through the real SDK async client,
 * a TGI container's tokens in payload parts) that fails mid-stream in every way issue 14 names: whatever the fault,
 * the player's stop ends whole and valid, and every sentence they were shown is still its beginning.
 */
@HelidonTest
@AddConfig(key = "liminal.limits.enabled", value = "false")
@AddConfig(key = "liminal.stream.enabled", value = "true")
@AddConfig(key = "liminal.stream.stall-timeout", value = "1s")
@AddConfig(key = "liminal.ai.chain", value = "sagemaker,offline")
@AddConfig(key = "liminal.ai.sagemaker.endpoint-name", value = "liminal-tgi")
@AddConfig(key = "liminal.ai.sagemaker.region", value = "us-east-1")
@AddConfig(
        key = "liminal.db.url",
        value = "jdbc:h2:mem:sagemaker-stream-faults;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE")
class SageMakerStreamFaultsIT {

    /** Boarding is not streamed: the stub answers it as a plain InvokeEndpoint call would fail, so offline boards. */
    private static final StreamingStub STUB = StreamingStub.start(SageMakerStreamWire.tgi(), StreamScript.good());

    static {
        // the default credentials chain reads these first: real SigV4 signing with keys that only the stub sees
        System.setProperty("aws.accessKeyId", "AKIDLIMINALTEST");
        System.setProperty("aws.secretAccessKey", "liminal-test-secret");
    }

    @Inject
    private WebTarget target;

    @Inject
    private Database database;

    private PlayerClient player;
    private String ride;

    @AddConfigSource
    static ConfigSource server() {
        return MpConfigSources.create(
                Map.of("liminal.ai.sagemaker.endpoint", STUB.uri().toString()));
    }

    /**
     * The first streamed call of a JVM loads the SDK's async stack and Netty, which on a loaded machine takes longer
     * than this test's 1 s stall timeout: it is made once here, outside any stop, so no fault is read as a stall.
     */
    @BeforeAll
    static void warmUp() {
        try (var clients = new SageMakerClients(
                Optional.of("us-east-1"),
                Duration.ofSeconds(60),
                Optional.of(STUB.uri().toString()))) {
            var request = InvokeEndpointWithResponseStreamRequest.builder()
                    .endpointName("liminal-tgi")
                    .contentType("application/json")
                    .body(SdkBytes.fromUtf8String("{}"))
                    .build();
            ResponseStreamCall.read(clients.async(), request, 1 << 20, InvocationFormat.TGI.streamReader(piece -> {}));
        }
    }

    @AfterAll
    static void stop() {
        STUB.close();
    }

    @BeforeEach
    void boarded() {
        player = new PlayerClient(URI.create(target.getUri().toString()));
        STUB.reset();
        STUB.then(StreamScript.error(503, "{\"message\": \"boarding is not streamed here\"}"));
        ride = Rides.board(player);
        STUB.reset();
    }

    @Test
    void aWholeStreamIsShownSentenceBySentenceAndStoredAsShown() {
        STUB.then(StreamScript.good());

        var seen = StreamedChoices.takeFirst(player, ride);

        assertThat(seen.sentences()).containsExactly(StreamScript.FIRST, StreamScript.SECOND, StreamScript.THIRD);
        assertThat(seen.stored()).isEqualTo(seen.shownText());
        assertThat(seen.names().getLast()).isEqualTo("commit");
        assertThat(STUB.received().getLast().path()).isEqualTo("/endpoints/liminal-tgi/invocations-response-stream");
        assertThat(STUB.received().getLast().body()).contains("\"stream\":true");
        assertThat(spend(seen.stop()))
                .as("the streamed step is billed once, on the tokens the stream reported")
                .containsExactly("valid 120 80");
        assertThat(record(seen.stop())).isEqualTo("true 0 sagemaker");
    }

    @Test
    void aResetAfterTwoSentencesIsContinuedByOffline() {
        var twoShown = new CountDownLatch(1);
        STUB.then(StreamScript.twoSentencesThen(End.RESET).faultAfter(twoShown));

        var seen = StreamedChoices.takeFirst(player, ride, shown -> {
            if (shown == 2) {
                twoShown.countDown(); // a reset drops bytes in flight: reset once the two sentences were shown
            }
        });

        assertContinued(seen);
        assertThat(spend(seen.stop()))
                .as("the cut-off call is billed once, on an estimate of what it sent")
                .singleElement()
                .asString()
                .startsWith("failed ")
                .doesNotEndWith(" 0");
        assertThat(record(seen.stop())).isEqualTo("true 2 sagemaker>offline");
    }

    @Test
    void aStallAfterTwoSentencesIsCutOffAndContinued() {
        STUB.then(StreamScript.twoSentencesThen(End.STALL));

        assertContinued(StreamedChoices.takeFirst(player, ride));
    }

    @Test
    void aMalformedChunkAfterTwoSentencesIsContinued() {
        STUB.then(StreamScript.twoSentencesThen(End.MALFORMED));

        assertContinued(StreamedChoices.takeFirst(player, ride));
    }

    @Test
    void invalidChoicesAtTheEndKeepTheWholePassageShown() {
        STUB.then(StreamScript.invalidChoices());

        var seen = StreamedChoices.takeFirst(player, ride);

        assertThat(seen.sentences()).startsWith(StreamScript.FIRST, StreamScript.SECOND, StreamScript.THIRD);
        assertValidStop(seen);
    }

    @Test
    void anUnsafeSentenceIsNeverShownAndTheRestIsWrittenByTheNextLink() {
        STUB.then(StreamScript.unsafeInTheMiddle());

        var seen = StreamedChoices.takeFirst(player, ride);

        assertThat(seen.sentences()).startsWith(StreamScript.FIRST, StreamScript.SECOND);
        assertThat(seen.sentences()).noneMatch(sentence -> sentence.contains("http"));
        assertThat(seen.stored()).doesNotContain("http");
        assertValidStop(seen);
    }

    /** The spend ledger's rows for this ride's stop: outcome, input and output tokens. */
    private List<String> spend(int stop) {
        return Jdbc.read(database.dataSource(), connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "select outcome, input_tokens, output_tokens from spend_ledger where ride_id = ? and stop = ?")) {
                select.setString(1, ride);
                select.setInt(2, stop);
                List<String> rows = new ArrayList<>();
                try (ResultSet result = select.executeQuery()) {
                    while (result.next()) {
                        rows.add(result.getString(1) + " " + result.getInt(2) + " " + result.getInt(3));
                    }
                }
                return rows;
            }
        });
    }

    /** The stop's stream record: streamed, sentences shown before a failure, the links that wrote it. */
    private String record(int stop) {
        return Await.until(
                Duration.ofSeconds(10),
                "the stream record",
                () -> Jdbc.read(database.dataSource(), connection -> {
                    try (PreparedStatement select = connection.prepareStatement(
                            "select streamed, shown_before_failure, written_by from stop_stream"
                                    + " where ride_id = ? and stop = ?")) {
                        select.setString(1, ride);
                        select.setInt(2, stop);
                        try (ResultSet result = select.executeQuery()) {
                            return result.next()
                                    ? result.getBoolean(1) + " " + result.getInt(2) + " " + result.getString(3)
                                    : "";
                        }
                    }
                }),
                text -> !text.isEmpty());
    }

    private static void assertContinued(StreamedChoices.Seen seen) {
        assertThat(seen.sentences()).startsWith(StreamScript.FIRST, StreamScript.SECOND);
        assertThat(seen.sentences().size())
                .as("the next link closed the passage")
                .isGreaterThan(2);
        assertValidStop(seen);
    }

    /** The stop is stored, begins with every sentence shown, and offers choices. */
    private static void assertValidStop(StreamedChoices.Seen seen) {
        assertThat(seen.names().getLast()).isEqualTo("commit");
        assertThat(seen.names()).doesNotContain("error");
        assertThat(seen.stored()).isEqualTo(seen.shownText());
        assertThat(Rides.stopCount(seen.page())).isEqualTo(seen.stop() + 1);
        assertThat(Rides.choiceIds(seen.page())).hasSizeGreaterThanOrEqualTo(2);
    }
}
