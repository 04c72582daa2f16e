package com.liminaltransit.admin.prompts;

import static org.assertj.core.api.Assertions.assertThat;

import com.liminaltransit.narrative.PromptBuilder;
import com.liminaltransit.testing.PlayerClient;
import com.liminaltransit.testing.PlayerClient.Answer;
import com.liminaltransit.testing.Rides;
import com.liminaltransit.testing.Writers;
import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * Prompt versions through the writers' pages: saved versions never change, variables are checked before anything
 * is saved, exactly one version is published and rollback is publishing an older one, the diff is escaped, and
 * a player's steps record the version that wrote them.
 */
@HelidonTest
@AddConfig(key = "liminal.db.url", value = PromptVersionsIT.DB)
@AddConfig(key = "liminal.admin.users", value = "ada")
@AddConfig(key = "liminal.admin.ada.password-hash", value = Writers.ADA_HASH)
class PromptVersionsIT {

    static final String DB = "jdbc:h2:mem:prompt-versions;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";

    @Inject
    private WebTarget target;

    @Inject
    private PromptStore store;

    @Test
    void shippedTemplatesAreVersionOneAndPublishedOnFirstStart() {
        PlayerClient writer = signedIn();

        Document page = writer.get("/admin/prompts").html();

        assertThat(page.select("#versions tr[data-version=1]")).hasSize(1);
        assertThat(store.find(1)).hasValueSatisfying(v -> {
            assertThat(v.system()).isEqualTo(PromptBuilder.shipped().system());
            assertThat(v.step()).isEqualTo(PromptBuilder.shipped().step());
        });
    }

    @Test
    void savingMakesANewNumberedVersionAndLeavesTheOldOneUnchanged() throws SQLException {
        // given a writer and the published version
        PlayerClient writer = signedIn();
        int before = store.publishedVersion();
        String oldStep = store.find(before).orElseThrow().step();
        // when they save an edited step template
        Answer saved = save(writer, PromptBuilder.shipped().system(), oldStep + "\nKeep it short and kind.", "shorter");
        // then a new version exists, unpublished, and the old version's text is what it was
        assertThat(saved.status()).isEqualTo(303);
        int version = versionFrom(saved);
        assertThat(version).isGreaterThan(before);
        assertThat(store.find(version).orElseThrow().step()).endsWith("Keep it short and kind.");
        assertThat(store.find(before).orElseThrow().step()).isEqualTo(oldStep);
        assertThat(readStep(before)).isEqualTo(oldStep);
        assertThat(store.publishedVersion()).isEqualTo(before);
        assertThat(writer.get("/admin/prompts/" + version)
                        .html()
                        .select("#step-text")
                        .text())
                .contains("Keep it short and kind.");
    }

    @Test
    void aSavedVersionCannotBeChangedThroughAnyRoute() {
        PlayerClient writer = signedIn();
        String csrf = Writers.csrf(writer.get("/admin/prompts").html());

        Answer overwrite = writer.post("/admin/prompts/1", Map.of("csrf", csrf, "system", "x", "step", "y"));

        assertThat(overwrite.status()).isEqualTo(405);
        assertThat(store.find(1).orElseThrow().step())
                .isEqualTo(PromptBuilder.shipped().step());
    }

    @Test
    void unknownVariableIsA400FormWithTheProblemAndNothingSaved() throws SQLException {
        PlayerClient writer = signedIn();
        int versions = count();

        Answer answer = save(
                writer,
                PromptBuilder.shipped().system(),
                PromptBuilder.shipped().step() + "\nThe weather: {{weather}}",
                "bad");

        assertThat(answer.status()).isEqualTo(400);
        Document page = answer.html();
        assertThat(page.select(".problem").text()).contains("unknown variable {{weather}}");
        assertThat(page.select("textarea#step").text()).contains("{{weather}}");
        assertThat(count()).isEqualTo(versions);
    }

