package com.liminaltransit.admin.preview;

import static com.liminaltransit.testing.VendorStub.contractBreaking;
import static com.liminaltransit.testing.VendorStub.status;
import static org.assertj.core.api.Assertions.assertThat;

import com.liminaltransit.admin.prompts.PromptStore;
import com.liminaltransit.narrative.PromptBuilder;
import com.liminaltransit.narrative.StoryContext;
import com.liminaltransit.narrative.anthropic.AnthropicWire;
import com.liminaltransit.narrative.chain.ProviderChain;
import com.liminaltransit.narrative.chain.StepResult;
import com.liminaltransit.narrative.openai.OpenAiWire;
import com.liminaltransit.testing.PlayerClient;
import com.liminaltransit.testing.PlayerClient.Answer;
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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The preview against local OpenAI and Anthropic stubs (speaking their real wire formats), with the players'
 * chain left at {@code offline}: the exact prompt and its token count, columns run side by side, the verdict of a
 * contract-breaking answer, unconfigured providers shown disabled, and not one byte written into any ride.
 */
@HelidonTest
@AddConfig(key = "liminal.db.url", value = PreviewIT.DB)
@AddConfig(key = "liminal.admin.users", value = "ada")
@AddConfig(key = "liminal.admin.ada.password-hash", value = Writers.ADA_HASH)
@AddConfig(key = "liminal.ai.openai.model", value = "gpt-stub")
@AddConfig(key = "liminal.ai.openai.api-key", value = "sk-test")
@AddConfig(key = "liminal.ai.anthropic.model", value = "claude-stub")
@AddConfig(key = "liminal.ai.anthropic.api-key", value = "sk-ant-test")
@AddConfig(key = "liminal.ai.price.claude-stub-opus.input", value = "0.015")
@AddConfig(key = "liminal.ai.price.claude-stub-opus.output", value = "0.075")
@AddConfig(key = "liminal.ai.price.gpt-stub.input", value = "0.001")
@AddConfig(key = "liminal.ai.price.gpt-stub.output", value = "0.002")
@AddConfig(key = "liminal.ai.price.gpt-stub-large.input", value = "0.01")
@AddConfig(key = "liminal.ai.price.gpt-stub-large.output", value = "0.03")
class PreviewIT {

    static final String DB = "jdbc:h2:mem:preview-it;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";

    private static final VendorStub OPENAI = VendorStub.start(new OpenAiWire());
    private static final VendorStub ANTHROPIC = VendorStub.start(new AnthropicWire());

    @Inject
    private WebTarget target;

    @Inject
    private PromptStore store;

    @Inject
    private ProviderChain chain;

    @AddConfigSource
    static ConfigSource stubs() {
        return MpConfigSources.create(Map.of(
                "liminal.ai.openai.base-url",
                OPENAI.uri() + "/v1",
                "liminal.ai.anthropic.base-url",
                ANTHROPIC.uri().toString()));
    }

    @AfterAll
    static void stopStubs() {
        OPENAI.close();
        ANTHROPIC.close();
    }

    @BeforeEach
    void resetStubs() {
        OPENAI.reset();
        ANTHROPIC.reset();
    }

    @Test
    void previewOfARideStopShowsTheExactPromptWithItsTokenCount() {
        // given a ride with one choice made
        String ride = rideWithOneChoice();
        PlayerClient writer = signedIn();
        // when the writer previews stop 1
        Document page = writer.get("/admin/preview?ride=" + ride + "&stop=1").html();
        // then the prompt carries the ride's first passage and the choice, and a token count
        assertThat(page.select("#prompt-user").text())
                .contains("Write stop 2 of the ride")
                .contains("The passenger's choice:")
                .doesNotContain("{{");
        assertThat(page.select("#prompt-system").text())
                .contains("Liminal Transit")
                .doesNotContain("{{");
        assertThat(page.select("#prompt-tokens").text()).matches("≈ \\d+ tokens");
        assertThat(page.select("#ride-steps tr[data-stop]")).hasSize(2);
        assertThat(page.select("#ride-steps .prompt-version").eachText()).containsOnly("1");
    }

