package com.liminaltransit.web;

import io.helidon.common.config.GlobalConfig;
import io.helidon.health.HealthCheckType;
import io.helidon.health.spi.HealthCheckProvider;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.microprofile.server.ServerCdiExtension;
import io.helidon.webserver.http.Handler;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.interceptor.Interceptor;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * {@code /health/live} and {@code /health/ready} on the public port, for load balancers, container health checks
 * and uptime monitors: the overall status and nothing else ({@code {"status":"UP"}}, {@code 200}, or
 * {@code {"status":"DOWN"}}, {@code 503}). The checks are the same as on the management socket, which alone shows
 * their names and details (heap, disk, which provider is open): those describe the machine to whoever asks.
 */
@ApplicationScoped
class PublicHealth {

    private static final Logger LOG = Logger.getLogger(PublicHealth.class.getName());

    void register(
            @Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) @Initialized(ApplicationScoped.class)
                    Object started,
            ServerCdiExtension server,
            @Liveness Instance<HealthCheck> liveness,
            @Readiness Instance<HealthCheck> readiness,
            @ConfigProperty(name = "mp.health.disable-default-procedures", defaultValue = "false") boolean noBuiltIns) {
        List<io.helidon.health.HealthCheck> builtIns = noBuiltIns ? List.of() : builtIns();
        Handler live = handler(() -> up(liveness, builtIns, HealthCheckType.LIVENESS));
        Handler ready = handler(() -> up(readiness, builtIns, HealthCheckType.READINESS));
        server.serverRoutingBuilder()
                .get("/health/live", live)
                .head("/health/live", live)
                .get("/health/ready", ready)
                .head("/health/ready", ready);
    }

    private static Handler handler(Supplier<Boolean> status) {
        return (request, response) -> {
            boolean up = status.get();
            response.status(up ? Status.OK_200 : Status.SERVICE_UNAVAILABLE_503);
            response.header(HeaderNames.CONTENT_TYPE, "application/json");
            response.header(HeaderNames.CACHE_CONTROL, "no-store");
            response.send((up ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}").getBytes(StandardCharsets.UTF_8));
        };
    }

    /** Whether every check of the kind answers UP; a check that throws counts as DOWN. */
    private static boolean up(
            Instance<HealthCheck> ours, List<io.helidon.health.HealthCheck> builtIns, HealthCheckType type) {
        try {
            for (HealthCheck check : ours) {
                if (check.call().getStatus() != HealthCheckResponse.Status.UP) {
                    return false;
                }
            }
            for (io.helidon.health.HealthCheck check : builtIns) {
                if (check.type() == type && check.call().status() != io.helidon.health.HealthCheckResponse.Status.UP) {
                    return false;
                }
            }
            return true;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A health check failed: " + LogSafe.text(e.toString()));
            return false;
        }
    }

    /** Helidon's own checks (heap, disk, deadlock), configured as the management socket's health endpoint is. */
    private static List<io.helidon.health.HealthCheck> builtIns() {
        var config = GlobalConfig.config().get("server.features.observe.observers.health");
        List<io.helidon.health.HealthCheck> checks = new ArrayList<>();
        ServiceLoader.load(HealthCheckProvider.class).forEach(provider -> checks.addAll(provider.healthChecks(config)));
        return List.copyOf(checks);
    }
}
