package com.liminaltransit.admin.ridebot;

import static org.assertj.core.api.Assertions.assertThat;

import com.liminaltransit.narrative.TestProviders;
import com.liminaltransit.narrative.chain.AiBudget;
import com.liminaltransit.testing.Await;
import com.liminaltransit.testing.PlayerClient;
import com.liminaltransit.testing.PlayerClient.Answer;
import com.liminaltransit.testing.Writers;
import io.helidon.microprofile.testing.junit5.AddBean;
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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * Bot runs spend the players' budget: once the day's budget is spent, a run on a chain with a paid provider starts
 * only when the writer confirms it, and the confirmation is logged (writer, time, run) and stored with the run.
 */
@HelidonTest
@AddBean(TestProviders.Expensive.class)
@AddConfig(key = "liminal.ai.chain", value = "expensive")
@AddConfig(key = "liminal.ai.daily-budget-usd", value = "2.5")
@AddConfig(key = "liminal.ai.budget-refresh", value = "0s")
@AddConfig(key = "liminal.db.url", value = RideBotBudgetIT.DB)
@AddConfig(key = "liminal.admin.users", value = "ada")
@AddConfig(key = "liminal.admin.ada.password-hash", value = Writers.ADA_HASH)
class RideBotBudgetIT {

    static final String DB = "jdbc:h2:mem:ridebot-budget;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";

    @Inject
    private WebTarget target;

    @Inject
    private AiBudget budget;

    @Test
    void pastTheDaysBudgetAPaidRunStartsOnlyWithAConfirmationThatIsLogged() throws SQLException {
        // given a writer whose first run (budget not yet spent) spends the day's budget on the paid chain
        PlayerClient ada = new PlayerClient(URI.create(target.getUri().toString()));
        Writers.signedIn(ada, Writers.ADA, Writers.ADA_PASSWORD);
        String csrf = Writers.csrf(ada.get("/admin/randomtest").html());
        Answer first = ada.post("/admin/randomtest", Map.of("csrf", csrf, "rides", "1", "seed", "1"));
        assertThat(first.status()).isEqualTo(303);
        awaitOver(ada, first.header("Location").orElseThrow());
        assertThat(budget.exhausted()).isTrue();

        // when she starts another without confirming
        Answer refused = ada.post("/admin/randomtest", Map.of("csrf", csrf, "rides", "2", "seed", "7"));

        // then it is refused with a form to confirm, carrying what she asked for; nothing started
        assertThat(refused.status()).isEqualTo(409);
        Document page = refused.html();
        assertThat(page.select("#run .notice").text())
                .contains("budget is spent")
                .contains("expensive");
        assertThat(page.select("form.confirm-budget-form input[name=confirm-budget]")
                        .hasAttr("required"))
                .isTrue();
        assertThat(page.select("form.confirm-budget-form input[name=rides]").val())
                .isEqualTo("2");
        assertThat(page.select("form.randomtest-form input[name=confirm-budget]"))
                .as("the page's own form offers the confirmation while the budget is spent")
                .hasSize(1);
        assertThat(runs()).isEqualTo(1);

        // when she confirms
        List<LogRecord> logged = new CopyOnWriteArrayList<>();
        Handler capture = capture(logged);
        Logger log = Logger.getLogger(RideBotResource.class.getName());
        log.addHandler(capture);
        Answer confirmed;
        try {
            confirmed = ada.post(
                    "/admin/randomtest", Map.of("csrf", csrf, "rides", "2", "seed", "7", "confirm-budget", "yes"));
        } finally {
            log.removeHandler(capture);
        }

        // then the run starts, and who confirmed it, when, for which run is logged and stored
        assertThat(confirmed.status()).isEqualTo(303);
        String id = URI.create(confirmed.header("Location").orElseThrow())
                .getPath()
                .substring("/admin/randomtest/".length());
        assertThat(logged)
                .extracting(LogRecord::getMessage)
                .anySatisfy(message -> assertThat(message)
                        .contains("Writer ada confirmed randomtest run " + id)
                        .contains("past today's AI budget")
                        .containsPattern(" at \\d{4}-\\d\\d-\\d\\dT"));
        try (Connection connection = DriverManager.getConnection(DB, "sa", "");
                PreparedStatement query = connection.prepareStatement(
                        "select budget_override_by, budget_override_at from ridebot_run where id = ?")) {
            query.setString(1, id);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString(1)).isEqualTo("ada");
                assertThat(row.getObject(2)).isNotNull();
            }
        }
        awaitOver(ada, confirmed.header("Location").orElseThrow());
    }

    private static void awaitOver(PlayerClient writer, String location) {
        String path = URI.create(location).getPath();
        String state = Await.until(
                Duration.ofSeconds(60),
                "the run is over",
                () -> writer.get(path).html().selectFirst("#run").attr("data-state"),
                seen -> !"running".equals(seen));
        assertThat(state).isEqualTo("done");
    }

    private static Handler capture(List<LogRecord> into) {
        return new Handler() {
            @Override
            public void publish(LogRecord record) {
                into.add(record);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
    }

    private static int runs() throws SQLException {
        try (Connection connection = DriverManager.getConnection(DB, "sa", "");
                PreparedStatement query = connection.prepareStatement("select count(*) from ridebot_run");
                ResultSet row = query.executeQuery()) {
            row.next();
            return row.getInt(1);
        }
    }
}
