package com.liminaltransit.narrative.chain;

import static org.assertj.core.api.Assertions.assertThat;

import com.liminaltransit.narrative.TestProviders;
import com.liminaltransit.testing.PlayerClient;
import com.liminaltransit.testing.Rides;
import io.helidon.microprofile.testing.junit5.AddBean;
import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The owner never pays for a flood: past the daily budget, rides go on, written by offline. */
@HelidonTest
@AddBean(TestProviders.Expensive.class)
@AddConfig(key = "liminal.ai.chain", value = "expensive")
@AddConfig(key = "liminal.ai.daily-budget-usd", value = "2.5")
@AddConfig(key = "liminal.ai.budget-refresh", value = "0s")
@AddConfig(
        key = "liminal.db.url",
        value = "jdbc:h2:mem:budget;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE")
class AiBudgetIT {

    @Inject
    private WebTarget target;

    @Inject
    private AiBudget budget;

    @Test
    void pastTheDailyBudgetRidesContinueOnOffline() {
        PlayerClient player = new PlayerClient(URI.create(target.getUri().toString()));
        String id = Rides.board(player);

        for (int step = 0; step < 4; step++) {
            var ride = player.get("/stories/" + id).html();
            player.post(
                    "/stories/" + id + "/choices",
                    Map.of(
                            "step",
                            String.valueOf(step),
                            "choice",
                            Rides.choiceIds(ride).getFirst()));
        }

        var passages =
                player.get("/stories/" + id).html().select("#journey .passage").eachText();
        assertThat(passages).hasSize(5);
        assertThat(passages.subList(0, 3)).allSatisfy(p -> assertThat(p).startsWith("A gilded carriage"));
        assertThat(passages.subList(3, 5)).allSatisfy(p -> assertThat(p).doesNotStartWith("A gilded carriage"));
        assertThat(budget.spentToday()).isEqualTo(3.0);
        assertThat(budget.exhausted()).isTrue();
    }
}
