package com.liminaltransit.narrative.vendor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.liminaltransit.narrative.ProviderUnavailableException;
import com.liminaltransit.narrative.openai.OpenAiWire;
import com.liminaltransit.testing.VendorStub;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** A vendor body is read against a cap that follows the tokens asked: a flood is refused as it arrives. */
class VendorHttpIT {

    private static final VendorStub STUB = VendorStub.start(new OpenAiWire());

    @AfterAll
    static void stopStub() {
        STUB.close();
    }

    @Test
    void aBodyLargerThanTheTokensAskedCouldFillIsRefused() {
        // given a vendor answering 400 KB to a call that asked for 900 tokens (cap 64 KB)
        String flood = "{\"passage\": \"" + "x".repeat(400_000) + "\"}";
        STUB.reset();
        STUB.then(VendorStub.answering(flood));
        try (VendorHttp http = new VendorHttp("openai", Duration.ofSeconds(10), 900)) {
            // when / then
            assertThatThrownBy(() -> http.post(
                            VendorHttp.endpoint(STUB.uri().toString(), "/v1/chat/completions"),
                            Map.of(),
                            Map.of("model", "gpt-stub"),
                            ChatCompletions.Response.class))
                    .isInstanceOf(ProviderUnavailableException.class)
                    .hasMessageContaining("over 65536 bytes");
        }
    }

    @Test
    void anOrdinaryAnswerStillArrives() {
        STUB.reset();
        STUB.then(VendorStub.ok());
        try (VendorHttp http = new VendorHttp("openai", Duration.ofSeconds(10), 900)) {
            ChatCompletions.Response reply = http.post(
                    VendorHttp.endpoint(STUB.uri().toString(), "/v1/chat/completions"),
                    Map.of(),
                    Map.of("model", "gpt-stub"),
                    ChatCompletions.Response.class);
            assertThat(reply).isNotNull();
        }
    }
}
