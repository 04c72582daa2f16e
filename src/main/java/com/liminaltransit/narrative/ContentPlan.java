package com.liminaltransit.narrative;

import java.util.List;

/**
 * What a storyteller that writes from a content bank (the {@code offline} one) writes a ride from: the bank version
 * fixed when the ride was boarded, and what this player had already read on earlier rides, so the ride avoids it.
 * Both are fixed for the whole ride, so every stop replays the same way. Model providers ignore it.
 *
 * @param bankVersion the content bank version, or {@code null} for the bank shipped with the code (version 1)
 * @param seen        ids of the scenes and threads the player read on earlier rides (most recent first)
 */
public record ContentPlan(Integer bankVersion, List<String> seen) {

    /** The shipped bank, for a player with nothing read. */
    public static final ContentPlan SHIPPED = new ContentPlan(null, List.of());

    /** Copies the list. */
    public ContentPlan {
        seen = seen == null ? List.of() : List.copyOf(seen);
    }
}
