package com.liminaltransit.narrative.offline;

import java.util.Set;

/**
 * Something the player may do at a stop. Every action's outcome is its own text, which is what makes distinct
 * choices lead to distinct next passages.
 *
 * @param id      the choice id the form sends back; unique in the bank, 1-8 lower-case letters or digits
 * @param label   template of the button label
 * @param outcome template of the sentences that open the next passage
 * @param deed    template of what the player did, for the summary: follows "you", past tense
 * @param effects what it changes
 * @param needs   conditions for offering it
 * @param minStop the first stop it may be offered at
 */
record Action(String id, String label, String outcome, String deed, Effects effects, Set<Need> needs, int minStop) {

    Action {
        needs = Set.copyOf(needs);
    }
}
