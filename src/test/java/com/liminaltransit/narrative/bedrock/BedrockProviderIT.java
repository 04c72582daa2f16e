package com.liminaltransit.narrative.bedrock;

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

/**
 * The Bedrock provider through the real AWS SDK client (SigV4-signed with static test keys from the default
 * credentials chain) against a Converse stub, with the faults of the contract.
 */
@HelidonTest
@AddConfig(key = "liminal.ai.chain", value = "bedrock")
@AddConfig(key = "liminal.ai.bedrock.model-id", value = "anthropic.claude-3-haiku-20240307-v1:0")
@AddConfig(key = "liminal.ai.bedrock.region", value = "us-east-1")
@AddConfig(
        key = "liminal.db.url",
        value = "jdbc:h2:mem:bedrock-contract;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE")
class BedrockProviderIT extends ProviderContractIT {

    private static final VendorStub STUB = VendorStub.start(new ConverseWire());

    static {
        // the default credentials chain reads these first: real SigV4 signing with keys that only the stub sees
        System.setProperty("aws.accessKeyId", "AKIDLIMINALTEST");
        System.setProperty("aws.secretAccessKey", "liminal-test-secret");
    }

    @AddConfigSource
    static ConfigSource stubAndLimits() {
        return limits(
                BedrockProvider.NAME,
                BedrockProvider.class,
                Map.of("liminal.ai.bedrock.endpoint", STUB.uri().toString()));
    }

    @AfterAll
    static void stopStub() {
        STUB.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(CHECKS)
    void bedrockKeepsTheProviderContract(String check) {
        check(new Vendor("bedrock", STUB, BedrockProviderIT::assertVendorRequest), check);
    }

    private static void assertVendorRequest(Recorded request) {
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/model/anthropic.claude-3-haiku-20240307-v1%3A0/converse");
        assertThat(request.header("Authorization"))
                .startsWith("AWS4-HMAC-SHA256 Credential=AKIDLIMINALTEST/")
                .contains("/us-east-1/bedrock/aws4_request")
                .contains("Signature=");
        assertThat(request.header("X-Amz-Date")).isNotBlank();
        JsonObject body = Json.createReader(new StringReader(request.body())).readObject();
        assertThat(body.getJsonArray("system").getJsonObject(0).getString("text"))
                .contains("\"passage\"");
        assertThat(body.getJsonArray("messages").getJsonObject(0).getString("role"))
                .isEqualTo("user");
        assertThat(body.getJsonObject("inferenceConfig").getInt("maxTokens")).isEqualTo(900);
    }
}
