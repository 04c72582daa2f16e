package com.liminaltransit.narrative.offline;

import java.util.List;

/**
 * Someone the player may meet on the train. Templates use the pronouns only as objects and possessives, so no
 * verb ever has to agree with them.
 *
 * @param id        stable id, kept in the ride's state
 * @param name      how the passenger is introduced, with its article
 * @param shortName how the passenger is called afterwards, e.g. {@code the cellist}
 * @param them      object pronoun
 * @param their     possessive pronoun
 * @param details   sentences that show the passenger (they may use the passenger's own pronoun); a ride uses one
 */
record Passenger(String id, String name, String shortName, String them, String their, List<String> details) {

    Passenger {
        details = List.copyOf(details);
    }
}
