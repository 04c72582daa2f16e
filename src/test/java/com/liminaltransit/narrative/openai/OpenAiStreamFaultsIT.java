package com.liminaltransit.narrative.openai;

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

/** The fault matrix ({@link StreamFaultMatrix}) on an OpenAI-compatible server's {@code "stream": true} events. */
@HelidonTest
@AddConfig(key = "liminal.limits.enabled", value = "false")
@AddConfig(key = "liminal.stream.enabled", value = "true")
@AddConfig(key = "liminal.stream.stall-timeout", value = "1s")
@AddConfig(key = "liminal.ai.chain", value = "openai,offline")
@AddConfig(key = "liminal.ai.openai.model", value = "gpt-stub")
@AddConfig(
        key = "liminal.db.url",
        value = "jdbc:h2:mem:openai-stream-faults;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE")
class OpenAiStreamFaultsIT {

    private static final StreamingStub STUB = StreamingStub.start(new OpenAiStreamWire(), StreamScript.good());

    @Inject
    private WebTarget target;

    @Inject
    private Database database;

    @AddConfigSource
    static ConfigSource server() {
        return MpConfigSources.create(Map.of("liminal.ai.openai.base-url", STUB.uri() + "/v1"));
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
                "openai",
                StreamScript.error(503, "{\"error\": {\"message\": \"boarding is not streamed here\"}}"));
    }

    @Test
    void aWholeStreamIsShownSentenceBySentenceAndStoredAsShown() {
        var request = matrix.wholeStream();

        assertThat(request.path()).isEqualTo("/v1/chat/completions");
        assertThat(request.body()).contains("\"stream\":true").doesNotContain("json_object");
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