    @Test
    void twoProvidersRunSideBySideEachColumnItsOwnRequest() {
        // given a fresh seed and a new prompt version the writer has not published
        PlayerClient writer = signedIn();
        int version = store.save(
                PromptBuilder.shipped().system(),
                PromptBuilder.shipped().step() + "\nPREVIEW-MARKER-7",
                "preview",
                "ada");
        // when the page is opened with two providers
        Document page = writer.get("/admin/preview?seed=42&version=" + version + "&provider=openai&provider=anthropic")
                .html();
        // then there are two columns, each a form htmx posts on load, with an indicator
        List<Element> columns = page.select("#columns .column");
        assertThat(columns).extracting(c -> c.attr("data-provider")).containsExactly("openai", "anthropic");
        for (Element column : columns) {
            Element form = column.selectFirst("form");
            assertThat(form.attr("hx-post")).isEqualTo("/admin/preview/run");
            assertThat(form.attr("hx-trigger")).isEqualTo("load");
            assertThat(form.select(".htmx-indicator")).hasSize(1);
        }
        assertThat(page.select("#prompt-user").text()).contains("PREVIEW-MARKER-7");
        // when htmx posts each column
        Answer openai = writer.postHx("/admin/preview/run", fields(columns.get(0)));
        Answer anthropic = writer.postHx("/admin/preview/run", fields(columns.get(1)));
        // then each answers its own fragment with passage, choices, verdict, tokens, cost and latency
        for (Answer column : List.of(openai, anthropic)) {
            assertThat(column.status()).isEqualTo(200);
            assertThat(column.body()).doesNotContain("<html");
            Document result = column.html();
            assertThat(result.select(".passage").text()).startsWith("The stub train glides");
            assertThat(result.select(".choice-list li")).hasSize(3);
            assertThat(result.select(".verdict").text()).isEqualTo("Valid");
            assertThat(result.select(".tokens").text()).matches("\\d+ / \\d+");
            assertThat(result.select(".latency").text()).matches("\\d+ ms");
        }
        assertThat(openai.html().select(".tokens").text()).isEqualTo("412 / 131");
        assertThat(openai.html().select(".cost").text()).isEqualTo("$0.000674");
        // and each vendor was sent the unpublished version's step template
        assertThat(OPENAI.requests())
                .singleElement()
                .satisfies(r -> assertThat(r.body()).contains("PREVIEW-MARKER-7"));
        assertThat(ANTHROPIC.requests())
                .singleElement()
                .satisfies(r -> assertThat(r.body()).contains("PREVIEW-MARKER-7"));
    }

    @Test
    void oneProviderNamedTwiceComparesTwoOfItsModelsSideBySide() {
        // given
        PlayerClient writer = signedIn();

        // when the writer asks for openai with its configured model and with another one
        Document page = writer.get(
                        "/admin/preview?seed=42&provider=openai&model=&provider=openai" + "&model=gpt-stub-large")
                .html();

        // then there are two columns, told apart by their model
        List<Element> columns = page.select("#columns .column");
        assertThat(columns).extracting(c -> c.attr("data-model")).containsExactly("", "gpt-stub-large");
        assertThat(columns)
                .extracting(c -> c.selectFirst("h2").text())
                .containsExactly("openai", "openai · gpt-stub-large");
        assertThat(page.selectFirst("#model-1").val()).isEqualTo("gpt-stub-large");
        // when htmx posts each column
        Answer configured = writer.postHx("/admin/preview/run", fields(columns.get(0)));
        Answer named = writer.postHx("/admin/preview/run", fields(columns.get(1)));
        // then the vendor was asked for each model, and each column is priced by its own model
        assertThat(OPENAI.requests())
                .extracting(r -> r.body().contains("\"model\":\"gpt-stub-large\""))
                .containsExactly(false, true);
        assertThat(OPENAI.requests().getFirst().body()).contains("\"model\":\"gpt-stub\"");
        assertThat(configured.html().select(".cost").text()).isEqualTo("$0.000674");
        assertThat(named.html().select(".cost").text()).isEqualTo("$0.008050");
        assertThat(named.html().select(".verdict").text()).isEqualTo("Valid");
    }

