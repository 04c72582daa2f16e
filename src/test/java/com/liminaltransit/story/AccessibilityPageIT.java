package com.liminaltransit.story;

import static org.assertj.core.api.Assertions.assertThat;

import com.liminaltransit.testing.PlayerClient;
import com.liminaltransit.testing.PlayerClient.Answer;
import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import java.net.URI;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** {@code GET /accessibility}: the statement, linked from every player page, with the operator's contact. */
@HelidonTest
@AddConfig(
        key = "liminal.db.url",
        value = "jdbc:h2:mem:accessibility-page;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE")
@AddConfig(key = "liminal.accessibility.contact", value = "mailto:access@example.org")
class AccessibilityPageIT {

    @Inject
    private WebTarget target;

    @Test
    void theStatementSaysWhatIsTestedWithWhichToolsAndWhereToReport() {
        PlayerClient player = new PlayerClient(URI.create(target.getUri().toString()));

        Answer statement = player.get("/accessibility");

        assertThat(statement.status()).isEqualTo(200);
        Document page = statement.html();
        assertThat(page.title()).isEqualTo("Accessibility · Liminal Transit");
        assertThat(page.select("main h2").eachText())
                .containsExactly(
                        "Riding with assistive technology",
                        "What we test",
                        "With which tools",
                        "How to tell us of a problem");
        assertThat(page.select("main").text()).contains("WCAG", "axe-core", "Playwright");
        assertThat(page.select("#report ~ p a[href='mailto:access@example.org']")
                        .text())
                .isEqualTo("access@example.org");
    }

    @Test
    void everyPlayerPageLinksTheStatementFromItsFooter() {
        PlayerClient player = new PlayerClient(URI.create(target.getUri().toString()));
        String ride = URI.create(player.post("/stories", java.util.Map.of())
                        .header("Location")
                        .orElseThrow())
                .getPath();

        for (String path : new String[] {"/", ride, "/accessibility", "/stories/not-a-ride"}) {
            assertThat(player.get(path).html().select("footer a[href='/accessibility']"))
                    .as("the footer of %s", path)
                    .hasSize(1);
        }
    }
}
