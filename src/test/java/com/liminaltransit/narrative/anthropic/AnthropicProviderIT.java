package com.liminaltransit.narrative.anthropic;

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

/** The Anthropic provider against a Messages API stub, with the faults of the contract. */
@HelidonTest
@AddConfig(key = "liminal.ai.chain", value = "anthropic")
@AddConfig(key = "liminal.ai.anthropic.api-key", value = "sk-ant-test")
@AddConfig(key = "liminal.ai.anthropic.model", value = "claude-stub")
@AddConfig(key = "liminal.ai.price.claude-stub.input", value = "0.0008")
@AddConfig(key = "liminal.ai.price.claude-stub.output", value = "0.004")
@AddConfig(
        key = "liminal.db.url",
        value = "jdbc:h2:mem:anthropic-contract;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE")
class AnthropicProviderIT extends ProviderContractIT {

    private static final VendorStub STUB = VendorStub.start(new AnthropicWire());

    @AddConfigSource
    static ConfigSource stubAndLimits() {
        return limits(
                AnthropicProvider.NAME,
                AnthropicProvider.class,
                Map.of("liminal.ai.anthropic.base-url", STUB.uri().toString()));
    }

    @AfterAll
    static void stopStub() {
        STUB.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(CHECKS)
    void anthropicKeepsTheProviderContract(String check) {
        check(new Vendor("anthropic", STUB, AnthropicProviderIT::assertVendorRequest), check);
    }

    private static void assertVendorRequest(Recorded request) {
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/v1/messages");
        assertThat(request.header("x-api-key")).isEqualTo("sk-ant-test");
        assertThat(request.header("anthropic-version")).isEqualTo("2023-06-01");
        JsonObject body = Json.createReader(new StringReader(request.body())).readObject();
        assertThat(body.getString("model")).isEqualTo("claude-stub");
        assertThat(body.getString("system")).contains("\"passage\"");
        assertThat(body.getJsonObject("tool_choice").getString("name")).isEqualTo("write_stop");
        assertThat(body.getJsonArray("tools")
                        .getJsonObject(0)
                        .getJsonObject("input_schema")
                        .getJsonArray("required"))
                .hasSize(4);
        assertThat(body.getJsonArray("messages").getJsonObject(0).getString("role"))
                .isEqualTo("user");
    }
}
