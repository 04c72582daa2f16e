package com.liminaltransit.narrative;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a provider's model can do. The chain reads it before each call ({@link #unmet}) and passes over a provider
 * that cannot serve the step, saying why; the writers' preview shows the same reason.
 *
 * @param contextTokens the model's context window in tokens
 * @param jsonMode      whether the vendor offers a JSON or tool-use mode for structured output
 * @param streaming     whether the vendor can stream a reply
 * @param languages     BCP 47 tags the model writes well; empty means "many" (every language is served)
 */
public record ModelCapabilities(int contextTokens, boolean jsonMode, boolean streaming, Set<String> languages) {

    /** Never {@code null}. */
    public ModelCapabilities {
        languages = languages == null ? Set.of() : Set.copyOf(languages);
    }

    /**
     * Why this model cannot serve {@code needs} ({@code does not write ja}, {@code does not stream},
     * {@code has no JSON mode}), or empty when it can.
     */
    public Optional<String> unmet(StepNeeds needs) {
        if (!writes(needs.language())) {
            return Optional.of("does not write " + needs.language());
        }
        if (needs.streaming() && !streaming) {
            return Optional.of("does not stream");
        }
        if (needs.jsonMode() && !jsonMode) {
            return Optional.of("has no JSON mode");
        }
        return Optional.empty();
    }

    /** Whether this model serves {@code needs}. */
    public boolean serves(StepNeeds needs) {
        return unmet(needs).isEmpty();
    }

    /**
     * Whether the model writes {@code tag}: an empty list writes anything; otherwise the primary language decides,
     * so a model that writes {@code pt-BR} writes {@code pt} and one that writes {@code en} writes {@code en-GB}.
     */
    public boolean writes(String tag) {
        if (languages.isEmpty()) {
            return true;
        }
        String wanted = primary(tag);
        return languages.stream().anyMatch(language -> primary(language).equals(wanted));
    }

    /**
     * The language the model's text is in when {@code asked} is wanted: {@code asked} when it {@link #writes} it,
     * else the first of its languages in alphabetical order ({@code offline} writes {@code en} whatever is asked,
     * and its English is then translated or marked as English).
     */
    public String writtenIn(String asked) {
        String wanted = StepNeeds.normalise(asked);
        if (writes(wanted)) {
            return wanted;
        }
        return languages.stream().map(StepNeeds::normalise).sorted().findFirst().orElse(wanted);
    }

    /**
     * These capabilities with the languages an operator declared for the model: BCP 47 tags, or {@code *} for every
     * language; {@code null} or empty leaves them as they are.
     */
    public ModelCapabilities withLanguages(java.util.List<String> declared) {
        if (declared == null) {
            return this;
        }
        if (declared.stream().anyMatch(tag -> tag.strip().equals("*"))) {
            return new ModelCapabilities(contextTokens, jsonMode, streaming, Set.of());
        }
        Set<String> tags = declared.stream()
                .map(String::strip)
                .filter(tag -> !tag.isEmpty())
                .map(StepNeeds::normalise)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
        return tags.isEmpty() ? this : new ModelCapabilities(contextTokens, jsonMode, streaming, tags);
    }

    private static String primary(String tag) {
        String normal = StepNeeds.normalise(tag);
        int dash = normal.indexOf('-');
        return (dash < 0 ? normal : normal.substring(0, dash)).toLowerCase(Locale.ROOT);
    }
}
