package com.liminaltransit.narrative.bedrock;

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
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A ride streamed from Bedrock's ConverseStream (the real SDK async client reading binary event-stream frames) that
 * fails mid-stream in every way issue 14 names: whatever the fault, the player's stop ends whole and valid, and every
 * sentence they were shown is still its beginning.
 */
@HelidonTest
@AddConfig(key = "liminal.limits.enabled", value = "false")
@AddConfig(key = "liminal.stream.enabled", value = "true")
@AddConfig(key = "liminal.stream.stall-timeout", value = "1s")
@AddConfig(key = "liminal.ai.chain", value = "bedrock,offline")
@AddConfig(key = "liminal.ai.bedrock.model-id", value = "anthropic.claude-3-haiku-20240307-v1:0")
@AddConfig(key = "liminal.ai.bedrock.region", value = "us-east-1")
@AddConfig(
        key = "liminal.db.url",
        value = "jdbc:h2:mem:bedrock-stream-faults;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE")
class BedrockStreamFaultsIT {

    /** Boarding is not streamed: the stub fails the plain Converse call, so offline boards. */
    private static final StreamingStub STUB = StreamingStub.start(new BedrockStreamWire(), StreamScript.good());

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
                Map.of("liminal.ai.bedrock.endpoint", STUB.uri().toString()));
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
                "bedrock",
                StreamScript.error(
                        503,
                        "{\"__type\": \"ServiceUnavailableException\", \"message\": \"boarding is not streamed"
                                + " here\"}"));
    }

    @Test
    void aWholeStreamIsShownSentenceBySentenceAndStoredAsShown() {
        var request = matrix.wholeStream();

        assertThat(request.path()).endsWith("/converse-stream");
        assertThat(request.body()).doesNotContain("toolConfig");
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
