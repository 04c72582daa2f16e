package com.liminaltransit.story;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How many stop streams each player and each address hold open on this server. A stream costs no AI call (the
 * choice that started the write was limited already) but holds a connection and a thread for as long as the stop
 * takes: a second tab or a reconnect is welcome, a script opening hundreds is not.
 */
@ApplicationScoped
class OpenStreams {

    private final int perPlayer;
    private final int perAddress;
    private final Map<String, Integer> open = new ConcurrentHashMap<>();

    @Inject
    OpenStreams(
            @ConfigProperty(name = "liminal.stream.max-per-player", defaultValue = "4") int perPlayer,
            @ConfigProperty(name = "liminal.stream.max-per-address", defaultValue = "64") int perAddress) {
        this.perPlayer = perPlayer;
        this.perAddress = perAddress;
    }

    /** One open stream; closing it gives its places back. */
    final class Lease implements AutoCloseable {
        private final String player;
        private final String address;
        private boolean closed;

        private Lease(String player, String address) {
            this.player = player;
            this.address = address;
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                release(player);
                release(address);
            }
        }
    }

    /** A place for one more stream of this player from this address, or empty when either has too many open. */
    Optional<Lease> open(String playerHash, String clientAddress) {
        String player = "player:" + playerHash;
        String address = "address:" + clientAddress;
        if (!take(player, perPlayer)) {
            return Optional.empty();
        }
        if (!take(address, perAddress)) {
            release(player);
            return Optional.empty();
        }
        return Optional.of(new Lease(player, address));
    }

    private boolean take(String key, int limit) {
        boolean[] taken = {false};
        open.compute(key, (k, count) -> {
            int now = count == null ? 0 : count;
            if (now >= limit) {
                return count;
            }
            taken[0] = true;
            return now + 1;
        });
        return taken[0];
    }

    private void release(String key) {
        open.computeIfPresent(key, (k, count) -> count <= 1 ? null : count - 1);
    }
}
