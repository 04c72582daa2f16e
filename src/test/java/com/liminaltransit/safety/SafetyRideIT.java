package com.liminaltransit.safety;

import static org.assertj.core.api.Assertions.assertThat;

import com.liminaltransit.narrative.anthropic.AnthropicWire;
import com.liminaltransit.narrative.openai.OpenAiWire;
import com.liminaltransit.persistence.Database;
import com.liminaltransit.persistence.Jdbc;
import com.liminaltransit.testing.Management;
import com.liminaltransit.testing.PlayerClient;
import com.liminaltransit.testing.Rides;
import com.liminaltransit.testing.VendorStub;
import com.liminaltransit.testing.Writers;
import io.helidon.config.mp.MpConfigSources;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import java.net.URI;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A player boards with a model that writes unsafe text first in the chain ({@code anthropic}, a Messages stub) and a
 * well-behaved one after it ({@code openai}, a Chat Completions stub), every check on: the local rules, Comprehend
 * and a guardrail (their own wire stubs, through the real SDK clients). Each kind of unsafe text is refused by the
 * layer that should, the player reads the next provider's passage, the stop records why, the writers' page lists
 * the block with its text escaped behind a click, and the metrics count it.
 */
@HelidonTest
@AddConfig(
        key = "liminal.db.url",
        value = "jdbc:h2:mem:safety-ride;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE")
@AddConfig(key = "liminal.ai.chain", value = "anthropic,openai")
@AddConfig(key = "liminal.ai.anthropic.model", value = "claude-stub")
@AddConfig(key = "liminal.ai.anthropic.api-key", value = "sk-ant-test")
@AddConfig(key = "liminal.ai.openai.model", value = "llama-stub")
@AddConfig(key = "liminal.safety.checks", value = "rules,comprehend,guardrail")
@AddConfig(key = "liminal.safety.comprehend.region", value = "us-east-1")
@AddConfig(key = "liminal.safety.guardrail.id", value = "gr-night1")
@AddConfig(key = "liminal.safety.guardrail.version", value = "2")
@AddConfig(key = "liminal.safety.guardrail.region", value = "us-east-1")
@AddConfig(key = "liminal.safety.guardrail.languages", value = "en,es,fr,de,ja")
@AddConfig(key = "liminal.admin.users", value = "ada")
@AddConfig(key = "liminal.admin.ada.password-hash", value = Writers.ADA_HASH)
class SafetyRideIT {

