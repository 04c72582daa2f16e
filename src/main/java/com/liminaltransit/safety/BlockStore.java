package com.liminaltransit.safety;

import com.liminaltransit.persistence.Database;
import com.liminaltransit.persistence.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** The refused answers ({@code safety_block}): written by the chain's check, read by the writers' page. */
@ApplicationScoped
public class BlockStore {

    private static final Logger LOG = Logger.getLogger(BlockStore.class.getName());

    /** Longest text kept; a passage, four labels and a summary fit. */
    static final int MAX_TEXT = 8000;

    private final DataSource dataSource;

    @Inject
    BlockStore(Database database) {
        this.dataSource = database.dataSource();
    }

    /**
     * Writes one row. A database that refuses it is logged, never thrown: the player waiting for the stop must not
     * lose it to the bookkeeping.
     */
    void record(Block block) {
        // a check that ends as the step deadline interrupts its thread is still worth recording
        boolean interrupted = Thread.interrupted();
        try {
            Jdbc.inTransaction(dataSource, connection -> {
                try (PreparedStatement insert = connection.prepareStatement("""
                        insert into safety_block (blocked_at, ride_id, stop, purpose, provider, language, layer,
                            categories, reason, action, text)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                    insert.setObject(1, block.at().atOffset(ZoneOffset.UTC));
                    insert.setString(2, block.rideId());
                    if (block.stop() == null) {
                        insert.setNull(3, Types.INTEGER);
                    } else {
                        insert.setInt(3, block.stop());
                    }
                    insert.setString(4, block.purpose());
                    insert.setString(5, cap(block.provider(), 32));
                    insert.setString(6, cap(block.language(), 16));
                    insert.setString(7, block.layer());
                    insert.setString(8, cap(block.categories(), 400));
                    insert.setString(9, cap(block.reason(), 400));
                    insert.setString(10, block.action());
                    insert.setString(11, cap(block.text(), MAX_TEXT));
                    return insert.executeUpdate();
                }
            });
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, e, () -> "A safety block of " + block.provider() + " could not be recorded");
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The newest {@code limit} rows, newest first. */
    public List<Block> recent(int limit) {
        return Jdbc.read(dataSource, connection -> {
            try (PreparedStatement query = connection.prepareStatement("""
                    select id, blocked_at, ride_id, stop, purpose, provider, language, layer, categories, reason,
                        action, text
                    from safety_block order by blocked_at desc, id desc limit ?""")) {
                query.setInt(1, limit);
                List<Block> blocks = new ArrayList<>();
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        blocks.add(block(row));
                    }
                }
                return blocks;
            }
        });
    }

    /** Blocks per UTC day since {@code since} (inclusive), oldest first; days without blocks are left out. */
    public List<BlockDay> perDay(LocalDate since) {
        return Jdbc.read(dataSource, connection -> {
            try (PreparedStatement query = connection.prepareStatement("""
                    select cast(blocked_at as date) as blocked_on, layer, action, count(*) from safety_block
                    where blocked_at >= ?
                    group by cast(blocked_at as date), layer, action order by blocked_on""")) {
                query.setObject(1, since.atStartOfDay().atOffset(ZoneOffset.UTC));
                Map<LocalDate, int[]> days = new TreeMap<>();
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        int[] counts = days.computeIfAbsent(row.getObject(1, LocalDate.class), d -> new int[5]);
                        int count = row.getInt(4);
                        counts[column(row.getString(2), row.getString(3))] += count;
                    }
                }
                List<BlockDay> out = new ArrayList<>();
                days.forEach((day, c) -> out.add(new BlockDay(day, c[0], c[1], c[2], c[3], c[4])));
                return out;
            }
        });
    }

    private static int column(String layer, String action) {
        if ("served".equals(action)) {
            return 4;
        }
        if ("fail-closed".equals(action)) {
            return 3;
        }
        return switch (layer) {
            case "comprehend" -> 1;
            case "guardrail" -> 2;
            default -> 0;
        };
    }

    private static Block block(ResultSet row) throws SQLException {
        int stop = row.getInt(4);
        Integer stopOrNull = row.wasNull() ? null : stop;
        return new Block(
                row.getLong(1),
                row.getObject(2, OffsetDateTime.class).toInstant(),
                row.getString(3),
                stopOrNull,
                row.getString(5),
                row.getString(6),
                row.getString(7),
                row.getString(8),
                row.getString(9),
                row.getString(10),
                row.getString(11),
                row.getString(12));
    }

    private static String cap(String text, int max) {
        if (text == null) {
            return "";
        }
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
