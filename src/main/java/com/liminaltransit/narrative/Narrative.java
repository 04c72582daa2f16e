package com.liminaltransit.narrative;

import java.util.List;

/**
 * One stop of a ride as the AI contract defines it (see DESIGN.md): the passage, its choices, whether the ride
 * ends here, and the running summary a model reads instead of the whole ride.
 *
 * @param passage plain text, no markup
 * @param choices two to four choices, none when {@code ending}
 * @param ending  whether this stop is the terminus
 * @param summary one paragraph: the ride so far, including this passage
 */
public record Narrative(String passage, List<ChoiceOption> choices, boolean ending, String summary) {

    /** Copies the list so a record handed around stays as it was validated. */
    public Narrative {
        choices = choices == null ? List.of() : List.copyOf(choices);
    }
}
