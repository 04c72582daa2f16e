package com.liminaltransit.admin.ridebot;

/** Where a ride bot run started from the writers' room stands. */
public enum RunState {
    /** Waiting its turn or playing rides; the page keeps polling. */
    RUNNING("running"),
    /** Finished, and every ride was clean. */
    CLEAN("clean"),
    /** Finished with findings (dead ends, invalid answers, errors, fallbacks, repetition). */
    PROBLEMS("problems found"),
    /** Stopped by an error before it finished. */
    FAILED("failed");

    private final String label;

    RunState(String label) {
        this.label = label;
    }

    /** The state in a few words, for the page. */
    public String label() {
        return label;
    }

    /** Whether the run is over (whatever its verdict). */
    public boolean finished() {
        return this != RUNNING;
    }
}
