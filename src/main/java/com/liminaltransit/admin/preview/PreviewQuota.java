package com.liminaltransit.admin.preview;

import com.liminaltransit.web.PageException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How much one writer may ask of paid providers through the preview: at most {@code liminal.preview.per-writer}
 * previews in a sliding {@code liminal.preview.window}, and {@code liminal.preview.in-flight} at once. Previews spend
 * the players' budget, so a stuck key or a script in the writers' room cannot run up the bill. Kept in this server's
 * memory: writers are few, and a writer's page posts to the server that drew it.
 */
@ApplicationScoped
class PreviewQuota {

    private final Clock clock;
    private final int perWriter;
    private final Duration window;
    private final int inFlight;
    private final Map<String, Deque<Instant>> recent = new ConcurrentHashMap<>();
    private final Map<String, Semaphore> running = new ConcurrentHashMap<>();

    @Inject
    PreviewQuota(
            Clock clock,
            @ConfigProperty(name = "liminal.preview.per-writer", defaultValue = "60") int perWriter,
            @ConfigProperty(name = "liminal.preview.window", defaultValue = "10m") Duration window,
            @ConfigProperty(name = "liminal.preview.in-flight", defaultValue = "3") int inFlight) {
        if (perWriter < 1 || inFlight < 1 || window.isZero() || window.isNegative()) {
            throw new IllegalStateException(
                    "liminal.preview.per-writer and liminal.preview.in-flight must be 1 or more, liminal.preview.window"
                            + " a positive duration");
        }
        this.clock = clock;
        this.perWriter = perWriter;
        this.window = window;
        this.inFlight = inFlight;
    }

    /** Built at start-up, so a malformed setting stops the server rather than the first preview. */
    void checkedAtStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // Nothing to do: observing the event makes CDI construct this bean, which checks its settings.
    }

    /** A permit for one preview, or a 429 page saying when to come back; close it when the preview is done. */
    Permit take(String writer) {
        Instant now = clock.instant();
        Deque<Instant> times = recent.computeIfAbsent(writer, w -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(window))) {
                times.pollFirst();
            }
            if (times.size() >= perWriter) {
                Duration wait = Duration.between(now, times.peekFirst().plus(window));
                throw new PageException(
                        Response.Status.TOO_MANY_REQUESTS,
                        "You have run " + perWriter + " previews in the last " + window.toMinutes()
                                + " minutes. The next one can run in about " + Math.max(1, wait.toSeconds())
                                + " seconds.",
                        wait);
            }
            Semaphore slots = running.computeIfAbsent(writer, w -> new Semaphore(inFlight));
            if (!slots.tryAcquire()) {
                throw new PageException(
                        Response.Status.TOO_MANY_REQUESTS,
                        "You already have " + inFlight + " previews running. Wait for one to finish.",
                        Duration.ofSeconds(5));
            }
            times.addLast(now);
            return slots::release;
        }
    }

    /** One preview's place among the writer's running previews. */
    @FunctionalInterface
    interface Permit extends AutoCloseable {
        @Override
        void close();
    }
}
