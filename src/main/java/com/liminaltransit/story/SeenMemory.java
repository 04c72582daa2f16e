package com.liminaltransit.story;

import com.liminaltransit.persistence.Database;
import com.liminaltransit.persistence.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A player's "seen" memory: the scenes and threads of the offline storyteller they have read (table
 * {@code player_seen}), kept on the server so their next rides avoid them. It is remembered after a stop is stored,
 * in its own small transaction: a memory that fails to update costs a player a little variety, never a stop.
 */
@ApplicationScoped
public class SeenMemory {

    /** How much a new ride is told to avoid: the most recently read. */
    static final int RECALLED = 60;

    private static final Logger LOG = Logger.getLogger(SeenMemory.class.getName());

    private final DataSource dataSource;

    @Inject
    SeenMemory(Database database) {
        this.dataSource = database.dataSource();
    }

    /** What this player has read, most recent first, at most {@value #RECALLED} ids. */
    public List<String> recent(String ownerHash) {
        return Jdbc.read(dataSource, connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "select item from player_seen where owner_hash = ? order by seen_at desc, item limit ?")) {
                query.setString(1, ownerHash);
                query.setInt(2, RECALLED);
                List<String> items = new ArrayList<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        items.add(rows.getString(1));
                    }
                }
                return items;
            }
        });
    }

    /** Remembers that this player has read these (scene or thread ids); reading one again brings it forward. */
    void remember(String ownerHash, List<String> items, Instant now) {
        if (items.isEmpty()) {
            return;
        }
        try {
            Jdbc.inTransaction(dataSource, connection -> {
                for (String item : items) {
                    try (PreparedStatement update = connection.prepareStatement(
                            "update player_seen set seen_at = ? where owner_hash = ? and item = ?")) {
                        update.setObject(1, now.atOffset(ZoneOffset.UTC));
                        update.setString(2, ownerHash);
                        update.setString(3, item);
                        if (update.executeUpdate() == 1) {
                            continue;
                        }
                    }
                    try (PreparedStatement insert = connection.prepareStatement(
                            "insert into player_seen (owner_hash, item, seen_at) values (?, ?, ?)")) {
                        insert.setString(1, ownerHash);
                        insert.setString(2, item);
                        insert.setObject(3, now.atOffset(ZoneOffset.UTC));
                        insert.executeUpdate();
                    }
                }
                return null;
            });
        } catch (RuntimeException e) {
            // Two tabs of one player writing the same memory at once: one of them wins, which is all it needs.
            LOG.log(Level.FINE, e, () -> "seen memory of a player not updated");
        }
    }
}
