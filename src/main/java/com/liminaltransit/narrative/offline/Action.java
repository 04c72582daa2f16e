package com.liminaltransit.narrative.offline;

import java.util.List;
import java.util.Set;

/**
 * Something the player may do at a stop. Every action's outcome is its own text, which is what makes distinct
 * choices lead to distinct next passages. A general move (any stop may add it) has several labels and outcomes, so
 * it never reads the same way twice in a ride.
 *
 * @param id       the choice id the form sends back; unique in the bank, 1-8 lower-case letters or digits
 * @param labels   templates of the button label (one for a scene's action, several for a general move)
 * @param outcomes templates of the sentences that open the next passage
 * @param deed     template of what the player did, for the summary: follows "you", past tense
 * @param effects  what it changes
 * @param needs    conditions for offering it
 * @param minStop  the first stop it may be offered at
 */
record Action(
        String id,
        List<String> labels,
        List<String> outcomes,
        String deed,
        Effects effects,
        Set<Need> needs,
        int minStop) {

    Action {
        labels = List.copyOf(labels);
        outcomes = List.copyOf(outcomes);
        needs = Set.copyOf(needs);
    }
}