    private static final VendorStub UNSAFE_MODEL = VendorStub.start(new AnthropicWire());
    private static final VendorStub GOOD_MODEL = VendorStub.start(new OpenAiWire());
    private static final VendorStub COMPREHEND = VendorStub.start(new ComprehendWire());
    private static final VendorStub GUARDRAIL = VendorStub.start(new GuardrailWire());

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
                "liminal.ai.anthropic.base-url", UNSAFE_MODEL.uri().toString(),
                "liminal.ai.openai.base-url", GOOD_MODEL.uri() + "/v1",
                "liminal.safety.comprehend.endpoint", COMPREHEND.uri().toString(),
                "liminal.safety.guardrail.endpoint", GUARDRAIL.uri().toString()));
    }

    @AfterAll
    static void stopStubs() {
        List.of(UNSAFE_MODEL, GOOD_MODEL, COMPREHEND, GUARDRAIL).forEach(VendorStub::close);
    }

    @BeforeEach
    void resetStubs() {
        List.of(UNSAFE_MODEL, GOOD_MODEL, COMPREHEND, GUARDRAIL).forEach(VendorStub::reset);
        COMPREHEND.otherwise(ComprehendWire.judging());
        GUARDRAIL.otherwise(GuardrailWire.judging());
    }

    static List<UnsafeText> unsafe() {
        return UnsafeText.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unsafe")
    void unsafeTextIsRefusedAndThePlayerReadsTheNextProvidersPassage(UnsafeText text) {
        // given a model that writes the unsafe text, and a well-behaved one after it
        UNSAFE_MODEL.then(VendorStub.answering(text.json()));
        PlayerClient player = new PlayerClient(URI.create(target.getUri().toString()));

        // when a player boards
        String ride = Rides.board(player);
        Document page = player.get("/stories/" + ride).html();

        // then the player reads the next provider's passage, with no error
        assertThat(page.select("#journey .passage").eachText())
                .singleElement()
                .asString()
                .startsWith("The stub train");
        // and the stop records that the first model's answer was refused, by which layer and for what
        assertThat(stop(ride))
                .startsWith("openai | anthropic: refused: " + text.layer() + ": ")
                .contains(text.category());
        if (text.category().equals("hate-speech")) {
            // both classifiers read it, at once, and both findings are kept
            assertThat(stop(ride)).contains("comprehend: hate-speech 0.94 (passage)", "guardrail: hate 1.00 (text)");
        }
        // and the block is kept for the writers, refused, with the text
        assertThat(lastBlock()).isEqualTo(String.join(" | ", "anthropic", text.layer(), "refused", ride, "0"));
        // the rules refuse before any classifier is paid: the classifiers only read the next provider's text
        List<String> judged = COMPREHEND.requests().stream()
                .map(request -> ComprehendWire.segments(request).getFirst())
                .toList();
        if (text.layer().equals("rules")) {
            assertThat(judged).singleElement().asString().startsWith("The stub train");
        } else {
            assertThat(judged).hasSize(2).first().asString().startsWith("The night train leans");
            assertThat(GUARDRAIL.requests()).hasSize(2);
        }
    }

    @Test
    void aSafeAnswerIsShownAfterEveryLayerPassedIt() {
        // given a model that writes a calm stop
        UNSAFE_MODEL.then(VendorStub.ok());
        PlayerClient player = new PlayerClient(URI.create(target.getUri().toString()));

        // when a player boards
        String ride = Rides.board(player);

        // then the first model's passage is shown, after Comprehend and the guardrail judged it, each once
        assertThat(stop(ride)).isEqualTo("anthropic | -");
        assertThat(COMPREHEND.requests()).hasSize(1);
        assertThat(GUARDRAIL.requests()).hasSize(1);
        assertThat(GuardrailWire.texts(GUARDRAIL.requests().getFirst()))
                .first()
                .asString()
                .startsWith("The stub train");
    }

    @Test
    void theWritersPageShowsCoverageBlocksAndCountsWithTheTextEscaped() {
        // given a refused answer whose text carries characters that must be escaped
        UNSAFE_MODEL.then(VendorStub.answering(UnsafeText.of(
                        "e-mail",
                        "rules",
                        "email",
                        "Tom & Jerry's \"last\" carriage: write to ruth.vale@example.com before dawn, it says.",
                        "Keep it",
                        "Leave it",
                        "A card.")
                .json()));
        Rides.board(new PlayerClient(URI.create(target.getUri().toString())));
        PlayerClient writer = new PlayerClient(URI.create(target.getUri().toString()));
        Writers.signedIn(writer, Writers.ADA, Writers.ADA_PASSWORD);

        // when the writer opens the safety page
        PlayerClient.Answer answer = writer.get("/admin/safety");
        Document page = answer.html();

        // then the coverage table has every offered language, each covered by the three checks
        assertThat(answer.status()).isEqualTo(200);
        assertThat(page.select("#coverage tbody tr").eachAttr("data-language"))
                .containsExactly("en", "es", "fr", "de", "ja");
        assertThat(page.select("#coverage tr[data-language=en] td").eachText())
                .startsWith("checks", "checks", "checks");
        assertThat(page.select("#coverage tr[data-language=ja] td").eachText())
                .startsWith("checks", "configured, does not cover", "checks");
        assertThat(page.selectFirst("#safety-checks").text()).isEqualTo("rules, comprehend, guardrail");
        // and the newest block first, its text behind a click, escaped, the e-mail address masked
        Element newest = page.selectFirst("#recent tr.block");
        assertThat(newest.select("td").eachText()).contains("anthropic", "rules", "email", "next provider");
        Element text = newest.selectFirst("details pre.refused-text");
        assertThat(text.text()).startsWith("Tom & Jerry's \"last\" carriage").contains("r••••••••@example.com");
        assertThat(answer.body()).contains("Tom &amp; Jerry&#39;s &quot;last&quot; carriage");
        // and today's refusals are counted
        assertThat(page.select("#per-day tr.day")).isNotEmpty();
    }

    @Test
    void metricsCountChecksAndBlocksByLayerCategoryAndLanguage() {
        // given one refused answer of each layer
        PlayerClient player = new PlayerClient(URI.create(target.getUri().toString()));
        UNSAFE_MODEL.then(VendorStub.answering(UnsafeText.all().get(5).json()));
        Rides.board(player);
        UNSAFE_MODEL.then(VendorStub.answering(UnsafeText.all().get(11).json()));
        Rides.board(player);

        // then the management socket counts them
        String metrics = Management.client().get("/metrics").body();
        assertThat(metrics)
                .containsPattern(
                        "safety_blocks_total\\{[^}]*category=\"email\"[^}]*language=\"en\"[^}]*layer=\"rules\"")
                .containsPattern(
                        "safety_blocks_total\\{[^}]*category=\"topic:weapons-instructions\"[^}]*layer=\"guardrail\"")
                .containsPattern(
                        "safety_checks_total\\{[^}]*language=\"en\"[^}]*layer=\"comprehend\"[^}]*result=\"pass\"")
                .contains("safety_latency_seconds")
                .containsPattern(
                        "narrative_fallbacks_total\\{[^}]*provider=\"anthropic\"[^}]*reason=\"SafetyRefused\"");
    }

    private String stop(String ride) {
        return Jdbc.read(database.dataSource(), connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "select provider, fallback_reason from passage where ride_id = ? and stop = 0")) {
                query.setString(1, ride);
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    String reason = row.getString(2);
                    return row.getString(1) + " | " + (reason == null ? "-" : reason);
                }
            }
        });
    }

    private String lastBlock() {
        return Jdbc.read(database.dataSource(), connection -> {
            try (PreparedStatement query = connection.prepareStatement("""
                    select provider, layer, action, ride_id, stop from safety_block order by id desc limit 1""")) {
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    return String.join(
                            " | ",
                            row.getString(1),
                            row.getString(2),
                            row.getString(3),
                            row.getString(4),
                            Integer.toString(row.getInt(5)));
                }
            }
        });
    }
}
