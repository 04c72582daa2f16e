package com.liminaltransit.safety;

import java.util.List;
import java.util.Set;

/** A remote classifier of provider text (Comprehend, Guardrails): one call per check, the languages it covers. */
interface Classifier {

    /** Which layer it is. */
    Layer layer();

    /** The primary language subtags it covers. */
    Set<String> languages();

    /** The config keys it still needs before it can be called; empty when it can. */
    List<String> missingSettings();

    /** Whether it covers {@code language}. */
    default boolean covers(String language) {
        return languages().contains(Languages.primary(language));
    }

    /**
     * What it finds in {@code parts}: only what passes its thresholds, so an empty list means "allowed".
     *
     * @throws ClassifierUnavailableException when it cannot say: down, throttled, too slow, a malformed answer
     */
    List<Finding> classify(String language, List<TextPart> parts);
}
