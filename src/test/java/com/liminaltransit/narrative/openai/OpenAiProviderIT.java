package com.liminaltransit.narrative.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.liminaltransit.narrative.vendor.ProviderContractIT;
import com.liminaltransit.testing.VendorStub;
import com.liminaltransit.testing.VendorStub.Recorded;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The OpenAI provider against a Chat Completions stub, with the faults of the contract. */
@HelidonTest
@AddConfig(key = "liminal.ai.chain", value = "openai")
@AddConfig(key = "liminal.ai.openai.api-key", value = "sk-test-key")
@AddConfig(key = "liminal.ai.openai.model", value = "gpt-stub")
@AddConfig(key = "liminal.ai.price.gpt-stub.input", value = "0.001")
@AddConfig(key = "liminal.ai.price.gpt-stub.output", value = "0.002")
@AddConfig(
        key = "liminal.db.url",
        value = "jdbc:h2:mem:openai-contract;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE")
class OpenAiProviderIT extends ProviderContractIT {

    private static final VendorStub STUB = VendorStub.start(new OpenAiWire());

    @AddConfigSource
    static ConfigSource stubAndLimits() {
        return limits(
                OpenAiProvider.NAME, OpenAiProvider.class, Map.of("liminal.ai.openai.base-url", STUB.uri() + "/v1"));
    }

    @AfterAll
    static void stopStub() {
        STUB.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(CHECKS)
    void openAiKeepsTheProviderContract(String check) {
        check(new Vendor("openai", STUB, OpenAiProviderIT::assertVendorRequest), check);
    }

    private static void assertVendorRequest(Recorded request) {
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/v1/chat/completions");
        assertThat(request.header("Authorization")).isEqualTo("Bearer sk-test-key");
        JsonObject body = Json.createReader(new StringReader(request.body())).readObject();
        assertThat(body.getString("model")).isEqualTo("gpt-stub");
        assertThat(body.getJsonObject("response_format").getString("type")).isEqualTo("json_object");
        assertThat(body.getJsonArray("messages").getJsonObject(0).getString("role"))
                .isEqualTo("system");
        assertThat(body.getJsonArray("messages").getJsonObject(1).getString("content"))
                .contains("Step aboard");
    }
}
