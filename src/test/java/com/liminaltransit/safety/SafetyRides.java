package com.liminaltransit.safety;

import com.liminaltransit.persistence.Database;
import com.liminaltransit.persistence.Jdbc;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/** What the safety ITs read back from the database: a stop's writer and reason, the newest block. */
final class SafetyRides {

    private SafetyRides() {}

    /** {@code provider | fallback reason} of stop {@code stop} ({@code -} for no reason). */
    static String stop(Database database, String ride, int stop) {
        return Jdbc.read(database.dataSource(), connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "select provider, fallback_reason from passage where ride_id = ? and stop = ?")) {
                query.setString(1, ride);
                query.setInt(2, stop);
                try (ResultSet row = query.executeQuery()) {
                    if (!row.next()) {
                        throw new AssertionError("no stop " + stop + " in ride " + ride);
                    }
                    String reason = row.getString(2);
                    return row.getString(1) + " | " + (reason == null ? "-" : reason);
                }
            }
        });
    }

    /** {@code provider | layer | categories | action | ride | stop} of the newest block, or {@code none}. */
    static String newestBlock(Database database) {
        return Jdbc.read(database.dataSource(), connection -> {
            try (PreparedStatement query = connection.prepareStatement("""
                    select provider, layer, categories, action, ride_id, stop from safety_block
                    order by id desc limit 1""")) {
                try (ResultSet row = query.executeQuery()) {
                    if (!row.next()) {
                        return "none";
                    }
                    return String.join(
                            " | ",
                            row.getString(1),
                            row.getString(2),
                            row.getString(3),
                            row.getString(4),
                            row.getString(5),
                            Integer.toString(row.getInt(6)));
                }
            }
        });
    }

    /** Sets a ride's language, as a ride boarded in it would have (the languages work boards them). */
    static void speak(Database database, String ride, String language) {
        Jdbc.inTransaction(database.dataSource(), connection -> {
            try (PreparedStatement update = connection.prepareStatement("update ride set language = ? where id = ?")) {
                update.setString(1, language);
                update.setString(2, ride);
                return update.executeUpdate();
            }
        });
    }
}