    @Test
    void anthropicIsAskedForTheModelTheWriterNames() {
        PlayerClient writer = signedIn();

        Answer column = writer.postHx(
                "/admin/preview/run",
                Map.of("csrf", csrf(writer), "seed", "3", "provider", "anthropic", "model", "claude-stub-opus"));

        assertThat(column.html().select(".verdict").text()).isEqualTo("Valid");
        assertThat(ANTHROPIC.requests())
                .singleElement()
                .satisfies(r -> assertThat(r.body()).contains("\"model\":\"claude-stub-opus\""));
    }

    @Test
    void aModelIsRefusedWhereThereIsNoneToChoose() {
        PlayerClient writer = signedIn();

        Answer column = writer.postHx(
                "/admin/preview/run",
                Map.of("csrf", csrf(writer), "seed", "3", "provider", "offline", "model", "gpt-4o"));

        assertThat(column.status()).isEqualTo(200);
        assertThat(column.html().select(".verdict").text())
                .isEqualTo("offline has no model to choose: leave the model empty.");
    }

    @Test
    void aModelNameNoVendorWouldUseIsAClientError() {
        PlayerClient writer = signedIn();

        Answer run = writer.postHx(
                "/admin/preview/run",
                Map.of("csrf", csrf(writer), "seed", "3", "provider", "openai", "model", "gpt<script>"));
        Answer page = writer.get("/admin/preview?seed=3&provider=openai&model=%20%22%3E");

        assertThat(run.status()).isEqualTo(400);
        assertThat(run.body()).doesNotContain("<script>");
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.html().select("main").text()).contains("A model name is up to 200 letters");
        assertThat(OPENAI.requests()).isEmpty();
    }

    @Test
    void failingPreviewsLeaveThePlayersBreakerClosed() {
        // given a vendor that fails every call
        PlayerClient writer = signedIn();
        OPENAI.times(12, status(500));

        // when a writer previews it ten times
        for (int i = 0; i < 10; i++) {
            Answer column = writer.postHx(
                    "/admin/preview/run", Map.of("csrf", csrf(writer), "seed", "3", "provider", "openai"));
            assertThat(column.html().select(".verdict").text()).startsWith("Failed: ProviderUnavailableException");
        }

        // then each preview made one call (no retries around a preview) and players still reach the vendor
        assertThat(OPENAI.requests()).hasSize(10);
        OPENAI.reset();
        StepResult step = chain.write(
                StoryContext.boarding("ride-after-previews", 3, "en").with(null, List.of("openai")));
        assertThat(step.generation().provider()).isEqualTo("openai");
        assertThat(step.attempts()).isEqualTo(1);
    }

    @Test
    void aContractBreakingAnswerShowsAnInvalidVerdict() {
        PlayerClient writer = signedIn();
        OPENAI.then(contractBreaking(), contractBreaking());

        Answer column =
                writer.postHx("/admin/preview/run", Map.of("csrf", csrf(writer), "seed", "3", "provider", "openai"));

        assertThat(column.status()).isEqualTo(200);
        assertThat(column.html().select(".result").attr("data-valid")).isEqualTo("false");
        assertThat(column.html().select(".verdict").text()).startsWith("Invalid:");
        assertThat(OPENAI.requests()).hasSize(2);
    }

    @Test
    void previewsWriteNothingIntoAnyRide() throws SQLException {
        // given a player's ride
        String ride = rideWithOneChoice();
        PlayerClient writer = signedIn();
        List<String> before = snapshot();
        // when the writer previews every stop of it on three providers, with and without JavaScript
        for (int stop = 0; stop <= 2; stop++) {
            writer.get("/admin/preview?ride=" + ride + "&stop=" + stop);
            for (String provider : List.of("offline", "openai", "anthropic")) {
                Map<String, String> form = Map.of(
                        "csrf", csrf(writer), "ride", ride, "stop", Integer.toString(stop), "provider", provider);
                assertThat(writer.postHx("/admin/preview/run", form)
                                .html()
                                .select(".verdict")
                                .text())
                        .isEqualTo("Valid");
                assertThat(writer.post("/admin/preview/run", form).status()).isEqualTo(200);
            }
        }
        // then rides, passages and choices are exactly as they were
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void unconfiguredProvidersAreShownDisabledWithWhatIsMissing() {
        PlayerClient writer = signedIn();

        Document page = writer.get("/admin/preview").html();

        Element bedrock = page.selectFirst("#provider-0 option[value=bedrock]");
        assertThat(bedrock.hasAttr("disabled")).isTrue();
        assertThat(bedrock.text()).contains("not configured", "liminal.ai.bedrock.model-id");
        assertThat(page.selectFirst("#provider-0 option[value=openai]").hasAttr("disabled"))
                .isFalse();
        assertThat(page.select("#unconfigured li").eachAttr("data-provider"))
                .contains("bedrock", "sagemaker")
                .doesNotContain("openai", "anthropic", "offline");
        Answer forced =
                writer.postHx("/admin/preview/run", Map.of("csrf", csrf(writer), "seed", "3", "provider", "bedrock"));
        assertThat(forced.html().select(".verdict").text()).startsWith("Not configured: set liminal.ai.bedrock");
    }

    @Test
    void runningAColumnWithoutTheCsrfTokenIsRefused() {
        PlayerClient writer = signedIn();

        Answer answer = writer.postHx("/admin/preview/run", Map.of("seed", "3", "provider", "openai"));

        assertThat(answer.status()).isEqualTo(403);
        assertThat(OPENAI.requests()).isEmpty();
    }

    @Test
    void nonsenseTargetsAreClientErrors() {
        PlayerClient writer = signedIn();

        assertThat(writer.get("/admin/preview?ride=not-a-ride&stop=0").status()).isEqualTo(404);
        assertThat(writer.get("/admin/preview?ride=00000000-0000-0000-0000-000000000000&stop=0")
                        .status())
                .isEqualTo(404);
        assertThat(writer.get("/admin/preview?seed=abc").status()).isEqualTo(400);
        assertThat(writer.get("/admin/preview?seed=1&version=999").status()).isEqualTo(404);
    }

    private String rideWithOneChoice() {
        PlayerClient player = new PlayerClient(URI.create(target.getUri().toString()));
        String ride = Rides.board(player);
        Document page = player.get("/stories/" + ride).html();
        player.post(
                "/stories/" + ride + "/choices",
                Map.of(
                        "step",
                        Integer.toString(Rides.openStep(page)),
                        "choice",
                        Rides.choiceIds(page).getFirst()));
        return ride;
    }

    private PlayerClient signedIn() {
        PlayerClient writer = new PlayerClient(URI.create(target.getUri().toString()));
        Writers.signedIn(writer, Writers.ADA, Writers.ADA_PASSWORD);
        return writer;
    }

    private static String csrf(PlayerClient writer) {
        return Writers.csrf(writer.get("/admin/preview").html());
    }

    private static Map<String, String> fields(Element column) {
        Map<String, String> form = new java.util.LinkedHashMap<>();
        for (Element input : column.select("form input[type=hidden]")) {
            form.put(input.attr("name"), input.val());
        }
        return form;
    }

    private static List<String> snapshot() throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(DB, "sa", "");
                Statement statement = connection.createStatement()) {
            for (String query : List.of(
                    "select * from ride order by id",
                    "select * from passage order by ride_id, stop",
                    "select * from choice order by ride_id, stop, id")) {
                try (ResultSet result = statement.executeQuery(query)) {
                    ResultSetMetaData meta = result.getMetaData();
                    while (result.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            row.append(result.getString(i)).append('|');
                        }
                        rows.add(row.toString());
                    }
                }
            }
        }
        return rows;
    }
}
