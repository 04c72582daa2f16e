package com.liminaltransit.admin.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.liminaltransit.testing.PlayerClient;
import com.liminaltransit.testing.PlayerClient.Answer;
import com.liminaltransit.testing.Writers;
import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The analytics page of a signed-in writer, over a known history: figures, SVG charts, and nothing inline. */
@HelidonTest
@AddConfig(key = "liminal.db.url", value = AnalyticsPageIT.DB)
@AddConfig(key = "liminal.admin.users", value = "ada")
@AddConfig(key = "liminal.admin.ada.password-hash", value = Writers.ADA_HASH)
class AnalyticsPageIT {

    static final String DB = "jdbc:h2:mem:analytics-page;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";

    private static boolean seeded;

    @Inject
    private WebTarget target;

    @BeforeAll
    static void resetSeed() {
        seeded = false;
    }

    private Document analytics() throws SQLException {
        if (!seeded) {
            try (Connection connection = DriverManager.getConnection(DB, "sa", "")) {
                SeededRides.seed(connection, Instant.now());
            }
            seeded = true;
        }
        PlayerClient writer = new PlayerClient(URI.create(target.getUri().toString()));
        Writers.signedIn(writer, Writers.ADA, Writers.ADA_PASSWORD);
        Answer page = writer.get("/admin/analytics");
        assertThat(page.status()).isEqualTo(200);
        return page.html();
    }

    @Test
    void pageShowsTheHeadlineFiguresOfPlayersRides() throws SQLException {
        Document page = analytics();

        assertThat(page.select("#figure-rides").text()).isEqualTo("5");
        assertThat(page.select("#figure-completed").text()).isEqualTo("2");
        assertThat(page.select("#figure-rate").text()).isEqualTo("40%");
        assertThat(page.select("#figure-abandoned").text()).isEqualTo("2");
        assertThat(page.select("#figure-cost-ride").text()).isEqualTo("$0.0110");
        assertThat(page.select("#providers tr[data-provider]").eachAttr("data-provider"))
                .containsExactly("offline", "bedrock");
    }

    @Test
    void everyChartIsAnSvgDrawnWithAttributesAndClassesOnly() throws SQLException {
        Document page = analytics();

        assertThat(page.select("svg.chart")).hasSize(5);
        assertThat(page.select("svg.chart rect"))
                .isNotEmpty()
                .allSatisfy(rect -> assertThat(rect.attr("height")).matches("\\d+"));
        assertThat(page.select("svg.chart").first().attr("viewBox")).isEqualTo("0 0 640 220");
        assertThat(page.select("[style]")).as("no inline style anywhere (CSP)").isEmpty();
        assertThat(page.select("script:not([src])")).as("no inline script").isEmpty();
        assertThat(page.select("#choices tr[data-stop=0] td").eachText())
                .containsExactly("Boarding", "2", "1", "1", "0", "4");
    }
}
