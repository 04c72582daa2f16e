package com.liminaltransit.story;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;

/** Rides started and completed: the two numbers that say whether players are finishing the story. */
@ApplicationScoped
class StoryMetrics {

    private final Counter started;
    private final Counter completed;

    @Inject
    StoryMetrics(MetricRegistry registry) {
        this.started = registry.counter("rides.started");
        this.completed = registry.counter("rides.completed");
    }

    void rideStarted() {
        started.inc();
    }

    void rideCompleted() {
        completed.inc();
    }
}
