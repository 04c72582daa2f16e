package com.liminaltransit.admin.ridebot;

import com.liminaltransit.persistence.Database;
import com.liminaltransit.persistence.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** The bookkeeping of a bot's ride that the story pages do not show: who wrote each stop, at what cost, after what. */
@ApplicationScoped
class RideBotRepository {

    private final DataSource dataSource;

    @Inject
    RideBotRepository(Database database) {
        this.dataSource = database.dataSource();
    }

    /** One stored stop's bookkeeping. */
    record StepStats(int stop, String provider, int attempts, String fallbackReason, BigDecimal costUsd) {}

    /** The bookkeeping of every stop of a ride, in order. */
    List<StepStats> steps(String rideId) {
        return Jdbc.read(dataSource, connection -> {
            try (PreparedStatement query = connection.prepareStatement("""
                    select stop, provider, attempts, fallback_reason, cost_usd
                    from passage where ride_id = ? order by stop""")) {
                query.setString(1, rideId);
                List<StepStats> steps = new ArrayList<>();
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        steps.add(new StepStats(
                                row.getInt(1),
                                row.getString(2),
                                row.getInt(3),
                                row.getString(4),
                                row.getBigDecimal(5)));
                    }
                }
                return steps;
            }
        });
    }
}
