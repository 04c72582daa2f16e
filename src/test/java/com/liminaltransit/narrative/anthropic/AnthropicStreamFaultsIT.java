package com.liminaltransit.narrative.anthropic;

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
 * A ride streamed from an Anthropic Messages API stub that fails mid-stream in every way issue 14 names, and in
 * Anthropic's own way (an {@code overloaded_error} event after two sentences): whatever the fault, the player's stop
 * ends whole and valid, and every sentence they were shown is still its beginning.
 */
@HelidonTest
@AddConfig(key = "liminal.limits.enabled", value = "false")
@AddConfig(key = "liminal.stream.enabled", value = "true")
@AddConfig(key = "liminal.stream.stall-timeout", value = "1s")
@AddConfig(key = "liminal.ai.chain", value = "anthropic,offline")
@AddConfig(key = "liminal.ai.anthropic.api-key", value = "sk-ant-test")
@AddConfig(key = "liminal.ai.anthropic.model", value = "claude-stub")
@AddConfig(
        key = "liminal.db.url",
        value = "jdbc:h2:mem:anthropic-stream-faults;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE")
class AnthropicStreamFaultsIT {

    private static final AnthropicStreamWire WIRE = new AnthropicStreamWire();

    /** Boarding is not streamed: the stub answers it as an overloaded Messages API would, so offline boards. */
    private static final StreamingStub STUB = StreamingStub.start(WIRE, StreamScript.good());

    @Inject
    private WebTarget target;

    @Inject
    private Database database;

    @AddConfigSource
    static ConfigSource server() {
        return MpConfigSources.create(
                Map.of("liminal.ai.anthropic.base-url", STUB.uri().toString()));
    }

    @AfterAll
    static void stop() {
        STUB.close();
    }

    private StreamFaultMatrix matrix;

    @BeforeEach
    void boarded() {
        WIRE.failWithErrorEvent(false);
        matrix = new StreamFaultMatrix(
                target,
                database,
                STUB,
                "anthropic",
                StreamScript.error(
                        529,
                        "{\"type\": \"error\", \"error\": {\"type\": \"overloaded_error\","
                                + " \"message\": \"boarding is not streamed here\"}}"));
    }

    @Test
    void aWholeStreamIsShownSentenceBySentenceAndStoredAsShown() {
        var request = matrix.wholeStream();

        assertThat(request.path()).isEqualTo("/v1/messages");
        assertThat(request.body()).contains("\"stream\":true").doesNotContain("tool");
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
    void anOverloadedErrorEventAfterTwoSentencesIsContinued() {
        WIRE.failWithErrorEvent(true); // Anthropic's own mid-stream failure, in place of an unreadable frame

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
