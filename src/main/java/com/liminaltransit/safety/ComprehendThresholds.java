package com.liminaltransit.safety;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import software.amazon.awssdk.services.comprehend.model.ToxicContentType;

/**
 * The score from which each {@code DetectToxicContent} label blocks, and the overall toxicity score that blocks
 * whatever the labels say: {@code liminal.safety.comprehend.threshold.<label>} ({@code graphic},
 * {@code harassment-or-abuse}, {@code hate-speech}, {@code insult}, {@code profanity}, {@code sexual},
 * {@code violence-or-threat}, {@code toxicity}), each 0 to 1. A ghost story may be eerie and a little violent, so
 * {@code graphic} and {@code violence-or-threat} start higher than hate or sexual content.
 *
 * @param labels   the threshold of each label
 * @param toxicity the threshold of the overall score
 */
record ComprehendThresholds(Map<ToxicContentType, Double> labels, double toxicity) {

    /** Prefix of the keys. */
    static final String KEY = "liminal.safety.comprehend.threshold.";

    /** Copies the map. */
    ComprehendThresholds {
        labels = Map.copyOf(labels);
    }

    /** The thresholds without configuration. */
    static ComprehendThresholds defaults() {
        Map<ToxicContentType, Double> labels = new EnumMap<>(ToxicContentType.class);
        for (ToxicContentType type : known()) {
            labels.put(type, standard(type));
        }
        return new ComprehendThresholds(labels, 0.8);
    }

    /** The thresholds in {@code config}, the defaults where a key is absent. */
    static ComprehendThresholds from(Config config) {
        Map<ToxicContentType, Double> labels = new EnumMap<>(ToxicContentType.class);
        for (ToxicContentType type : known()) {
            labels.put(type, read(config, key(type), standard(type)));
        }
        return new ComprehendThresholds(labels, read(config, KEY + "toxicity", 0.8));
    }

    /** The threshold of {@code type}; a label this code does not know blocks at 0.5. */
    double of(ToxicContentType type) {
        return labels.getOrDefault(type, 0.5);
    }

    /** {@code hate-speech} for {@code HATE_SPEECH}: the category name and the key suffix. */
    static String category(String label) {
        return label.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String key(ToxicContentType type) {
        return KEY + category(type.toString());
    }

    private static double standard(ToxicContentType type) {
        return switch (type) {
            case GRAPHIC, VIOLENCE_OR_THREAT, PROFANITY -> 0.8;
            default -> 0.5;
        };
    }

    private static ToxicContentType[] known() {
        return java.util.Arrays.stream(ToxicContentType.values())
                .filter(type -> type != ToxicContentType.UNKNOWN_TO_SDK_VERSION)
                .toArray(ToxicContentType[]::new);
    }

    private static double read(Config config, String key, double fallback) {
        double value = config.getOptionalValue(key, Double.class).orElse(fallback);
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalStateException(key + " must be between 0 and 1, not " + value);
        }
        return value;
    }
}
