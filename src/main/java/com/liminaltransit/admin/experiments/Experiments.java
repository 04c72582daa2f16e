package com.liminaltransit.admin.experiments;

import com.liminaltransit.admin.prompts.PromptStore;
import com.liminaltransit.narrative.PromptSet;
import com.liminaltransit.persistence.Database;
import com.liminaltransit.persistence.Jdbc;
import com.liminaltransit.story.RidePlan;
import com.liminaltransit.story.RidePlans;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Experiments in the database, and the {@link RidePlans} of the story: while an experiment runs, each new player
 * ride gets a variant by {@link Assignment} (sticky per player), and every step of that ride is written with the
 * variant's prompt version and chain. At most one experiment runs at a time. The running experiment is cached for
 * {@code liminal.prompts.cache-ms} (dropped at once on this server when a writer starts or stops one); variants
 * never change, so they are cached for good.
 */
@ApplicationScoped
public class Experiments implements RidePlans {

    static final String RUNNING = "running";
    static final String STOPPED = "stopped";
    private static final DateTimeFormatter CLOCK =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    /**
     * One variant.
     *
     * @param id            its id (rides store it)
     * @param experimentId  its experiment
     * @param position      its place in the experiment, from 0
     * @param name          short name, e.g. {@code A}
     * @param promptVersion the prompt version its rides are written with
     * @param chain         its providers in order; empty for {@code liminal.ai.chain}
     * @param weight        its share of new players, relative to the others
     */
    public record Variant(
            long id, long experimentId, int position, String name, int promptVersion, List<String> chain, int weight) {
        /** The chain as written in the form. */
        public String chainText() {
            return chain.isEmpty() ? "(liminal.ai.chain)" : String.join(",", chain) + ",offline";
        }
    }

    /**
     * One experiment.
     *
     * @param id        its id
     * @param name      what the writer called it
     * @param status    {@code running} or {@code stopped}
     * @param createdBy the writer who started it
     * @param createdAt when it started
     * @param stoppedAt when it stopped, or {@code null}
     * @param winner    the variant published as the winner, or {@code null}
     * @param variants  its variants in order
     */
    public record Experiment(
            long id,
            String name,
            String status,
            String createdBy,
            Instant createdAt,
            Instant stoppedAt,
            Long winner,
            List<Variant> variants) {
        /** Whether new rides are assigned to it. */
        public boolean running() {
            return RUNNING.equals(status);
        }

        /** When it started, for the page. */
        public String createdAtText() {
            return CLOCK.format(createdAt);
        }

        /** When it stopped, for the page, or empty. */
        public String stoppedAtText() {
            return stoppedAt == null ? "" : CLOCK.format(stoppedAt);
        }

        /** The winner's name, or empty. */
        public String winnerName() {
            return variants.stream()
                    .filter(v -> winner != null && v.id() == winner)
                    .map(Variant::name)
                    .findFirst()
                    .orElse("");
        }
    }

    /**
     * A variant as a writer asks for it.
     *
     * @param name          short name
     * @param promptVersion prompt version
     * @param chain         providers in order (empty: the configured chain)
     * @param weight        positive weight
     */
    public record VariantSpec(String name, int promptVersion, List<String> chain, int weight) {}

    private record Cached(Optional<Experiment> running, Instant until) {}

    private final DataSource dataSource;
    private final PromptStore prompts;
    private final Duration cacheLife;
    private final Clock clock = Clock.systemUTC();
    private final Map<Long, Variant> variants = new ConcurrentHashMap<>();
    private volatile Cached running;

    /** Reads and writes experiments on {@code database}; the running one is cached for {@code cacheMillis}. */
    @Inject
    public Experiments(
            Database database,
            PromptStore prompts,
            @ConfigProperty(name = "liminal.prompts.cache-ms", defaultValue = "5000") long cacheMillis) {
        this.dataSource = database.dataSource();
        this.prompts = prompts;
        this.cacheLife = Duration.ofMillis(cacheMillis);
    }

    @Override
    public RidePlan forNewRide(String ownerHash) {
        Optional<Experiment> experiment = running();
        if (experiment.isEmpty() || experiment.get().variants().isEmpty()) {
            return forVariant(null);
        }
        List<Variant> all = experiment.get().variants();
        Variant variant = all.get(Assignment.pick(
                ownerHash,
                experiment.get().id(),
                all.stream().map(Variant::weight).toList()));
        return plan(variant);
    }

    @Override
    public RidePlan forVariant(Long variantId) {
        if (variantId != null) {
            Optional<Variant> variant = variant(variantId);
            if (variant.isPresent()) {
                return plan(variant.get());
            }
        }
        return new RidePlan(null, prompts.published(), List.of());
    }

    private RidePlan plan(Variant variant) {
        PromptSet set = prompts.find(variant.promptVersion()).orElseGet(prompts::published);
        return new RidePlan(variant.id(), set, variant.chain());
    }

