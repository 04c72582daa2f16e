package com.liminaltransit.story;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reading what the journey stored, straight from the database the server in the test writes. */
final class Tables {

    private Tables() {}

    /** The single number {@code sql} counts; {@code parameter} fills its one {@code ?}, if it has one. */
    static int count(Connection db, String sql, String parameter) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            if (parameter != null) {
                query.setString(1, parameter);
            }
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    /** Every row {@code sql} selects, each column as text; {@code parameter} fills its one {@code ?}. */
    static List<List<String>> rows(Connection db, String sql, String parameter) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, parameter);
            List<List<String>> rows = new ArrayList<>();
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    List<String> values = new ArrayList<>();
                    for (int i = 1; i <= row.getMetaData().getColumnCount(); i++) {
                        values.add(row.getString(i));
                    }
                    rows.add(values);
                }
            }
            return rows;
        }
    }
}