    @Test
    void missingRequiredVariableIsA400FormWithTheProblemAndNothingSaved() throws SQLException {
        PlayerClient writer = signedIn();
        int versions = count();

        Answer answer = save(
                writer, PromptBuilder.shipped().system(), "Write stop {{stop}}. The passenger chose: {{choice}}", "");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.html().select(".problem").eachText())
                .contains("The step template must use {{summary}}.", "The step template must use {{recent}}.");
        assertThat(count()).isEqualTo(versions);
    }

    @Test
    void malformedOrUnclosedVariablesAreRefused() {
        assertThat(PromptBuilder.problems("Hello {{ Language }}", "{{summary}} {{recent}} {{choice}}"))
                .singleElement()
                .asString()
                .contains("malformed");
        assertThat(PromptBuilder.problems("Hello", "{{summary}} {{recent}} {{choice}} {{stop"))
                .singleElement()
                .asString()
                .contains("never closes");
        assertThat(PromptBuilder.problems("In {{language}}", "{{ summary }} {{recent}} {{choice}} {{stop}}"))
                .isEmpty();
    }

    @Test
    void publishingMakesExactlyOneVersionPublishedAndRollbackPublishesTheOlderOne() {
        // given two versions
        PlayerClient writer = signedIn();
        int older = store.publishedVersion();
        int newer = versionFrom(save(
                writer,
                PromptBuilder.shipped().system(),
                PromptBuilder.shipped().step() + "\nMention the rain.",
                "rain"));
        String csrf = Writers.csrf(writer.get("/admin/prompts").html());
        // when the newer one is published
        Answer published = writer.post("/admin/prompts/" + newer + "/publish", Map.of("csrf", csrf));
        // then it is the only published one, and the builder uses it at once
        assertThat(published.status()).isEqualTo(303);
        Document list = writer.get("/admin/prompts").html();
        assertThat(list.select("#versions .badge")).hasSize(1);
        assertThat(list.select("#versions tr[data-version=" + newer + "] .badge")
                        .text())
                .isEqualTo("published");
        assertThat(store.published().step()).endsWith("Mention the rain.");
        // when the writer rolls back
        Answer rolledBack = writer.post("/admin/prompts/" + older + "/publish", Map.of("csrf", csrf));
        // then the older version is published again and its text is unchanged
        assertThat(rolledBack.status()).isEqualTo(303);
        assertThat(store.publishedVersion()).isEqualTo(older);
        assertThat(store.published().step()).doesNotContain("Mention the rain.");
        assertThat(writer.get("/admin/prompts").html().select("#versions .badge"))
                .hasSize(1);
    }

    @Test
    void publishingAnUnknownVersionIs404() {
        PlayerClient writer = signedIn();
        String csrf = Writers.csrf(writer.get("/admin/prompts").html());

        assertThat(writer.post("/admin/prompts/99999/publish", Map.of("csrf", csrf))
                        .status())
                .isEqualTo(404);
        assertThat(writer.get("/admin/prompts/nope").status()).isEqualTo(404);
    }

    @Test
    void formsWithoutTheCsrfTokenAreRefusedAndChangeNothing() throws SQLException {
        PlayerClient writer = signedIn();
        int versions = count();
        int published = store.publishedVersion();

        Answer save = writer.post(
                "/admin/prompts", Map.of("system", "In {{language}}", "step", "{{summary}} {{recent}} {{choice}}"));
        Answer publish = writer.post("/admin/prompts/1/publish", Map.of("csrf", "forged"));

        assertThat(save.status()).isEqualTo(403);
        assertThat(publish.status()).isEqualTo(403);
        assertThat(count()).isEqualTo(versions);
        assertThat(store.publishedVersion()).isEqualTo(published);
    }

    @Test
    void diffShowsAddedAndRemovedLinesEscaped() {
        PlayerClient writer = signedIn();
        int base = store.publishedVersion();
        String step = store.find(base).orElseThrow().step();
        int changed = versionFrom(save(
                writer,
                PromptBuilder.shipped().system(),
                step.replace("The most recent stops:", "The latest stops <b>here</b>:"),
                "markup"));

        Answer diff = writer.get("/admin/prompts/diff?from=" + base + "&to=" + changed);

        assertThat(diff.status()).isEqualTo(200);
        assertThat(diff.body())
                .contains("The latest stops &lt;b&gt;here&lt;/b&gt;:")
                .doesNotContain("<b>here</b>");
        Document page = diff.html();
        assertThat(page.select("#step-diff tr.diff-added .line").eachText())
                .containsExactly("The latest stops <b>here</b>:");
        assertThat(page.select("#step-diff tr.diff-removed .line").eachText())
                .containsExactly("The most recent stops:");
        assertThat(page.select("#system-diff tr.diff-added, #system-diff tr.diff-removed"))
                .isEmpty();
    }

    @Test
    void aNewRideRecordsThePublishedVersionOnEveryStep() throws SQLException {
        // given a new published version
        PlayerClient writer = signedIn();
        int version = versionFrom(save(
                writer,
                PromptBuilder.shipped().system(),
                PromptBuilder.shipped().step() + "\nRide version test.",
                "ride"));
        writer.post(
                "/admin/prompts/" + version + "/publish",
                Map.of("csrf", Writers.csrf(writer.get("/admin/prompts").html())));
        // when a player boards and makes a choice
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
        // then both steps name the version
        assertThat(promptVersionsOf(ride)).containsExactly(version, version);
    }

    private PlayerClient signedIn() {
        PlayerClient writer = new PlayerClient(URI.create(target.getUri().toString()));
        Writers.signedIn(writer, Writers.ADA, Writers.ADA_PASSWORD);
        return writer;
    }

    private static Answer save(PlayerClient writer, String system, String step, String note) {
        String csrf = Writers.csrf(writer.get("/admin/prompts/new").html());
        return writer.post("/admin/prompts", Map.of("csrf", csrf, "system", system, "step", step, "note", note));
    }

    private static int versionFrom(Answer saved) {
        assertThat(saved.status()).as(saved.body()).isEqualTo(303);
        String path = URI.create(saved.header("Location").orElseThrow()).getPath();
        assertThat(path).matches("/admin/prompts/\\d+");
        return Integer.parseInt(path.substring(path.lastIndexOf('/') + 1));
    }

    private static int count() throws SQLException {
        try (Connection connection = DriverManager.getConnection(DB, "sa", "");
                PreparedStatement query = connection.prepareStatement("select count(*) from prompt_version");
                ResultSet row = query.executeQuery()) {
            row.next();
            return row.getInt(1);
        }
    }

    private static String readStep(int version) throws SQLException {
        try (Connection connection = DriverManager.getConnection(DB, "sa", "");
                PreparedStatement query =
                        connection.prepareStatement("select step_text from prompt_version where version = ?")) {
            query.setInt(1, version);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }

    private static List<Integer> promptVersionsOf(String ride) throws SQLException {
        try (Connection connection = DriverManager.getConnection(DB, "sa", "");
                PreparedStatement query = connection.prepareStatement(
                        "select prompt_version from passage where ride_id = ? order by stop")) {
            query.setString(1, ride);
            List<Integer> versions = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    versions.add(rows.getInt(1));
                }
            }
            return versions;
        }
    }
}
