package com.liminaltransit.safety;

import static com.liminaltransit.testing.VendorStub.status;
import static org.assertj.core.api.Assertions.assertThat;

import com.liminaltransit.narrative.openai.OpenAiWire;
import com.liminaltransit.persistence.Database;
import com.liminaltransit.testing.Management;
import com.liminaltransit.testing.PlayerClient;
import com.liminaltransit.testing.Rides;
import com.liminaltransit.testing.VendorStub;
import io.helidon.config.mp.MpConfigSources;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import java.net.URI;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code liminal.safety.on-unavailable=allow-rules-only}: while Comprehend is down the model's text is shown when the
 * local rules pass it, and still refused when they do not.
 */
@HelidonTest
@AddConfig(
        key = "liminal.db.url",
        value = "jdbc:h2:mem:safety-rules-only;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE")
@AddConfig(key = "liminal.ai.chain", value = "openai")
@AddConfig(key = "liminal.ai.openai.model", value = "llama-stub")
@AddConfig(key = "liminal.safety.checks", value = "rules,comprehend")
@AddConfig(key = "liminal.safety.on-unavailable", value = "allow-rules-only")
@AddConfig(key = "liminal.safety.comprehend.region", value = "us-east-1")
class AllowRulesOnlyIT {

    private static final VendorStub MODEL = VendorStub.start(new OpenAiWire());
    private static final VendorStub COMPREHEND = VendorStub.start(new ComprehendWire());

    static {
        System.setProperty("aws.accessKeyId", "AKIDLIMINALTEST");
        System.setProperty("aws.secretAccessKey", "liminal-test-secret");
    }

    @Inject
    private WebTarget target;

    @Inject
    private Database database;

    @AddConfigSource
    static ConfigSource stubs() {
        return MpConfigSources.create(Map.of(
                "liminal.ai.openai.base-url",
                MODEL.uri() + "/v1",
                "liminal.safety.comprehend.endpoint",
                COMPREHEND.uri().toString()));
    }

    @AfterAll
    static void stopStubs() {
        MODEL.close();
        COMPREHEND.close();
    }

    @BeforeEach
    void comprehendIsDown() {
        MODEL.reset();
        COMPREHEND.reset();
        COMPREHEND.otherwise(status(503));
    }

    @Test
    void textThatPassesTheRulesIsShownWhileTheClassifierIsDown() {
        String ride = Rides.board(new PlayerClient(URI.create(target.getUri().toString())));

        assertThat(SafetyRides.stop(database, ride, 0)).isEqualTo("openai | -");
        assertThat(Management.client().get("/metrics").body())
                .containsPattern(
                        "safety_checks_total\\{[^}]*language=\"en\"[^}]*layer=\"comprehend\"[^}]*result=\"unavailable\"");
    }

    @Test
    void textTheRulesRefuseIsStillRefused() {
        MODEL.then(VendorStub.answering(UnsafeText.all().get(5).json()));

        String ride = Rides.board(new PlayerClient(URI.create(target.getUri().toString())));

        assertThat(SafetyRides.stop(database, ride, 0)).isEqualTo("offline | openai: refused: rules: email (passage)");
    }
}
