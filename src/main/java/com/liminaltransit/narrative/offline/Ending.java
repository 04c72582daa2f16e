package com.liminaltransit.narrative.offline;

import java.util.Locale;

/** The ways a ride can end; which one is decided by what the player did on the way. */
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

    /** Picks the ending the ride has earned; the order is the order of precedence. */
    static Ending of(RideState state) {
        if (state.companion() != null) {
            return TOGETHER;
        }
        if (!state.ticket() && state.metConductor()) {
            return CONDUCTOR;
        }
        if (!state.leaving() && state.front() >= 2) {
            return ENGINE;
        }
        if (!state.leaving() && state.front() <= -2) {
            return LAST_CARRIAGE;
        }
        if (state.memory() <= 0) {
            return FORGETTING;
        }
        if (state.ticket() && state.memory() >= 3) {
            return HOME;
        }
        return state.leaving() ? ELSEWHERE : LOOP;
    }

    /** The bank's key for this ending, e.g. {@code lastcarriage}. */
    String key() {
        return name().replace("_", "").toLowerCase(Locale.ROOT);
    }
}
