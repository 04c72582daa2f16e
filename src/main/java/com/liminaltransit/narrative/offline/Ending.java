package com.liminaltransit.narrative.offline;

import java.util.Locale;

/**
 * The ways a ride can end. Normally the choice made at the stop before decides it (the approach offers the endings
 * the ride has earned); a ride another storyteller ran to the last stop gets the one its state has earned.
 */
enum Ending {
    /** Walks on with the companion. */
    TOGETHER,
    /** Without a ticket but known to the conductor: joins the crew. */
    CONDUCTOR,
    /** Walked to the front: the line runs out at the engine. */
    ENGINE,
    /** Drifted to the back: the last carriage is left in a siding. */
    LAST_CARRIAGE,
    /** Forgot too much, gently. */
    FORGETTING,
    /** Kept the ticket and remembered enough: home. */
    HOME,
    /** Rode to the terminus: an ordinary morning. */
    LOOP,
    /** Stepped off early at a station with no name. */
    ELSEWHERE;

    /** The ending a ride's state has earned; the order is the order of precedence. */
    static Ending of(RideState state) {
        if (state.end() != null) {
            return state.end();
        }
        if (state.companion() != null) {
            return TOGETHER;
        }
        if (!state.ticket() && state.metConductor()) {
            return CONDUCTOR;
        }
        if (state.front() >= 2) {
            return ENGINE;
        }
        if (state.front() <= -2) {
            return LAST_CARRIAGE;
        }
        if (state.memory() <= 0) {
            return FORGETTING;
        }
        if (state.ticket() && (state.memory() >= 3 || state.threadFound())) {
            return HOME;
        }
        return LOOP;
    }

    /** The bank's key for this ending, e.g. {@code lastcarriage}. */
    String key() {
        return name().replace("_", "").toLowerCase(Locale.ROOT);
    }

    /** The ending with this key, or {@code null}. */
    static Ending ofKey(String key) {
        for (Ending ending : values()) {
            if (ending.key().equals(key)) {
                return ending;
            }
        }
        return null;
    }
}
