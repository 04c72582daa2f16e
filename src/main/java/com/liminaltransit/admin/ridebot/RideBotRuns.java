package com.liminaltransit.admin.ridebot;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Randomtest runs started from the writers' room: played one at a time on a background thread, their progress
 * kept in memory for the page to poll. Each run is also a row of {@link RideBotRunStore}, so on every server a
 * writer has at most one run queued or playing, and a cancel sent to any server stops it before its next ride.
 * A run lives on the server that started it (the page polls that server; another server shows where it stands,
 * from the database). A run plays at most {@code liminal.ridebot.max-rides} rides (default 1000). The last few
 * runs are kept.
 */
@ApplicationScoped
class RideBotRuns {

    private static final Logger LOG = Logger.getLogger(RideBotRuns.class.getName());
    private static final int KEPT = 20;

    private final RideBot bot;
    private final RideBotRunStore store;
    private final Clock clock;
    private final int maxRides;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "randomtest");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Run> runs = new LinkedHashMap<>();

    @Inject
    RideBotRuns(
            RideBot bot,
            RideBotRunStore store,
            Clock clock,
            @ConfigProperty(name = "liminal.ridebot.max-rides", defaultValue = "1000") int maxRides) {
        if (maxRides < 1) {
            throw new IllegalStateException("liminal.ridebot.max-rides must be at least 1, was " + maxRides);
        }
        this.bot = bot;
        this.store = store;
        this.clock = clock;
        this.maxRides = maxRides;
    }

    /** Built at start-up, so a malformed {@code liminal.ridebot.max-rides} stops the server, not a writer's run. */
    void checkedAtStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // Nothing to do: observing the event makes CDI construct this bean, which checks its setting.
    }

    /** The most rides one run may play. */
    int maxRides() {
        return maxRides;
    }

    /** One run as the page shows it. */
    static final class Run {
        private final String id;
        private final int rides;
        private final long seed;
        private final String startedBy;
        private final Instant startedAt;
        private final ChoicePolicy policy;
        private final AtomicInteger done = new AtomicInteger();
        private volatile boolean cancelRequested;
        private volatile RideBotReport report;
        private volatile String failure;

        Run(String id, int rides, long seed, String startedBy, Instant startedAt, ChoicePolicy policy) {
            this.id = id;
            this.policy = policy;
            this.rides = rides;
            this.seed = seed;
            this.startedBy = startedBy;
            this.startedAt = startedAt;
        }

        RunView view() {
            return new RunView(
                    id, rides, seed, startedBy, startedAt, done.get(), report, failure, cancelRequested, null, policy);
        }

        boolean over() {
            return report != null || failure != null;
        }
    }

    /**
     * Queues a run of {@code rides} rides from {@code seed} as experiment variant {@code variantId} ({@code null}:
     * the published prompts and the configured chain); returns its id.
     *
     * @param budgetOverrideBy the writer who confirmed a paid run past the day's AI budget, or {@code null}
     * @throws IllegalArgumentException        when {@code rides} is not 1 to {@link #maxRides()}
     * @throws RideBotRunStore.AlreadyActive when the writer already has a run queued or playing
     */
    synchronized String start(int rides, long seed, String writer, Long variantId, String budgetOverrideBy) {
        return start(rides, seed, writer, variantId, budgetOverrideBy, ChoicePolicy.RANDOM);
    }

    /** As {@link #start(int, long, String, Long, String)}, choosing by {@code policy}. */
    synchronized String start(
            int rides, long seed, String writer, Long variantId, String budgetOverrideBy, ChoicePolicy policy) {
        if (rides < 1 || rides > maxRides) {
            throw new IllegalArgumentException("a run plays 1 to " + maxRides + " rides");
        }
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        store.start(id, writer, rides, seed, variantId, budgetOverrideBy, now);
        Run run = new Run(id, rides, seed, writer, now, policy);
        runs.put(id, run);
        while (runs.size() > KEPT) {
            runs.remove(runs.keySet().iterator().next());
        }
        worker.submit(() -> play(run, variantId));
        return id;
    }

    private void play(Run run, Long variantId) {
        try {
            run.report = bot.run(
                    run.rides,
                    run.seed,
                    variantId,
                    run.policy,
                    run.done::set,
                    () -> run.cancelRequested || !store.active(run.id));
            if (!run.report.cancelled()) {
                store.end(run.id, RideBotRunStore.State.FINISHED, null, clock.instant());
            }
            LOG.info(() -> "Randomtest " + run.id + " by " + run.startedBy + ":\n" + run.report.toText());
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, e, () -> "Randomtest " + run.id + " failed");
            run.failure = "The run stopped: " + e.getClass().getSimpleName();
            endQuietly(run.id, RideBotRunStore.State.FAILED);
        }
    }

    /**
     * Cancels a queued or playing run, on whichever server it plays: it stops before its next ride.
     *
     * @return {@code false} when no such run is queued or playing
     */
    boolean cancel(String id, String writer) {
        Run run;
        synchronized (this) {
            run = runs.get(id);
        }
        if (run != null && !run.over()) {
            run.cancelRequested = true;
        }
        boolean cancelled = store.end(id, RideBotRunStore.State.CANCELLED, writer, clock.instant());
        if (cancelled) {
            LOG.info(() -> "Randomtest " + id + " cancelled by " + writer);
        }
        return cancelled;
    }

    /** A run by id: from this server's memory, else where it stands in the database. */
    Optional<RunView> find(String id) {
        synchronized (this) {
            Run run = runs.get(id);
            if (run != null) {
                return Optional.of(run.view());
            }
        }
        return store.find(id).map(RideBotRuns::elsewhere);
    }

    /** The writer's run that is queued or playing, on any server. */
    Optional<RunView> activeOf(String writer) {
        return store.activeOf(writer).flatMap(run -> find(run.id()));
    }

    private static RunView elsewhere(RideBotRunStore.StoredRun run) {
        RunState state = switch (run.state()) {
            case ACTIVE -> RunState.RUNNING;
            case FINISHED -> RunState.ELSEWHERE;
            case CANCELLED -> RunState.CANCELLED;
            case FAILED -> RunState.FAILED;
        };
        return new RunView(
                run.id(), run.rides(), run.seed(), run.startedBy(), run.startedAt(), 0, null, null, false, state, null);
    }

    /** The kept runs, newest first. */
    synchronized List<RunView> recent() {
        List<RunView> views =
                new ArrayList<>(runs.values().stream().map(Run::view).toList());
        Collections.reverse(views);
        return views;
    }

    /** A stopping server ends its runs in the database, so their writers may start others elsewhere. */
    @PreDestroy
    void stop() {
        worker.shutdownNow();
        List<Run> unfinished;
        synchronized (this) {
            unfinished = runs.values().stream().filter(run -> !run.over()).toList();
        }
        unfinished.forEach(run -> endQuietly(run.id, RideBotRunStore.State.FAILED));
    }

    private void endQuietly(String id, RideBotRunStore.State state) {
        try {
            store.end(id, state, null, clock.instant());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, e, () -> "Randomtest " + id + " could not be marked " + state);
        }
    }
}
