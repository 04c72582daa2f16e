package com.liminaltransit.narrative.offline;

import com.liminaltransit.narrative.ChoiceOption;
import com.liminaltransit.narrative.Narrative;
import com.liminaltransit.narrative.NarrativeValidator;
import com.liminaltransit.narrative.StoryContext;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * Closes a passage a model began and could not finish, after the player had read its first sentences: one closing
 * sentence in the ride's language and choices that suit any scene ({@code narrative/offline/closings.json}), or
 * the terminus when the offline storyteller's own ride would end here. Nothing the player read is changed.
 */
final class PassageCloser {

    private static final String PATH = "narrative/offline/closings.json";
    private static final String FALLBACK = "en";

    private final JsonObject closings;

    PassageCloser() {
        try (InputStream in = PassageCloser.class.getClassLoader().getResourceAsStream(PATH)) {
            if (in == null) {
                throw new IllegalStateException(PATH + " is missing from the class path");
            }
            this.closings = Json.createReader(in).readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The stop: {@code soFar} followed by a closing sentence and choices, or by the terminus.
     *
     * @param ending whether the ride ends at this stop
     */
    Narrative close(StoryContext context, String soFar, boolean ending) {
        JsonObject words = wordsFor(context.language());
        String closing = ending
                ? words.getString("terminus")
                : pick(words.getJsonArray("closing").getValuesAs(jakarta.json.JsonString.class), context)
                        .getString();
        List<ChoiceOption> choices = ending
                ? List.of()
                : words.getJsonArray("choices").getValuesAs(JsonObject.class).stream()
                        .map(choice -> new ChoiceOption(choice.getString("id"), choice.getString("label")))
                        .toList();
        String passage = soFar.isBlank() ? closing : soFar + between(context.language()) + closing;
        return new Narrative(passage, choices, ending, summary(context));
    }

    /** Japanese (and Chinese) sentences follow one another without a space. */
    private static String between(String language) {
        String primary = Locale.forLanguageTag(language).getLanguage();
        return primary.equals("ja") || primary.equals("zh") ? "" : " ";
    }

    private JsonObject wordsFor(String language) {
        String primary = Locale.forLanguageTag(language).getLanguage();
        return closings.containsKey(primary) ? closings.getJsonObject(primary) : closings.getJsonObject(FALLBACK);
    }

    private static <T> T pick(List<T> options, StoryContext context) {
        return options.get(Math.floorMod(context.seed() + context.stop(), options.size()));
    }

    /** The running summary carried on, with a line for this stop when it fits. */
    private static String summary(StoryContext context) {
        String line =
                "At stop " + (context.stop() + 1) + " the train slowed while the passenger chose what to do next.";
        String before = context.summary().strip();
        if (before.isEmpty()) {
            return line;
        }
        return before.length() + 1 + line.length() <= NarrativeValidator.MAX_SUMMARY ? before + " " + line : before;
    }
}
