package com.liminaltransit.narrative.sagemaker;

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
 * The SageMaker provider through the real AWS SDK client (SigV4-signed with static test keys from the default
 * credentials chain) against an InvokeEndpoint stub serving a TGI container, with the faults of the contract.
 */
@HelidonTest
@AddConfig(key = "liminal.ai.chain", value = "sagemaker")
@AddConfig(key = "liminal.ai.sagemaker.endpoint-name", value = "liminal-tgi")
@AddConfig(key = "liminal.ai.sagemaker.region", value = "us-east-1")
@AddConfig(key = "liminal.ai.price.liminal-tgi.input", value = "0.0001")
@AddConfig(key = "liminal.ai.price.liminal-tgi.output", value = "0.0001")
@AddConfig(
        key = "liminal.db.url",
        value = "jdbc:h2:mem:sagemaker-contract;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE")
class SageMakerProviderIT extends ProviderContractIT {

    private static final VendorStub STUB = VendorStub.start(new TgiWire());

    static {
        // the default credentials chain reads these first: real SigV4 signing with keys that only the stub sees
        System.setProperty("aws.accessKeyId", "AKIDLIMINALTEST");
        System.setProperty("aws.secretAccessKey", "liminal-test-secret");
    }

    @AddConfigSource
    static ConfigSource stubAndLimits() {
        return limits(
                SageMakerProvider.NAME,
                SageMakerProvider.class,
                Map.of("liminal.ai.sagemaker.endpoint", STUB.uri().toString()));
    }

    @AfterAll
    static void stopStub() {
        STUB.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(CHECKS)
    void sageMakerKeepsTheProviderContract(String check) {
        check(new Vendor("sagemaker", STUB, SageMakerProviderIT::assertVendorRequest), check);
    }

    private static void assertVendorRequest(Recorded request) {
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/endpoints/liminal-tgi/invocations");
        assertThat(request.header("Authorization"))
                .startsWith("AWS4-HMAC-SHA256 Credential=AKIDLIMINALTEST/")
                .contains("/us-east-1/sagemaker/aws4_request")
                .contains("Signature=");
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        JsonObject body = Json.createReader(new StringReader(request.body())).readObject();
        assertThat(body.getString("inputs")).contains("\"passage\"").contains("Step aboard");
        assertThat(body.getJsonObject("parameters").getInt("max_new_tokens")).isEqualTo(900);
        assertThat(body.getJsonObject("parameters").getBoolean("return_full_text"))
                .isFalse();
    }
}
