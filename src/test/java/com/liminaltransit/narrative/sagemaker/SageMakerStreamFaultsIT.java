package com.liminaltransit.narrative.sagemaker;

import static org.assertj.core.api.Assertions.assertThat;

import com.liminaltransit.persistence.Database;
import com.liminaltransit.testing.StreamFaultMatrix;
import com.liminaltransit.testing.StreamScript;
import com.liminaltransit.testing.StreamingStub;
import io.helidon.config.mp.MpConfigSources;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
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

    private StreamFaultMatrix matrix;

    @BeforeEach
    void boarded() {
        matrix = new StreamFaultMatrix(
                target,
                database,
                STUB,
                "sagemaker",
                StreamScript.error(503, "{\"message\": \"boarding is not streamed here\"}"));
    }

    @Test
    void aWholeStreamIsShownSentenceBySentenceAndStoredAsShown() {
        var request = matrix.wholeStream();

        assertThat(request.path()).isEqualTo("/endpoints/liminal-tgi/invocations-response-stream");
        assertThat(request.body()).contains("\"stream\":true");
    }

    @Test
    void aResetAfterTwoSentencesIsContinuedByOffline() {
        matrix.resetAfterTwoSentences();
    }

    @Test
    void aStallAfterTwoSentencesIsCutOffAndContinued() {
        matrix.stallAfterTwoSentences();
    }

    @Test
    void aMalformedChunkAfterTwoSentencesIsContinued() {
        matrix.malformedAfterTwoSentences();
    }

    @Test
    void invalidChoicesAtTheEndKeepTheWholePassageShown() {
        matrix.invalidChoicesAtTheEnd();
    }

    @Test
    void anUnsafeSentenceIsNeverShownAndTheRestIsWrittenByTheNextLink() {
        matrix.unsafeSentenceInTheMiddle();
    }
}
