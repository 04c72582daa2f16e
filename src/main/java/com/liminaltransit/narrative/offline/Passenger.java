package com.liminaltransit.narrative.offline;

/**
 * Someone the player may meet on the train. Templates use the pronouns only as objects and possessives, so no
 * verb ever has to agree with them.
 *
 * @param id        stable id, kept in the ride's state
 * @param name      how the passenger is introduced, with its article
 * @param shortName how the passenger is called afterwards, e.g. {@code the cellist}
 * @param them      object pronoun
 * @param their     possessive pronoun
 * @param detail    one sentence that shows the passenger (it may use the passenger's own pronoun)
 */
record Passenger(String id, String name, String shortName, String them, String their, String detail) {}
