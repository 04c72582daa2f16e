package com.liminaltransit.admin.bank;

import com.liminaltransit.narrative.offline.BankText;
import com.liminaltransit.narrative.offline.BankVersions;
import com.liminaltransit.persistence.Database;
import com.liminaltransit.persistence.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The offline storyteller's content bank versions in the database, kept the way prompt versions are: a version is
 * written once and never changed (there is no update), one version is published at a time (the newest row of
 * {@code bank_publication}; rollback is publishing an older one), and version 1 is the bank shipped on the
 * classpath, inserted on first use. A part's text is stored once (keyed by its SHA-256) however many versions share
 * it. The published version is cached for {@code liminal.bank.cache} (default {@code 5s}) and dropped at once on this
 * server when a writer publishes; versions are cached for good. At most {@code liminal.bank.max-versions} (default
 * 200) versions are kept.
 */
@ApplicationScoped
public class BankStore implements BankVersions {

    private static final DateTimeFormatter CLOCK =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    /** One version as listed. */
    public record VersionInfo(int version, String note, String author, Instant createdAt, boolean published) {
        /** When it was saved, for the page. */
        public String createdAtText() {
            return CLOCK.format(createdAt);
        }
    }

    /** One publication of the log. */
    public record Publication(int version, String publishedBy, Instant publishedAt) {
        /** When, for the page. */
        public String publishedAtText() {
            return CLOCK.format(publishedAt);
        }
    }

    /** Saving is refused: the store keeps no more versions than {@code liminal.bank.max-versions}. */
    public static final class TooManyVersions extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int max;

        TooManyVersions(int max) {
            super("there are already " + max + " content bank versions (liminal.bank.max-versions)");
            this.max = max;
        }

