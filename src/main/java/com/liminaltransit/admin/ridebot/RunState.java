package com.liminaltransit.admin.ridebot;

/** Where a ride bot run started from the writers' room stands. */
public enum RunState {
    /** Waiting its turn or playing rides; the page keeps polling. */
    RUNNING("running"),
    /** Finished, and every ride was clean. */
    CLEAN("clean"),
    /** Finished with findings (dead ends, invalid answers, errors, fallbacks, repetition). */
    PROBLEMS("problems found"),
    /** Cancelled by a writer; it stopped between rides. */
    CANCELLED("cancelled"),
    /** Stopped by an error before it finished. */
    FAILED("failed"),
    /** Played on another server, which has its report. */
    ELSEWHERE("finished on another server");

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
