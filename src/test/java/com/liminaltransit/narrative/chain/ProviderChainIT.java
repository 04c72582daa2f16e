package com.liminaltransit.narrative.chain;

import static org.assertj.core.api.Assertions.assertThat;

import com.liminaltransit.narrative.TestProviders;
import com.liminaltransit.persistence.Database;
import com.liminaltransit.persistence.Jdbc;
import com.liminaltransit.testing.Management;
import com.liminaltransit.testing.PlayerClient;
import com.liminaltransit.testing.Rides;
import io.helidon.microprofile.testing.junit5.AddBean;
import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import java.net.URI;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A provider that breaks the AI contract sits in front of {@code offline}: the player still gets a good passage,
 * and the step records who wrote it, how many calls it took and why the first provider was passed over.
 */
@HelidonTest
@AddBean(TestProviders.Garbled.class)
@AddConfig(key = "liminal.ai.chain", value = "garbled")
@AddConfig(key = "liminal.db.url", value = "jdbc:h2:mem:chain;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE")
class ProviderChainIT {

    @Inject
    private WebTarget target;

    @Inject
    private Database database;

    @Inject
    private ProviderChain chain;

    @Test
    void offlineIsAppendedToTheConfiguredChain() {
        assertThat(chain.names()).containsExactly("garbled", "offline");
    }

    @Test
    void invalidAnswerFallsThroughToOfflineAndIsRecorded() {
        PlayerClient player = new PlayerClient(URI.create(target.getUri().toString()));

        String id = Rides.board(player);
        String page = player.get("/stories/" + id).body();

        assertThat(page).doesNotContain("GARBLED-7f3").doesNotContain("alert(");
        Map<String, Object> step = firstStep(id);
        assertThat(step).containsEntry("provider", "offline").containsEntry("attempts", 2);
        assertThat((String) step.get("fallback_reason")).startsWith("garbled: InvalidNarrativeException");
        String metrics = Management.client().get("/metrics").body();
        assertThat(metrics)
                .containsPattern("narrative_steps_total\\{[^}]*outcome=\"invalid\"[^}]*provider=\"garbled\"");
    }

    private Map<String, Object> firstStep(String rideId) {
        return Jdbc.read(database.dataSource(), connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "select provider, attempts, fallback_reason from passage where ride_id = ? and stop = 0")) {
                query.setString(1, rideId);
                try (ResultSet row = query.executeQuery()) {
                    assertThat(row.next()).isTrue();
                    return Map.of(
                            "provider",
                            row.getString(1),
                            "attempts",
                            row.getInt(2),
                            "fallback_reason",
                            row.getString(3));
                }
            }
        });
    }
}
