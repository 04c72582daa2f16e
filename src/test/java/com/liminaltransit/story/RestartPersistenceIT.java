package com.liminaltransit.story;

import static org.assertj.core.api.Assertions.assertThat;

import com.liminaltransit.testing.PlayerClient;
import com.liminaltransit.testing.Rides;
import com.liminaltransit.testing.ServerProcess;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** The packaged jar on its default H2 file database: stopping and starting the server keeps every ride. */
class RestartPersistenceIT {

    @Test
    void rideSurvivesARestartAndCarriesOn() {
        try (ServerProcess server = ServerProcess.start(Map.of())) {
            PlayerClient player = new PlayerClient(server.base());
            String id = Rides.board(player);
            for (int step = 0; step < 3; step++) {
                Document ride = player.get("/stories/" + id).html();
                player.post(
                        "/stories/" + id + "/choices",
                        Map.of(
                                "step",
                                String.valueOf(step),
                                "choice",
                                Rides.choiceIds(ride).getFirst()));
            }
            Document before = player.get("/stories/" + id).html();

            server.stop();
            server.startAgain();

            Document after = player.get("/stories/" + id).html();
            assertThat(Rides.stopCount(after)).isEqualTo(4);
            assertThat(after.select("#journey").text())
                    .isEqualTo(before.select("#journey").text());
            assertThat(player.get("/").html().select(".ride-list a").eachAttr("href"))
                    .containsExactly("/stories/" + id);
            String next = Rides.choiceIds(after).getFirst();
            assertThat(player.post("/stories/" + id + "/choices", Map.of("step", "3", "choice", next))
                            .status())
                    .isEqualTo(303);
            assertThat(Rides.stopCount(player.get("/stories/" + id).html())).isEqualTo(5);
        }
    }
}
