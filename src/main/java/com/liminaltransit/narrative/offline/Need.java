package com.liminaltransit.narrative.offline;

import java.util.Locale;

/** A condition a scene or an action needs, so the storyteller never offers what the ride cannot support. */
enum Need {
    /** A passenger the player has not met yet (the scene binds them). */
    STRANGER,
    /** An item the player has not come across yet (the scene binds it). */
    NEW_ITEM,
    /** The player travels with a companion (the scene binds them). */
    COMPANION,
    /** The player travels without a companion. */
    NO_COMPANION,
    /** Someone on the train was slighted (the scene binds them). */
    SLIGHTED,
    /** The player carries at least one item (binds one as {@code {carried}}). */
    ITEMS,
    /** The player gave an item away (binds it as {@code {given}}). */
    GIVEN,
    /** The player still has the ticket. */
    TICKET,
    /** The player's ticket is gone. */
    NO_TICKET,
    /** The player has dealt with the conductor. */
    MET_CONDUCTOR,
    /** The player is not counting stations yet. */
    NOT_COUNTING,
    /** The player counts the stations. */
    COUNTING,
    /** The player has gone toward the engine. */
    FRONT,
    /** The player has drifted toward the last carriage. */
    BACK,
    /** The player has lost much of themselves. */
    FORGETFUL,
    /** The player remembers more than on boarding. */
    REMEMBERS,
    /** The thread is neither found nor lost. */
    THREAD_OPEN,
    /** The thread is open and at least one clue was found. */
    THREAD_NEAR,
    /** The thread is open and close enough to be found. */
    THREAD_READY,
    /** The thread was found. */
    THREAD_FOUND,
    /** The thread was let go. */
    THREAD_LOST;

    /** The bank's spelling: lower case without underscores, e.g. {@code newitem}. */
    String key() {
        return name().replace("_", "").toLowerCase(Locale.ROOT);
    }

    /** Reads the bank's spelling, or {@code null} when it names no need. */
    static Need of(String key) {
        for (Need need : values()) {
            if (need.key().equals(key)) {
                return need;
            }
        }
        return null;
    }
}
