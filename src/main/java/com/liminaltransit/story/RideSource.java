package com.liminaltransit.story;

/** Who boarded a ride: analytics count players' rides only, never the writers' test bot. */
public enum RideSource {
    /** A player in a browser. */
    PLAYER("player"),
    /** The writers' randomtest bot. */
    RANDOMTEST("randomtest"),
    /** The deploy pipeline's smoke test: written by {@code offline}, never counted. */
    SMOKE("smoke");

    private final String column;

    RideSource(String column) {
        this.column = column;
    }

    /** The value stored in {@code ride.source}. */
    public String column() {
        return column;
    }
}
