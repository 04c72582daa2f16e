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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Past the daily budget, a preview of a paid provider is refused with no vendor call, unless the writer confirms
 * spending past it, which is logged with the writer's name; {@code offline} previews are free and always run.
 */
@HelidonTest
@AddConfig(
        key = "liminal.db.url",
        value = "jdbc:h2:mem:preview-budget;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE")
@AddConfig(key = "liminal.admin.users", value = "ada")
@AddConfig(key = "liminal.admin.ada.password-hash", value = Writers.ADA_HASH)
@AddConfig(key = "liminal.ai.openai.model", value = "gpt-stub")
@AddConfig(key = "liminal.ai.openai.api-key", value = "sk-test")
@AddConfig(key = "liminal.ai.price.gpt-stub.input", value = "0.001")
@AddConfig(key = "liminal.ai.price.gpt-stub.output", value = "0.002")
@AddConfig(key = "liminal.ai.daily-budget-usd", value = "0.0005")
@AddConfig(key = "liminal.ai.budget-refresh", value = "0s")
class PreviewBudgetIT {

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
    void pastTheBudgetPaidPreviewsNeedAConfirmationThatIsLogged() {
        // given a writer whose first preview spends the day's budget ($0.000674 of $0.0005)
        PlayerClient writer = new PlayerClient(URI.create(target.getUri().toString()));
        Writers.signedIn(writer, Writers.ADA, Writers.ADA_PASSWORD);
        assertThat(verdict(run(writer, Map.of("seed", "1", "provider", "openai"))))
                .isEqualTo("Valid");
        assertThat(OPENAI.requests()).hasSize(1);

        // when the writer previews again, without and with the confirmation, and on offline
        Answer refused = run(writer, Map.of("seed", "2", "provider", "openai"));
        List<String> logged = new ArrayList<>();
        Handler handler = capture(logged);
        Logger log = Logger.getLogger(Previewer.class.getName());
        log.addHandler(handler);
        Answer confirmed;
        try {
            confirmed = run(writer, Map.of("seed", "3", "provider", "openai", "past-budget", "on"));
        } finally {
            log.removeHandler(handler);
        }
        Answer offline = run(writer, Map.of("seed", "4", "provider", "offline"));

        // then the refusal made no call, the confirmed preview did and named the writer, offline ran
        assertThat(refused.html().select(".result").attr("data-status")).isEqualTo("refused");
        assertThat(verdict(refused)).startsWith("The daily AI budget is spent");
        assertThat(verdict(confirmed)).isEqualTo("Valid");
        assertThat(OPENAI.requests()).hasSize(2);
        assertThat(logged)
                .singleElement()
                .satisfies(line ->
                        assertThat(line).contains("ada").contains("openai").contains("past the spent daily AI budget"));
        assertThat(verdict(offline)).isEqualTo("Valid");
        // and the page says the budget is spent and offers the confirmation
        var page = writer.get("/admin/preview?seed=5&provider=openai").html();
        assertThat(page.select("#budget-spent")).hasSize(1);
        assertThat(page.select("#past-budget")).hasSize(1);
    }

    private static String verdict(Answer column) {
        return column.html().select(".verdict").text();
    }

    private static Answer run(PlayerClient writer, Map<String, String> fields) {
        Map<String, String> form = new HashMap<>(fields);
        form.put("csrf", Writers.csrf(writer.get("/admin/preview").html()));
        return writer.postHx("/admin/preview/run", form);
    }

    private static Handler capture(List<String> lines) {
        return new Handler() {
            @Override
            public void publish(LogRecord entry) {
                synchronized (lines) {
                    lines.add(entry.getMessage());
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
    }
}
