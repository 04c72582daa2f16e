package com.liminaltransit.throttle;

import com.liminaltransit.web.PageException;
import com.liminaltransit.web.PlayerCookieFilter;
import com.liminaltransit.web.RequestOrigin;
import com.liminaltransit.web.SmokeRequests;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Spends a token of the player's bucket and of the client address's bucket before a ride is boarded or a stop
 * answered, so scripted spam costs no AI calls. Over the limit the answer is a {@code 429} page that says when to
 * come back ({@code Retry-After}); nothing is stored. WAF's rate rule at the edge is the first line; this one
 * holds per player and across every server, since the buckets live in the database.
 */
@Provider
@Throttled
@Priority(Priorities.AUTHORIZATION)
@ApplicationScoped
public class ThrottleFilter implements ContainerRequestFilter {

    private final TokenBuckets buckets;
    private final RequestOrigin origin;
    private final MetricRegistry metrics;
    private final boolean enabled;
    private final Map<Action, RateLimit> perPlayer;
    private final Map<Action, RateLimit> perAddress;
    private final Clock clock;

    @Inject
    ThrottleFilter(
            TokenBuckets buckets,
            RequestOrigin origin,
            MetricRegistry metrics,
            Clock clock,
            @ConfigProperty(name = "liminal.limits.enabled", defaultValue = "true") boolean enabled,
            @ConfigProperty(name = "liminal.limits.board-per-player") String boardPerPlayer,
            @ConfigProperty(name = "liminal.limits.board-per-address") String boardPerAddress,
            @ConfigProperty(name = "liminal.limits.choose-per-player") String choosePerPlayer,
            @ConfigProperty(name = "liminal.limits.choose-per-address") String choosePerAddress) {
        this.buckets = buckets;
        this.origin = origin;
        this.metrics = metrics;
        this.clock = clock;
        this.enabled = enabled;
        this.perPlayer = Map.of(
                Action.BOARD, RateLimit.parse("liminal.limits.board-per-player", boardPerPlayer),
                Action.CHOOSE, RateLimit.parse("liminal.limits.choose-per-player", choosePerPlayer));
        this.perAddress = Map.of(
                Action.BOARD, RateLimit.parse("liminal.limits.board-per-address", boardPerAddress),
                Action.CHOOSE, RateLimit.parse("liminal.limits.choose-per-address", choosePerAddress));
    }

    /**
     * Built when the server starts, not at the first boarding: a malformed limit stops the start-up, naming the
     * setting, instead of leaving a ready server whose every boarding fails.
     */
    void checkedAtStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // Nothing to do: observing the event makes CDI construct this bean, which parses the limits.
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!enabled || SmokeRequests.isSmoke(request)) {
            return;
        }
        Action action = Action.of(request.getMethod(), request.getUriInfo().getPath());
        String player = PlayerCookieFilter.player(request).ownerHash();
        String address = origin.clientAddress(request);
        Optional<Duration> wait = buckets.take(
                List.of(
                        new TokenBuckets.Draw(action.key() + ":player:" + player, perPlayer.get(action)),
                        new TokenBuckets.Draw(action.key() + ":address:" + address, perAddress.get(action))),
                clock.instant());
        if (wait.isPresent()) {
            metrics.counter("throttle.refused", new Tag("action", action.key())).inc();
            throw new PageException(
                    Response.Status.TOO_MANY_REQUESTS,
                    sentence(action, wait.get()),
                    sentenceKey(action, wait.get()),
                    wait.get(),
                    amount(wait.get()));
        }
    }

    /** The wait in the unit the sentence names: seconds under 90 s, minutes under 90 min, else hours. */
    private static long amount(Duration wait) {
        return wait.toSeconds() < 90
                ? Math.max(1, wait.toSeconds())
                : wait.toMinutes() < 90 ? wait.toMinutes() : wait.toHours();
    }

    /** {@code throttle.board.seconds} and its kin: the players' bundles say the sentence in every language. */
    private static String sentenceKey(Action action, Duration wait) {
        String unit = wait.toSeconds() < 90 ? "seconds" : wait.toMinutes() < 90 ? "minutes" : "hours";
        return "throttle." + action.key() + "." + unit;
    }

    private static String sentence(Action action, Duration wait) {
        String when = wait.toSeconds() < 90
                ? Math.max(1, wait.toSeconds()) + " seconds"
                : wait.toMinutes() < 90 ? wait.toMinutes() + " minutes" : wait.toHours() + " hours";
        return action == Action.BOARD
                ? "The platform is crowded with your departures. The next train leaves in about " + when + "."
                : "The train needs a moment between your choices. Choose again in about " + when
                        + "; your ride is waiting where you left it.";
    }
}
