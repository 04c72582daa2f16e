package com.liminaltransit.story;

import com.liminaltransit.persistence.Database;
import com.liminaltransit.persistence.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import javax.sql.DataSource;

/** How each streamed stop went ({@code stop_stream}): streamed or not, its timings, what a failure had shown. */
@ApplicationScoped
class StreamRecords {

    /**
     * One streamed stop.
     *
     * @param streamed           whether the provider that wrote it streamed its text
     * @param firstSentenceMs    claim to the first sentence shown, if one was
     * @param commitMs           claim to the commit
     * @param shownBeforeFailure sentences shown before a link failed (0: none failed)
     * @param writtenBy          the provider whose stop was stored
     */
    record StreamRecord(
            boolean streamed,
            Optional<Integer> firstSentenceMs,
            int commitMs,
            int shownBeforeFailure,
            String writtenBy) {}

    private final DataSource dataSource;

    @Inject
    StreamRecords(Database database) {
        this.dataSource = database.dataSource();
    }

    void record(String rideId, int stop, StreamRecord record, Instant at) {
        Jdbc.inTransaction(dataSource, connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into stop_stream (ride_id, stop, streamed, first_sentence_ms, commit_ms,"
                            + " shown_before_failure, written_by, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, rideId);
                insert.setInt(2, stop);
                insert.setBoolean(3, record.streamed());
                if (record.firstSentenceMs().isPresent()) {
                    insert.setInt(4, record.firstSentenceMs().get());
                } else {
                    insert.setNull(4, Types.INTEGER);
                }
                insert.setInt(5, record.commitMs());
                insert.setInt(6, record.shownBeforeFailure());
                insert.setString(7, record.writtenBy());
                insert.setObject(8, at.atOffset(ZoneOffset.UTC));
                return insert.executeUpdate();
            }
        });
    }

    /** The record of one stop, if it was streamed. */
    Optional<StreamRecord> find(String rideId, int stop) {
        return Jdbc.read(dataSource, connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "select streamed, first_sentence_ms, commit_ms, shown_before_failure, written_by"
                            + " from stop_stream where ride_id = ? and stop = ?")) {
                select.setString(1, rideId);
                select.setInt(2, stop);
                try (var rows = select.executeQuery()) {
                    if (!rows.next()) {
                        return Optional.<StreamRecord>empty();
                    }
                    int first = rows.getInt(2);
                    Optional<Integer> firstSentence = rows.wasNull() ? Optional.empty() : Optional.of(first);
                    return Optional.of(new StreamRecord(
                            rows.getBoolean(1), firstSentence, rows.getInt(3), rows.getInt(4), rows.getString(5)));
                }
            }
        });
    }
}
