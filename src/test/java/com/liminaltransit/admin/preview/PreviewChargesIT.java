package com.liminaltransit.admin.preview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.liminaltransit.narrative.chain.AiBudget;
import com.liminaltransit.narrative.chain.ChainProviders;
import com.liminaltransit.narrative.openai.OpenAiWire;
import com.liminaltransit.persistence.Database;
import com.liminaltransit.persistence.Jdbc;
import com.liminaltransit.testing.PlayerClient;
import com.liminaltransit.testing.PlayerClient.Answer;
import com.liminaltransit.testing.VendorStub;
import com.liminaltransit.testing.Writers;
import io.helidon.config.mp.MpConfigSources;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.AddBean;
import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import java.math.RoundingMode;
import java.net.URI;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A preview goes through the chain's own path: what the vendor is paid lands on the spend ledger as {@code preview}
 * and counts against the daily budget, and a provider whose model does not write the language asked is skipped, the
 * column saying why.
 */
@HelidonTest
@AddBean(ChainProviders.EnglishOnly.class)
@AddConfig(key = "liminal.db.url", value = PreviewChargesIT.DB)
@AddConfig(key = "liminal.admin.users", value = "ada")
@AddConfig(key = "liminal.admin.ada.password-hash", value = Writers.ADA_HASH)
@AddConfig(key = "liminal.ai.openai.model", value = "gpt-stub")
@AddConfig(key = "liminal.ai.openai.api-key", value = "sk-test")
@AddConfig(key = "liminal.ai.price.gpt-stub.input", value = "0.001")
@AddConfig(key = "liminal.ai.price.gpt-stub.output", value = "0.002")
@AddConfig(key = "liminal.ai.price.gpt-stub-large.input", value = "0.01")
@AddConfig(key = "liminal.ai.price.gpt-stub-large.output", value = "0.03")
@AddConfig(key = "liminal.ai.budget-refresh", value = "0s")
class PreviewChargesIT {

    static final String DB = "jdbc:h2:mem:preview-charges;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";

    private static final VendorStub OPENAI = VendorStub.start(new OpenAiWire());

    @Inject
    private WebTarget target;

    @Inject
    private Database database;

    @Inject
    private AiBudget budget;

    @AddConfigSource
    static ConfigSource stubs() {
        return MpConfigSources.create(Map.of("liminal.ai.openai.base-url", OPENAI.uri() + "/v1"));
    }

    @AfterAll
    static void stopStub() {
        OPENAI.close();
    }

    @BeforeEach
    void resetStub() {
        OPENAI.reset();
    }

    @Test
    void aPreviewIsChargedToTheLedgerAndTheBudget() {
        // given
        PlayerClient writer = signedIn();
        double before = budget.spentToday();

        // when a writer previews openai with its configured model and with a dearer one
        Answer configured = run(writer, Map.of("seed", "11", "provider", "openai"));
        Answer named = run(writer, Map.of("seed", "12", "provider", "openai", "model", "gpt-stub-large"));

        // then each call is a preview row, priced by the model asked, and the budget grew by exactly that
        assertThat(configured.html().select(".verdict").text()).isEqualTo("Valid");
        assertThat(named.html().select(".verdict").text()).isEqualTo("Valid");
        List<String> rows = previewRows();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).startsWith("openai|gpt-stub").endsWith("|0.000674|valid");
        assertThat(rows.get(1)).isEqualTo("openai|gpt-stub-large|0.008050|valid");
        assertThat(budget.spentToday()).isCloseTo(before + 0.000674 + 0.008050, within(1e-9));
        assertThat(budget.spentToday()).isEqualTo(ledgerSum());
    }

    @Test
    void aProviderThatDoesNotWriteTheLanguageAskedIsSkippedAndSaysWhy() {
        // given
        PlayerClient writer = signedIn();
        int before = ChainProviders.EnglishOnly.CALLS.get();

        // when the writer previews a fresh seed in Japanese on the English-only provider and on offline
        Document page = writer.get("/admin/preview?seed=5&lang=ja&provider=english-only&provider=offline")
                .html();
        Answer skipped = run(writer, Map.of("seed", "5", "lang", "ja", "provider", "english-only"));
        Answer offline = run(writer, Map.of("seed", "5", "lang", "ja", "provider", "offline"));

        // then the columns carry the language; the English-only column is skipped, not called, and says why
        assertThat(page.select("#columns .column input[name=lang]"))
                .extracting(input -> input.val())
                .containsExactly("ja", "ja");
        assertThat(skipped.html().select(".result").attr("data-status")).isEqualTo("skipped");
        assertThat(skipped.html().select(".verdict").text()).isEqualTo("Skipped: does not write ja");
        assertThat(ChainProviders.EnglishOnly.CALLS.get()).isEqualTo(before);
        // and offline, the last link of every chain, still writes: in English, which the column says players of a
        // Japanese ride read as it is, since no Amazon Translate is configured here
        assertThat(offline.html().select(".verdict").text())
                .startsWith("Valid; written in en, which players of a ja ride read as it is")
                .contains("liminal.translate.region");
        assertThat(offline.html().select(".result .passage").attr("lang")).isEqualTo("en");
    }

    @Test
    void aLanguageThatIsNoTagIsAClientError() {
        PlayerClient writer = signedIn();

        assertThat(writer.get("/admin/preview?seed=5&lang=%3Cscript%3E").status())
                .isEqualTo(400);
        assertThat(run(writer, Map.of("seed", "5", "lang", "j a", "provider", "offline"))
                        .status())
                .isEqualTo(400);
    }

    private Answer run(PlayerClient writer, Map<String, String> fields) {
        Map<String, String> form = new HashMap<>(fields);
        form.put("csrf", Writers.csrf(writer.get("/admin/preview").html()));
        return writer.postHx("/admin/preview/run", form);
    }

    private PlayerClient signedIn() {
        PlayerClient writer = new PlayerClient(URI.create(target.getUri().toString()));
        Writers.signedIn(writer, Writers.ADA, Writers.ADA_PASSWORD);
        return writer;
    }

    private List<String> previewRows() {
        return Jdbc.read(database.dataSource(), connection -> {
            try (PreparedStatement query = connection.prepareStatement("""
                    select provider, model, cost_usd, outcome from spend_ledger
                    where purpose = 'preview' and provider = 'openai' order by id""");
                    ResultSet row = query.executeQuery()) {
                List<String> rows = new ArrayList<>();
                while (row.next()) {
                    rows.add(row.getString(1) + "|" + row.getString(2) + "|"
                            + row.getBigDecimal(3).setScale(6, RoundingMode.HALF_UP) + "|"
                            + row.getString(4));
                }
                return rows;
            }
        });
    }

    private double ledgerSum() {
        return Jdbc.read(database.dataSource(), connection -> {
            try (PreparedStatement query =
                            connection.prepareStatement("select coalesce(sum(cost_usd), 0) from spend_ledger");
                    ResultSet row = query.executeQuery()) {
                row.next();
                return row.getDouble(1);
            }
        });
    }
}
