package com.liminaltransit.throttle;

import com.liminaltransit.web.PageException;
import com.liminaltransit.web.PlayerCookieFilter;
import com.liminaltransit.web.RequestOrigin;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
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
    private final Clock clock = Clock.systemUTC();

    @Inject
    ThrottleFilter(
            TokenBuckets buckets,
            RequestOrigin origin,
            MetricRegistry metrics,
            @ConfigProperty(name = "liminal.limits.enabled", defaultValue = "true") boolean enabled,
            @ConfigProperty(name = "liminal.limits.board-per-player") String boardPerPlayer,
            @ConfigProperty(name = "liminal.limits.board-per-address") String boardPerAddress,
            @ConfigProperty(name = "liminal.limits.choose-per-player") String choosePerPlayer,
            @ConfigProperty(name = "liminal.limits.choose-per-address") String choosePerAddress) {
        this.buckets = buckets;
        this.origin = origin;
        this.metrics = metrics;
        this.enabled = enabled;
        this.perPlayer =
                Map.of(Action.BOARD, RateLimit.parse(boardPerPlayer), Action.CHOOSE, RateLimit.parse(choosePerPlayer));
        this.perAddress = Map.of(
                Action.BOARD, RateLimit.parse(boardPerAddress), Action.CHOOSE, RateLimit.parse(choosePerAddress));
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!enabled) {
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
            throw new PageException(Response.Status.TOO_MANY_REQUESTS, sentence(action, wait.get()), wait.get());
        }
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
