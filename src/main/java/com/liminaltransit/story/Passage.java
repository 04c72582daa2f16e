package com.liminaltransit.story;

import com.liminaltransit.narrative.ChoiceOption;
import java.util.List;
import java.util.Optional;

/**
 * One stop of a ride: the text the player read, the choices it offered and the one they made.
 *
 * @param stop     index from 0
 * @param body     the passage (model output: untrusted text, always escaped when shown)
 * @param summary  the running summary after this stop
 * @param ending   whether the ride ends here
 * @param choices  the choices offered, in order
 * @param chosenId the id of the choice made here; {@code null} while the stop is open
 * @param provider the provider that wrote it
 */
public record Passage(
        int stop,
        String body,
        String summary,
        boolean ending,
        List<ChoiceOption> choices,
        String chosenId,
        String provider) {

    public Passage {
        choices = List.copyOf(choices);
    }

    /** The choice with this id, if the passage offered one. */
    public Optional<ChoiceOption> choice(String id) {
        return choices.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** The choice the player made here, if any. */
    public Optional<ChoiceOption> chosen() {
        return chosenId == null ? Optional.empty() : choice(chosenId);
    }

    /** Whether a player may still choose here. */
    public boolean open() {
        return chosenId == null && !ending;
    }
}
