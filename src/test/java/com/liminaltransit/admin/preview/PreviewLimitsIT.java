package com.liminaltransit.admin.preview;

import static org.assertj.core.api.Assertions.assertThat;

import com.liminaltransit.narrative.openai.OpenAiWire;
import com.liminaltransit.testing.PlayerClient;
import com.liminaltransit.testing.PlayerClient.Answer;
import com.liminaltransit.testing.VendorStub;
import com.liminaltransit.testing.Writers;
import io.helidon.config.mp.MpConfigSources;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * What a writer may spend through the preview is bounded: a model without a price is refused before any call (it
 * would be charged as free), and past {@code liminal.preview.per-writer} previews in the window the next one is a
 * {@code 429} that says when to come back, without a vendor call.
 */
@HelidonTest
@AddConfig(key = "liminal.db.url", value = PreviewLimitsIT.DB)
@AddConfig(key = "liminal.admin.users", value = "ada")
@AddConfig(key = "liminal.admin.ada.password-hash", value = Writers.ADA_HASH)
@AddConfig(key = "liminal.ai.openai.model", value = "gpt-stub")
@AddConfig(key = "liminal.ai.openai.api-key", value = "sk-test")
@AddConfig(key = "liminal.ai.price.gpt-stub.input", value = "0.001")
@AddConfig(key = "liminal.ai.price.gpt-stub.output", value = "0.002")
@AddConfig(key = "liminal.preview.per-writer", value = "2")
class PreviewLimitsIT {

    static final String DB = "jdbc:h2:mem:preview-limits;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";

    private static final VendorStub OPENAI = VendorStub.start(new OpenAiWire());

    @Inject
    private WebTarget target;

    @AddConfigSource
    static ConfigSource stubs() {
        return MpConfigSources.create(Map.of("liminal.ai.openai.base-url", OPENAI.uri() + "/v1"));
    }

    @AfterAll
    static void stopStub() {
        OPENAI.close();
    }

    @Test
    void aModelWithoutAPriceIsRefusedAndAWritersPreviewsAreBounded() {
        // given a signed-in writer
        PlayerClient writer = new PlayerClient(URI.create(target.getUri().toString()));
        Writers.signedIn(writer, Writers.ADA, Writers.ADA_PASSWORD);
        OPENAI.reset();

        // when the writer names a model that has no price
        Answer unpriced = run(writer, Map.of("seed", "3", "provider", "openai", "model", "gpt-unpriced"));

        // then it is a 400 naming the missing price, and the vendor was not asked
        assertThat(unpriced.status()).isEqualTo(400);
        assertThat(unpriced.body()).contains("liminal.ai.price.gpt-unpriced.input");
        assertThat(OPENAI.requests()).isEmpty();

        // when the writer runs two previews (the limit) and then a third
        assertThat(run(writer, Map.of("seed", "4", "provider", "openai")).status())
                .isEqualTo(200);
        assertThat(run(writer, Map.of("seed", "5", "provider", "openai")).status())
                .isEqualTo(200);
        Answer third = run(writer, Map.of("seed", "6", "provider", "openai"));

        // then the third waits its turn with a Retry-After, and cost nothing
        assertThat(third.status()).isEqualTo(429);
        assertThat(third.header("Retry-After")).isPresent();
        assertThat(OPENAI.requests()).hasSize(2);
    }

    private static Answer run(PlayerClient writer, Map<String, String> fields) {
        Map<String, String> form = new HashMap<>(fields);
        form.put("csrf", Writers.csrf(writer.get("/admin/preview").html()));
        return writer.postHx("/admin/preview/run", form);
    }
}
