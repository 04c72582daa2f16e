package com.liminaltransit.admin.prompts;

import com.liminaltransit.narrative.PromptBuilder;
import com.liminaltransit.narrative.PromptSet;
import com.liminaltransit.narrative.PublishedPrompts;
import com.liminaltransit.persistence.Database;
import com.liminaltransit.persistence.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The prompt versions in the database. A version is written once and never changed (there is no update); one
 * version is published at a time: the newest row of {@code prompt_publication}, so rollback is publishing an older
 * version again and the log keeps who published what when. The published version is cached for
 * {@code liminal.prompts.cache} (default {@code 5s}) so every step does not read it, and dropped at once on this
 * server when a writer publishes; other servers on the same database follow within the cache's life. Version 1
 * is the classpath templates, inserted on first use. Versions are never deleted, so their number is bounded:
 * {@code liminal.prompts.max-versions} (default 500); saving past it is refused.
 */
@ApplicationScoped
public class PromptStore implements PublishedPrompts {

    /** One version as listed. */
    public record VersionInfo(int version, String note, String author, Instant createdAt, boolean published) {
        /** When it was saved, for the page. */
        public String createdAtText() {
            return Texts.clock(createdAt);
        }
    }

    /** One publication of the log. */
    public record Publication(int version, String publishedBy, Instant publishedAt) {
        /** When, for the page. */
        public String publishedAtText() {
            return Texts.clock(publishedAt);
        }
    }

    /**
     * One page of the version list, newest first.
     *
     * @param versions the versions on this page
     * @param page     this page, from 1
     * @param pages    how many pages there are (at least 1)
     * @param total    how many versions there are
     */
    public record VersionPage(List<VersionInfo> versions, int page, int pages, int total) {
        public VersionPage {
            versions = List.copyOf(versions);
        }

        /** Whether a newer page comes before this one. */
        public boolean hasNewer() {
            return page > 1;
        }

        /** Whether an older page comes after this one. */
        public boolean hasOlder() {
            return page < pages;
        }
    }

    /** Saving is refused: the store keeps no more versions than {@code liminal.prompts.max-versions}. */
    public static final class TooManyVersions extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int max;

        TooManyVersions(int max) {
            super("there are already " + max + " prompt versions (liminal.prompts.max-versions)");
            this.max = max;
        }

