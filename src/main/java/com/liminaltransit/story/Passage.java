package com.liminaltransit.story;

import com.liminaltransit.narrative.ChoiceOption;
import com.liminaltransit.narrative.StepNeeds;
import java.util.List;
import java.util.Locale;
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
 * @param version  which version of the stop this is, from 1 (the player may ask the train again)
 * @param versions how many versions of the stop were written
 * @param language the language its text (passage and choice labels) is in, a BCP 47 tag: the ride's, unless the
 *                 offline storyteller's English could not be translated (then {@code en}, and the page marks it)
 */
public record Passage(
        int stop,
        String body,
        String summary,
        boolean ending,
        List<ChoiceOption> choices,
        String chosenId,
        String provider,
        int version,
        int versions,
        String language) {

    public Passage {
        choices = List.copyOf(choices);
        language = StepNeeds.normalise(language);
    }

    /** A stop written once, in {@code language}. */
    public Passage(
            int stop,
            String body,
            String summary,
            boolean ending,
            List<ChoiceOption> choices,
            String chosenId,
            String provider,
            String language) {
        this(stop, body, summary, ending, choices, chosenId, provider, 1, 1, language);
    }

    /** A stop written once, in English. */
    public Passage(
            int stop,
            String body,
            String summary,
            boolean ending,
            List<ChoiceOption> choices,
            String chosenId,
            String provider) {
        this(stop, body, summary, ending, choices, chosenId, provider, StepNeeds.DEFAULT_LANGUAGE);
    }

    /** Whether its text is in {@code tag}'s language (the primary language decides: {@code en} is {@code en-GB}'s). */
    public boolean isIn(String tag) {
        return Locale.forLanguageTag(language)
                .getLanguage()
                .equals(Locale.forLanguageTag(StepNeeds.normalise(tag)).getLanguage());
    }

    /** This passage answered with {@code choiceId}. */
    Passage answered(String choiceId) {
        return new Passage(stop, body, summary, ending, choices, choiceId, provider, version, versions, language);
    }

    /** Whether no choice was made here yet (an ending is never answered; it may still be written again). */
    public boolean unanswered() {
        return chosenId == null;
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
