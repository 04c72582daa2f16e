package com.liminaltransit.admin.prompts;

import static org.assertj.core.api.Assertions.assertThat;

import com.liminaltransit.narrative.PromptBuilder;
import com.liminaltransit.testing.PlayerClient;
import com.liminaltransit.testing.PlayerClient.Answer;
import com.liminaltransit.testing.Writers;
import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Prompt versions are bounded: the list is paged (20 a page, newest first, plain links that work without
 * JavaScript) and saving past {@code liminal.prompts.max-versions} is a 400 form that says why, saving nothing.
 */
@HelidonTest
@AddConfig(key = "liminal.db.url", value = PromptVersionLimitsIT.DB)
@AddConfig(key = "liminal.admin.users", value = "ada")
@AddConfig(key = "liminal.admin.ada.password-hash", value = Writers.ADA_HASH)
@AddConfig(key = "liminal.prompts.max-versions", value = "25")
class PromptVersionLimitsIT {

    static final String DB = "jdbc:h2:mem:prompt-limits;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
    private static final int CAP = 25;

    @Inject
    private WebTarget target;

    @Inject
    private PromptStore store;

    @BeforeEach
    void versionsUpToTheCap() {
        while (store.newestVersion() < CAP) {
            store.save(
                    PromptBuilder.shipped().system(),
                    PromptBuilder.shipped().step() + "\nRevision " + (store.newestVersion() + 1),
                    "revision",
                    "ada");
        }
    }

    @Test
    void theListShowsTwentyVersionsAPageNewestFirstWithLinksBothWays() {
        PlayerClient writer = signedIn();

        Document first = writer.get("/admin/prompts").html();
        Document second =
                writer.get(first.select("a#older-versions").attr("href")).html();

        assertThat(versionsOn(first))
                .containsExactlyElementsOf(IntStream.rangeClosed(6, CAP)
                        .map(v -> CAP + 6 - v)
                        .boxed()
                        .toList());
        assertThat(first.select("a#newer-versions")).isEmpty();
        assertThat(first.select("a#older-versions").attr("href")).isEqualTo("/admin/prompts?page=2");
        assertThat(first.select("#versions-count").text()).contains("25 of at most 25 versions");
        assertThat(versionsOn(second)).containsExactly(5, 4, 3, 2, 1);
        assertThat(second.select("a#newer-versions").attr("href")).isEqualTo("/admin/prompts?page=1");
        assertThat(second.select("a#older-versions")).isEmpty();
        assertThat(second.select("#versions .badge"))
                .as("the published version 1 is marked on its page")
                .hasSize(1);
    }

    @Test
    void aPageThatIsNotThereIsAnErrorPageNotA500() {
        PlayerClient writer = signedIn();

        assertThat(writer.get("/admin/prompts?page=3").status()).isEqualTo(404);
        assertThat(writer.get("/admin/prompts?page=0").status()).isEqualTo(400);
        assertThat(writer.get("/admin/prompts?page=lots").status()).isEqualTo(400);
        assertThat(writer.get("/admin/prompts?page=99999999999").status()).isEqualTo(400);
    }

    @Test
    void savingPastTheCapIsA400FormExplainingItAndNothingIsSaved() {
        // given the store holds its 25 versions
        PlayerClient writer = signedIn();
        String csrf = Writers.csrf(writer.get("/admin/prompts").html());

        // when a writer saves one more
        Answer answer = writer.post(
                "/admin/prompts",
                Map.of(
                        "csrf",
                        csrf,
                        "system",
                        PromptBuilder.shipped().system(),
                        "step",
                        PromptBuilder.shipped().step() + "\nOne too many.",
                        "note",
                        "over"));

        // then the editor comes back with the reason and her text; no version 26
        assertThat(answer.status()).isEqualTo(400);
        Document page = answer.html();
        assertThat(page.select(".problem").text())
                .contains("already 25 prompt versions")
                .contains("liminal.prompts.max-versions");
        assertThat(page.select("textarea#step").text()).contains("One too many.");
        assertThat(store.newestVersion()).isEqualTo(CAP);
        assertThat(store.find(CAP + 1)).isEmpty();
    }

    private PlayerClient signedIn() {
        PlayerClient writer = new PlayerClient(URI.create(target.getUri().toString()));
        Writers.signedIn(writer, Writers.ADA, Writers.ADA_PASSWORD);
        return writer;
    }

    private static List<Integer> versionsOn(Document page) {
        return page.select("#versions tbody tr").stream()
                .map(row -> Integer.parseInt(row.attr("data-version")))
                .toList();
    }
}