        /** The cap. */
        public int max() {
            return max;
        }
    }

    private record Cached(int version, Instant until) {}

    private final DataSource dataSource;
    private final Clock clock;
    private final Duration cacheLife;
    private final int maxVersions;
    private final Map<Integer, BankText> versions = new ConcurrentHashMap<>();
    private volatile Cached published;

    /** Reads and writes versions on {@code database}; the published one is cached for {@code cacheLife}. */
    @Inject
    public BankStore(
            Database database,
            Clock clock,
            @ConfigProperty(name = "liminal.bank.cache", defaultValue = "5s") Duration cacheLife,
            @ConfigProperty(name = "liminal.bank.max-versions", defaultValue = "200") int maxVersions) {
        if (maxVersions < 1) {
            throw new IllegalStateException("liminal.bank.max-versions must be at least 1, was " + maxVersions);
        }
        this.dataSource = database.dataSource();
        this.clock = clock;
        this.cacheLife = cacheLife;
        this.maxVersions = maxVersions;
    }

    /** Built at start-up, so a malformed bank setting stops the server rather than a writer's save. */
    void checkedAtStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // Nothing to do: observing the event makes CDI construct this bean, which checks its settings.
    }

    /** The most versions kept. */
    public int maxVersions() {
        return maxVersions;
    }

    /** The version new rides are written from (cached briefly). */
    public int publishedVersion() {
        Cached cached = published;
        Instant now = clock.instant();
        if (cached != null && now.isBefore(cached.until())) {
            return cached.version();
        }
        int fresh = publishedVersionNow();
        published = new Cached(fresh, now.plus(cacheLife));
        return fresh;
    }

    /** The published version, read from the database (no cache). */
    public int publishedVersionNow() {
        seedIfEmpty();
        return Jdbc.read(dataSource, connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                            "select version from bank_publication order by id desc limit 1");
                    ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("no content bank version is published");
                }
                return row.getInt(1);
            }
        });
    }

    @Override
    public Optional<BankText> find(int version) {
        BankText known = versions.get(version);
        if (known != null) {
            return Optional.of(known);
        }
        seedIfEmpty();
        Optional<BankText> read = Jdbc.read(dataSource, connection -> {
            try (PreparedStatement query = connection.prepareStatement("""
                    select v.name, p.body from bank_version_part v join bank_part p on p.hash = v.hash
                    where v.version = ? order by v.position""")) {
                query.setInt(1, version);
                Map<String, String> parts = new LinkedHashMap<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        parts.put(rows.getString(1), rows.getString(2));
                    }
                }
                return parts.isEmpty() ? Optional.<BankText>empty() : Optional.of(new BankText(parts));
            }
        });
        read.ifPresent(text -> versions.put(version, text));
        return read;
    }

    /** Every version, newest first, the published one marked. */
    public List<VersionInfo> versions() {
        int current = publishedVersionNow();
        return Jdbc.read(dataSource, connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                            "select version, note, author, created_at from bank_version order by version desc");
                    ResultSet rows = query.executeQuery()) {
                List<VersionInfo> all = new ArrayList<>();
                while (rows.next()) {
                    all.add(new VersionInfo(
                            rows.getInt(1),
                            rows.getString(2),
                            rows.getString(3),
                            instant(rows, 4),
                            rows.getInt(1) == current));
                }
                return all;
            }
        });
    }

    /** One version as listed, if it exists. */
    public Optional<VersionInfo> info(int version) {
        return versions().stream().filter(v -> v.version() == version).findFirst();
    }

    /** The newest version's number. */
    public int newestVersion() {
        seedIfEmpty();
        return Jdbc.read(dataSource, connection -> {
            try (PreparedStatement query =
                            connection.prepareStatement("select coalesce(max(version), 0) from bank_version");
                    ResultSet row = query.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        });
    }

    /** The publication log, newest first. */
    public List<Publication> publications(int limit) {
        return Jdbc.read(dataSource, connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "select version, published_by, published_at from bank_publication order by id desc limit ?")) {
                query.setInt(1, limit);
                try (ResultSet rows = query.executeQuery()) {
                    List<Publication> all = new ArrayList<>();
                    while (rows.next()) {
                        all.add(new Publication(rows.getInt(1), rows.getString(2), instant(rows, 3)));
                    }
                    return all;
                }
            }
        });
    }

    /**
     * Saves a bank as a new version (never published by saving). The caller has checked it.
     *
     * @return the new version's number
     * @throws TooManyVersions when {@link #maxVersions()} versions exist already
     */
    public int save(BankText bank, String note, String author) {
        seedIfEmpty();
        String cleanNote = note == null || note.isBlank() ? null : note.strip();
        for (int attempt = 0; ; attempt++) {
            try {
                return Jdbc.inTransaction(dataSource, connection -> {
                    int next;
                    try (PreparedStatement query = connection.prepareStatement(
                                    "select coalesce(max(version), 0) + 1 from bank_version");
                            ResultSet row = query.executeQuery()) {
                        row.next();
                        next = row.getInt(1);
                    }
                    // Numbered 1, 2, ... and never deleted, so the number is the count; two saves racing for the last
                    // number meet on the primary key and the loser, retrying, is refused here.
                    if (next > maxVersions) {
                        throw new TooManyVersions(maxVersions);
                    }
                    insertVersion(connection, next, bank, cleanNote, author);
                    return next;
                });
            } catch (Jdbc.DuplicateKeyException raced) {
                if (attempt >= 4) {
                    throw raced;
                }
            }
        }
    }

    /**
     * Publishes a version: rides boarded from now on are written from it (on other servers within the cache's life).
     *
     * @return {@code false} when no such version exists
     */
    public boolean publish(int version, String by) {
        if (find(version).isEmpty()) {
            return false;
        }
        Jdbc.inTransaction(dataSource, connection -> {
            insertPublication(connection, version, by);
            return null;
        });
        published = null;
        return true;
    }

    /** Inserts version 1 (the shipped bank) and publishes it when the tables are empty. */
    private void seedIfEmpty() {
        if (!versions.isEmpty()) {
            return;
        }
        boolean seeded = Jdbc.read(dataSource, connection -> {
            try (PreparedStatement query = connection.prepareStatement("select count(*) from bank_publication");
                    ResultSet row = query.executeQuery()) {
                row.next();
                return row.getInt(1) > 0;
            }
        });
        if (seeded) {
            return;
        }
        try {
            Jdbc.inTransaction(dataSource, connection -> {
                insertVersion(connection, 1, BankText.shipped(), "The bank shipped with the code", "liminal");
                insertPublication(connection, 1, "liminal");
                return null;
            });
        } catch (Jdbc.DuplicateKeyException anotherServerWasFirst) {
            // another server seeded version 1 at the same moment: its publication stands
        }
    }

    private void insertVersion(Connection connection, int version, BankText bank, String note, String author)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into bank_version (version, note, author, created_at) values (?, ?, ?, ?)")) {
            insert.setInt(1, version);
            insert.setString(2, note);
            insert.setString(3, author);
            insert.setObject(4, clock.instant().atOffset(ZoneOffset.UTC));
            insert.executeUpdate();
        }
        int position = 0;
        for (Map.Entry<String, String> part : bank.parts().entrySet()) {
            String hash = sha256(part.getValue());
            storePart(connection, hash, part.getValue());
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into bank_version_part (version, position, name, hash) values (?, ?, ?, ?)")) {
                insert.setInt(1, version);
                insert.setInt(2, position++);
                insert.setString(3, part.getKey());
                insert.setString(4, hash);
                insert.executeUpdate();
            }
        }
    }

    /** A part's text, once: a version that keeps a part unchanged shares the stored text. */
    private static void storePart(Connection connection, String hash, String body) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select 1 from bank_part where hash = ?")) {
            query.setString(1, hash);
            try (ResultSet row = query.executeQuery()) {
                if (row.next()) {
                    return;
                }
            }
        }
        try (PreparedStatement insert =
                connection.prepareStatement("insert into bank_part (hash, body) values (?, ?)")) {
            insert.setString(1, hash);
            insert.setString(2, body);
            insert.executeUpdate();
        }
    }

    private void insertPublication(Connection connection, int version, String by) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into bank_publication (version, published_by, published_at) values (?, ?, ?)")) {
            insert.setInt(1, version);
            insert.setString(2, by);
            insert.setObject(3, clock.instant().atOffset(ZoneOffset.UTC));
            insert.executeUpdate();
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        return row.getObject(column, OffsetDateTime.class).toInstant();
    }
}
