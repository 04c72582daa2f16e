package com.liminaltransit.admin.preview;

import com.liminaltransit.persistence.Database;
import com.liminaltransit.persistence.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Reads (never writes) rides for the preview: recent player rides to choose from, and one ride's steps. */
@ApplicationScoped
public class PreviewRepository {

    private static final DateTimeFormatter CLOCK =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    /** A ride to choose. */
    public record RideChoice(String id, int stops, boolean ended, String startedAt) {
        /** What the select shows. */
        public String label() {
            return startedAt + " · " + stops + (stops == 1 ? " stop" : " stops") + (ended ? " · ended" : "") + " · "
                    + id.substring(0, 8);
        }
    }

    /**
     * One written step of a ride, with who wrote it.
     *
     * @param bankVersion the content bank version of the ride, for a stop {@code offline} wrote, else {@code null}
     */
    public record StepRow(
            int stop,
            String provider,
            String model,
            Integer promptVersion,
            String chosenId,
            String opening,
            Integer bankVersion) {

        /** The bank version as the page shows it: none for a stop a model wrote. */
        public String bankVersionText() {
            return bankVersion == null ? "—" : bankVersion.toString();
        }
    }

    private final DataSource dataSource;

    @Inject
    PreviewRepository(Database database) {
        this.dataSource = database.dataSource();
    }

    List<RideChoice> recentRides(int limit) {
        return Jdbc.read(dataSource, connection -> {
            try (PreparedStatement query = connection.prepareStatement("""
                    select id, stops, ended, created_at from ride where source = 'player'
                    order by created_at desc, id limit ?""")) {
                query.setInt(1, limit);
                List<RideChoice> rides = new ArrayList<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        rides.add(new RideChoice(
                                rows.getString(1),
                                rows.getInt(2),
                                rows.getBoolean(3),
                                CLOCK.format(rows.getObject(4, OffsetDateTime.class))));
                    }
                }
                return rides;
            }
        });
    }

    List<StepRow> steps(String rideId) {
        return Jdbc.read(dataSource, connection -> {
            try (PreparedStatement query = connection.prepareStatement("""
                    select p.stop, p.provider, p.model, p.prompt_version, p.chosen_id, p.body, r.bank_version
                    from passage p join ride r on r.id = p.ride_id where p.ride_id = ? order by p.stop""")) {
                query.setString(1, rideId);
                List<StepRow> steps = new ArrayList<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        int version = rows.getInt(4);
                        Integer promptVersion = rows.wasNull() ? null : version;
                        String body = rows.getString(6).replaceAll("\\s+", " ").strip();
                        int bank = rows.getInt(7);
                        Integer bankVersion = rows.wasNull() ? 1 : bank;
                        steps.add(new StepRow(
                                rows.getInt(1),
                                rows.getString(2),
                                rows.getString(3),
                                promptVersion,
                                rows.getString(5),
                                body.length() <= 90 ? body : body.substring(0, 89) + "…",
                                "offline".equals(rows.getString(2)) ? bankVersion : null));
                    }
                }
                return steps;
            }
        });
    }
}
