package com.liminaltransit.narrative.chain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Names each provider of the chain with its breaker state as last seen ({@code closed}, {@code open},
 * {@code bulkhead-full}). Always up: {@code offline} closes every chain, so an open breaker slows nothing and
 * must not take the server out of a load balancer.
 */
@Readiness
@ApplicationScoped
public class ProvidersReadiness implements HealthCheck {

    private final ProviderChain chain;

    /** Reads the chain's states. */
    @Inject
    public ProvidersReadiness(ProviderChain chain) {
        this.chain = chain;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("narrative-providers").up();
        chain.states().forEach((provider, state) -> response.withData(provider, state.label()));
        return response.build();
    }
}
