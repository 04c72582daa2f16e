package com.liminaltransit.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/**
 * The one clock of the application (UTC), injected wherever time matters, so a test can hand in a fixed or moving
 * clock instead of waiting for real time to pass.
 */
@ApplicationScoped
class Clocks {

    @Produces
    Clock utc() {
        return Clock.systemUTC();
    }
}