        /** The cap. */
        public int max() {
            return max;
        }
    }

    private record Cached(PromptSet prompts, Instant until) {}

    private static final int DEFAULT_MAX_VERSIONS = 500;

    private final DataSource dataSource;
    private final Duration cacheLife;
    private final int maxVersions;
    private final Clock clock;
    private final Map<Integer, PromptSet> versions = new ConcurrentHashMap<>();
    private volatile Cached published;

    /**
     * Reads and writes versions on {@code database}; the published version is cached for {@code cacheLife}; at most
     * {@code maxVersions} versions are kept.
     */
    @Inject
    public PromptStore(
            Database database,
            Clock clock,
            @ConfigProperty(name = "liminal.prompts.cache", defaultValue = "5s") Duration cacheLife,
            @ConfigProperty(name = "liminal.prompts.max-versions", defaultValue = "500") int maxVersions) {
        if (maxVersions < 1) {
            throw new IllegalStateException("liminal.prompts.max-versions must be at least 1, was " + maxVersions);
        }
        this.dataSource = database.dataSource();
        this.clock = clock;
        this.cacheLife = cacheLife;
        this.maxVersions = maxVersions;
    }

    /** A store keeping the default 500 versions at most, for code that builds one by hand (tests, tools). */
    public PromptStore(Database database, Clock clock, Duration cacheLife) {
        this(database, clock, cacheLife, DEFAULT_MAX_VERSIONS);
    }

    /** Built at start-up, so a malformed prompt setting stops the server rather than a writer's save. */
    void checkedAtStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // Nothing to do: observing the event makes CDI construct this bean, which checks its settings.
    }

    /** The most versions kept ({@code liminal.prompts.max-versions}). */
    public int maxVersions() {
        return maxVersions;
    }

    @Override
    public PromptSet published() {
        Cached cached = published;
        Instant now = clock.instant();
        if (cached != null && now.isBefore(cached.until())) {
            return cached.prompts();
        }
        PromptSet fresh = find(publishedVersion())
                .orElseThrow(() -> new IllegalStateException("the published prompt version is missing"));
        published = new Cached(fresh, now.plus(cacheLife));
        return fresh;
    }

    /** The number of the published version, read from the database (no cache). */
    public int publishedVersion() {
        seedIfEmpty();
        return Jdbc.read(dataSource, connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                            "select version from prompt_publication order by id desc limit 1");
                    ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("no prompt version is published");
                }
                return row.getInt(1);
            }
        });
    }

    /** A version by number; versions never change, so they are cached for good once read. */
    public Optional<PromptSet> find(int version) {
        PromptSet known = versions.get(version);
        if (known != null) {
            return Optional.of(known);
        }
        seedIfEmpty();
        Optional<PromptSet> read = Jdbc.read(dataSource, connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "select system_text, step_text from prompt_version where version = ?")) {
                query.setInt(1, version);
                try (ResultSet row = query.executeQuery()) {
                    return row.next()
                            ? Optional.of(new PromptSet(version, row.getString(1), row.getString(2)))
                            : Optional.<PromptSet>empty();
                }
            }
        });
        read.ifPresent(set -> versions.put(version, set));
        return read;
    }

    /**
     * One page of versions, newest first, the published one marked; a page past the last is empty.
     *
     * @param page from 1
     * @param size versions per page
     */
    public VersionPage versions(int page, int size) {
        int current = publishedVersion();
        return Jdbc.read(dataSource, connection -> {
            int total;
            try (PreparedStatement count = connection.prepareStatement("select count(*) from prompt_version");
                    ResultSet row = count.executeQuery()) {
                row.next();
                total = row.getInt(1);
            }
            List<VersionInfo> versions = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement(
                    "select version, note, author, created_at from prompt_version order by version desc"
                            + " limit ? offset ?")) {
                query.setInt(1, size);
                query.setLong(2, (long) (page - 1) * size);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        versions.add(new VersionInfo(
                                rows.getInt(1),
                                rows.getString(2),
                                rows.getString(3),
                                instant(rows, 4),
                                rows.getInt(1) == current));
                    }
                }
            }
            return new VersionPage(versions, page, Math.max(1, (total + size - 1) / size), total);
        });
    }

    /** The newest version's number. */
    public int newestVersion() {
        seedIfEmpty();
        return Jdbc.read(dataSource, connection -> {
            try (PreparedStatement query =
                            connection.prepareStatement("select coalesce(max(version), 0) from prompt_version");
                    ResultSet row = query.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        });
    }

    /**
     * Every version, newest first, the published one marked (at most {@link #maxVersions()}; for pickers that
     * offer them all).
     */
    public List<VersionInfo> versions() {
        int current = publishedVersion();
        return Jdbc.read(dataSource, connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                            "select version, note, author, created_at from prompt_version order by version desc");
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

    /** The publication log, newest first. */
    public List<Publication> publications(int limit) {
        return Jdbc.read(dataSource, connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "select version, published_by, published_at from prompt_publication order by id desc limit ?")) {
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
     * Saves the templates as a new version (never published by saving).
     *
     * @return the new version's number
     * @throws IllegalArgumentException when {@link PromptBuilder#problems} finds anything wrong
     * @throws TooManyVersions          when {@link #maxVersions()} versions exist already
     */
    public int save(String system, String step, String note, String author) {
        List<String> problems = PromptBuilder.problems(system, step);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join(" ", problems));
        }
        seedIfEmpty();
        String cleanNote = note == null || note.isBlank() ? null : note.strip();
        for (int attempt = 0; ; attempt++) {
            try {
                return Jdbc.inTransaction(dataSource, connection -> {
                    int next;
                    try (PreparedStatement query = connection.prepareStatement(
                                    "select coalesce(max(version), 0) + 1 from prompt_version");
                            ResultSet row = query.executeQuery()) {
                        row.next();
                        next = row.getInt(1);
                    }
                    // Versions are numbered 1, 2, ... and never deleted, so the number is the count; two saves
                    // racing for the last number meet on the primary key and the loser, retrying, is refused here.
                    if (next > maxVersions) {
                        throw new TooManyVersions(maxVersions);
                    }
                    insertVersion(connection, next, system, step, cleanNote, author);
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
     * Publishes a version: new steps use it (on other servers within the cache's life).
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

    /** Inserts version 1 (the classpath templates) and publishes it when the tables are empty. */
    private void seedIfEmpty() {
        if (!versions.isEmpty()) {
            return;
        }
        boolean seeded = Jdbc.read(dataSource, connection -> {
            try (PreparedStatement query = connection.prepareStatement("select count(*) from prompt_publication");
                    ResultSet row = query.executeQuery()) {
                row.next();
                return row.getInt(1) > 0;
            }
        });
        if (seeded) {
            return;
        }
        PromptSet shipped = PromptBuilder.shipped();
        try {
            Jdbc.inTransaction(dataSource, connection -> {
                insertVersion(
                        connection,
                        1,
                        shipped.system(),
                        shipped.step(),
                        "The templates shipped with the code",
                        "liminal");
                insertPublication(connection, 1, "liminal");
                return null;
            });
        } catch (Jdbc.DuplicateKeyException anotherServerWasFirst) {
            // another server seeded version 1 at the same moment: its publication stands
        }
    }

    private void insertVersion(
            Connection connection, int version, String system, String step, String note, String author)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into prompt_version (version, system_text, step_text, note, author, created_at)
                values (?, ?, ?, ?, ?, ?)""")) {
            insert.setInt(1, version);
            insert.setString(2, system);
            insert.setString(3, step);
            insert.setString(4, note);
            insert.setString(5, author);
            insert.setObject(6, clock.instant().atOffset(ZoneOffset.UTC));
            insert.executeUpdate();
        }
    }

    private void insertPublication(Connection connection, int version, String by) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into prompt_publication (version, published_by, published_at) values (?, ?, ?)")) {
            insert.setInt(1, version);
            insert.setString(2, by);
            insert.setObject(3, clock.instant().atOffset(ZoneOffset.UTC));
            insert.executeUpdate();
        }
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        return row.getObject(column, OffsetDateTime.class).toInstant();
    }
}
