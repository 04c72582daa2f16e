package com.liminaltransit.admin.ridebot;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Randomtest runs started from the writers' room: played one at a time on a background thread, their progress
 * kept in memory for the page to poll. A run lives on the server that started it (the page polls that server;
 * behind a load balancer without sticky sessions, the CLI is the tool for long runs). The last few runs are kept.
 */
@ApplicationScoped
class RideBotRuns {

    private static final Logger LOG = Logger.getLogger(RideBotRuns.class.getName());
    private static final int KEPT = 20;

    private final RideBot bot;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "randomtest");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Run> runs = new LinkedHashMap<>();

    @Inject
    RideBotRuns(RideBot bot, Clock clock) {
        this.bot = bot;
        this.clock = clock;
    }

    /** One run as the page shows it. */
    static final class Run {
        private final String id;
        private final int rides;
        private final long seed;
        private final String startedBy;
        private final Instant startedAt;
        private final AtomicInteger done = new AtomicInteger();
        private volatile RideBotReport report;
        private volatile String failure;

        Run(String id, int rides, long seed, String startedBy, Instant startedAt) {
            this.id = id;
            this.rides = rides;
            this.seed = seed;
            this.startedBy = startedBy;
            this.startedAt = startedAt;
        }

        RunView view() {
            return new RunView(id, rides, seed, startedBy, startedAt, done.get(), report, failure);
        }
    }

    /** Queues a run of {@code rides} rides from {@code seed}; returns its id. */
    synchronized String start(int rides, long seed, String writer) {
        return start(rides, seed, writer, null);
    }

    /** Queues a run of {@code rides} rides from {@code seed} as experiment variant {@code variantId}. */
    synchronized String start(int rides, long seed, String writer, Long variantId) {
        String id = UUID.randomUUID().toString();
        Run run = new Run(id, rides, seed, writer, clock.instant());
        runs.put(id, run);
        while (runs.size() > KEPT) {
            runs.remove(runs.keySet().iterator().next());
        }
        worker.submit(() -> {
            try {
                run.report = bot.run(rides, seed, variantId, run.done::set);
                LOG.info(() -> "Randomtest " + id + " by " + writer + ":\n" + run.report.toText());
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, e, () -> "Randomtest " + id + " failed");
                run.failure = "The run stopped: " + e.getClass().getSimpleName();
            }
        });
        return id;
    }

    /** A run by id. */
    synchronized Optional<RunView> find(String id) {
        return Optional.ofNullable(runs.get(id)).map(Run::view);
    }

    /** The kept runs, newest first. */
    synchronized java.util.List<RunView> recent() {
        java.util.List<RunView> views =
                new java.util.ArrayList<>(runs.values().stream().map(Run::view).toList());
        java.util.Collections.reverse(views);
        return views;
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
