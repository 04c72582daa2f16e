package com.liminaltransit.narrative.offline;

import java.util.Locale;

/** A condition a scene or an action needs, so the storyteller never offers what the ride cannot support. */
enum Need {
    /** A passenger the player has not met yet. */
    STRANGER,
    /** An item the player has not come across yet. */
    NEW_ITEM,
    /** The player travels with a companion. */
    COMPANION,
    /** The player travels without a companion. */
    NO_COMPANION,
    /** Someone on the train was slighted. */
    SLIGHTED,
    /** The player carries at least one item. */
    ITEMS,
    /** The player still has the ticket. */
    TICKET,
    /** The player's ticket is gone. */
    NO_TICKET,
    /** The player is not counting stations yet. */
    NOT_COUNTING;

    /** Reads the bank's spelling: lower case without underscores, e.g. {@code newitem}. */
    static Need of(String key) {
        for (Need need : values()) {
            if (need.name().replace("_", "").toLowerCase(Locale.ROOT).equals(key)) {
                return need;
            }
        }
        throw new IllegalArgumentException("unknown need '" + key + "'");
    }
}