    /** The running experiment, if any (cached briefly). */
    public Optional<Experiment> running() {
        Cached cached = running;
        Instant now = clock.instant();
        if (cached != null && now.isBefore(cached.until())) {
            return cached.running();
        }
        Optional<Experiment> fresh = Jdbc.read(dataSource, connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "select id from experiment where status = ? order by id desc limit 1")) {
                query.setString(1, RUNNING);
                try (ResultSet row = query.executeQuery()) {
                    return row.next() ? find(connection, row.getLong(1)) : Optional.<Experiment>empty();
                }
            }
        });
        running = new Cached(fresh, now.plus(cacheLife));
        return fresh;
    }

    /** A variant by id. */
    public Optional<Variant> variant(long id) {
        Variant known = variants.get(id);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Variant> read = Jdbc.read(dataSource, connection -> {
            try (PreparedStatement query =
                    connection.prepareStatement("select experiment_id from experiment_variant where id = ?")) {
                query.setLong(1, id);
                try (ResultSet row = query.executeQuery()) {
                    if (!row.next()) {
                        return Optional.<Variant>empty();
                    }
                    return variantsOf(connection, row.getLong(1)).stream()
                            .filter(v -> v.id() == id)
                            .findFirst();
                }
            }
        });
        read.ifPresent(v -> variants.put(id, v));
        return read;
    }

    /** Every experiment, newest first. */
    public List<Experiment> all() {
        return Jdbc.read(dataSource, connection -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("select id from experiment order by id desc");
                    ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
            List<Experiment> all = new ArrayList<>();
            for (long id : ids) {
                find(connection, id).ifPresent(all::add);
            }
            return all;
        });
    }

    /** One experiment. */
    public Optional<Experiment> find(long id) {
        return Jdbc.read(dataSource, connection -> find(connection, id));
    }

    /**
     * Starts an experiment with these variants.
     *
     * @return its id
     * @throws IllegalStateException when another experiment is running
     */
    public long start(String name, List<VariantSpec> specs, String by) {
        long id = Jdbc.inTransaction(dataSource, connection -> {
            try (PreparedStatement lock =
                    connection.prepareStatement("select count(*) from experiment where status = ?")) {
                lock.setString(1, RUNNING);
                try (ResultSet row = lock.executeQuery()) {
                    row.next();
                    if (row.getInt(1) > 0) {
                        throw new IllegalStateException("Another experiment is running: stop it first.");
                    }
                }
            }
            long experimentId;
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into experiment (name, status, created_by, created_at) values (?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                insert.setString(1, name);
                insert.setString(2, RUNNING);
                insert.setString(3, by);
                insert.setObject(4, clock.instant().atOffset(ZoneOffset.UTC));
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    experimentId = keys.getLong(1);
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into experiment_variant (experiment_id, position, name, prompt_version, chain, weight)
                    values (?, ?, ?, ?, ?, ?)""")) {
                int position = 0;
                for (VariantSpec spec : specs) {
                    insert.setLong(1, experimentId);
                    insert.setInt(2, position++);
                    insert.setString(3, spec.name());
                    insert.setInt(4, spec.promptVersion());
                    insert.setString(5, String.join(",", spec.chain()));
                    insert.setInt(6, spec.weight());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return experimentId;
        });
        running = null;
        return id;
    }

    /**
     * Stops a running experiment; with a winner, publishes the winner's prompt version.
     *
     * @return {@code false} when it was not running (or the winner is not one of its variants)
     */
    public boolean stop(long id, Long winner, String by) {
        Optional<Experiment> experiment = find(id);
        if (experiment.isEmpty() || !experiment.get().running()) {
            return false;
        }
        Optional<Variant> won = winner == null
                ? Optional.empty()
                : experiment.get().variants().stream()
                        .filter(v -> v.id() == winner)
                        .findFirst();
        if (winner != null && won.isEmpty()) {
            return false;
        }
        boolean stopped = Jdbc.inTransaction(dataSource, connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "update experiment set status = ?, stopped_at = ?, winner_variant = ? where id = ? and status = ?")) {
                update.setString(1, STOPPED);
                update.setObject(2, clock.instant().atOffset(ZoneOffset.UTC));
                if (winner == null) {
                    update.setNull(3, java.sql.Types.BIGINT);
                } else {
                    update.setLong(3, winner);
                }
                update.setLong(4, id);
                update.setString(5, RUNNING);
                return update.executeUpdate() == 1;
            }
        });
        running = null;
        if (stopped) {
            won.ifPresent(v -> prompts.publish(v.promptVersion(), by));
        }
        return stopped;
    }

    private Optional<Experiment> find(Connection connection, long id) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("""
                select id, name, status, created_by, created_at, stopped_at, winner_variant
                from experiment where id = ?""")) {
            query.setLong(1, id);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                OffsetDateTime stopped = row.getObject(6, OffsetDateTime.class);
                long winner = row.getLong(7);
                Long winnerId = row.wasNull() ? null : winner;
                return Optional.of(new Experiment(
                        row.getLong(1),
                        row.getString(2),
                        row.getString(3),
                        row.getString(4),
                        row.getObject(5, OffsetDateTime.class).toInstant(),
                        stopped == null ? null : stopped.toInstant(),
                        winnerId,
                        variantsOf(connection, id)));
            }
        }
    }

    private static List<Variant> variantsOf(Connection connection, long experimentId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("""
                select id, position, name, prompt_version, chain, weight from experiment_variant
                where experiment_id = ? order by position""")) {
            query.setLong(1, experimentId);
            List<Variant> all = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String chain = rows.getString(5);
                    List<String> names = chain == null || chain.isBlank()
                            ? List.of()
                            : Arrays.stream(chain.split(","))
                                    .map(String::strip)
                                    .filter(s -> !s.isEmpty())
                                    .toList();
                    all.add(new Variant(
                            rows.getLong(1),
                            experimentId,
                            rows.getInt(2),
                            rows.getString(3),
                            rows.getInt(4),
                            names,
                            rows.getInt(6)));
                }
            }
            return all;
        }
    }
}
