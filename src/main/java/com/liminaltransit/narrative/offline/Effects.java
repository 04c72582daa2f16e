package com.liminaltransit.narrative.offline;

/**
 * What a choice changes in the ride's state. A record, so two actions with the same effects compare equal and a
 * stop never offers a general move that repeats one of its scene's actions.
 *
 * @param take       the player pockets the scene's item
 * @param give       the player gives away the carried item the scene is about
 * @param befriend   the scene's passenger becomes the player's companion
 * @param offend     the scene's passenger is slighted
 * @param part       the companion leaves the train, on good terms
 * @param loseTicket the ticket is gone
 * @param conductor  the player has dealt with the conductor
 * @param count      the player starts counting stations
 * @param leave      the player steps off: the next stop is an ending
 * @param front      steps toward the engine (negative: toward the last carriage)
 * @param memory     how much of themselves the player recovers (negative: forgets)
 * @param extend     stops added to the ride's planned length (negative: fewer)
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
        boolean leave,
        int front,
        int memory,
        int extend) {}
