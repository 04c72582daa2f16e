package com.liminaltransit.narrative.offline;

/**
 * What a choice changes in the ride's state. A record, so two actions with the same effects compare equal and a
 * stop never offers a general move that repeats one of its scene's actions.
 *
 * @param take       the player pockets the scene's item
 * @param give       the player gives away the carried item the scene is about
 * @param befriend   the scene's passenger becomes (or stays) the player's companion
 * @param offend     the scene's passenger is slighted
 * @param part       the companion leaves the train, on good terms: gone for the rest of the ride
 * @param loseTicket the ticket is gone
 * @param conductor  the player has dealt with the conductor
 * @param count      the player starts counting stations
 * @param front      steps toward the engine (negative: toward the last carriage)
 * @param memory     how much of themselves the player recovers (negative: forgets)
 * @param extend     stops added to the ride's planned length (negative: fewer)
 * @param thread     how far the choice moves the ride's thread on (a clue: 1)
 * @param find       the thread is found: what the player wanted is in hand
 * @param lose       the thread is lost: the player lets it go for good
 * @param end        the ending the choice leads to at the next stop, or {@code null}: the ride goes on
 */
record Effects(
        boolean take,
        boolean give,
        boolean befriend,
        boolean offend,
        boolean part,
        boolean loseTicket,
        boolean conductor,
        boolean count,
        int front,
        int memory,
        int extend,
        int thread,
        boolean find,
        boolean lose,
        Ending end) {

    /** No change at all. */
    static final Effects NONE =
            new Effects(false, false, false, false, false, false, false, false, 0, 0, 0, 0, false, false, null);

    /** Whether the choice changes something the player will meet again: a companion, an item, the thread, ... */
    boolean consequential() {
        return take || give || befriend || offend || loseTicket || thread != 0 || find || lose || end != null;
    }

    /** Whether the ride ends at the next stop. */
    boolean ends() {
        return end != null;
    }
}
