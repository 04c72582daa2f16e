package com.liminaltransit.narrative;

import java.util.Locale;

/**
 * What writing one stop asks of a provider's model; {@link ModelCapabilities#unmet} says whether a model serves it.
 * The chain passes over a provider that cannot, before any call is paid for.
 *
 * @param language  the language the stop is written in, a BCP 47 tag ({@code en} when none is given)
 * @param streaming whether the stop is read as it is written, so the vendor must stream
 * @param jsonMode  whether the stop must be asked for in the vendor's JSON or tool-use mode
 */
public record StepNeeds(String language, boolean streaming, boolean jsonMode) {

    /** The language of a step that names none. */
    public static final String DEFAULT_LANGUAGE = "en";

    /** Normalises the tag ({@code pt_br} and {@code PT-br} become {@code pt-BR}); blank means {@code en}. */
    public StepNeeds {
        language = normalise(language);
    }

    /**
     * What a stop of {@code context} needs: its language; no streaming and no JSON mode, since the contract parser
     * finds the narrative in plain text too (the streaming issue asks with {@link #streamed()}).
     */
    public static StepNeeds of(StoryContext context) {
        return new StepNeeds(context.language(), false, false);
    }

    /** The same needs, read as the stop is written. */
    public StepNeeds streamed() {
        return new StepNeeds(language, true, jsonMode);
    }

    /** A BCP 47 tag in its canonical case; {@code en} for none. */
    public static String normalise(String tag) {
        if (tag == null || tag.isBlank()) {
            return DEFAULT_LANGUAGE;
        }
        String canonical = Locale.forLanguageTag(tag.strip().replace('_', '-')).toLanguageTag();
        return "und".equals(canonical) ? tag.strip() : canonical;
    }
}
