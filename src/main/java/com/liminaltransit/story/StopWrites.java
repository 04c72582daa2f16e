package com.liminaltransit.story;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * The stops this server is writing in the background, by ride and stop, so that streams can attach to them. A
 * write leaves this table once its stop is stored: later streams replay the stored stop.
 */
@ApplicationScoped
class StopWrites {

    private final Map<String, StopWrite> inFlight = new ConcurrentHashMap<>();
    private final ExecutorService writers = Executors.newVirtualThreadPerTaskExecutor();

    /** Starts writing stop {@code stop} of a ride; {@code work} stores it and reports to the write it is given. */
    void start(String rideId, int stop, Locale language, Consumer<StopWrite> work) {
        var write = new StopWrite(language);
        String key = key(rideId, stop);
        inFlight.put(key, write);
        writers.execute(() -> {
            try {
                work.accept(write);
            } catch (RuntimeException e) {
                write.failed("The train could not write the next stop. Choose again.");
                throw e;
            } finally {
                inFlight.remove(key, write);
            }
        });
    }

    /** The write of that stop in flight on this server, if any. */
    Optional<StopWrite> find(String rideId, int stop) {
        return Optional.ofNullable(inFlight.get(key(rideId, stop)));
    }

    @PreDestroy
    void stop() {
        writers.shutdown();
    }

    private static String key(String rideId, int stop) {
        return rideId + "/" + stop;
    }
}
