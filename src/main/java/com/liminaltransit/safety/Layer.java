package com.liminaltransit.safety;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** One kind of check over provider text, as named in {@code liminal.safety.checks}. */
public enum Layer {
    /** Local word lists and patterns per language, plus personal data and links in any language. */
    RULES,
    /** Amazon Comprehend {@code DetectToxicContent}: English only. */
    COMPREHEND,
    /** Amazon Bedrock Guardrails {@code ApplyGuardrail}: the languages its tier covers. */
    GUARDRAIL;

    /** The name in configuration, metrics and the blocks table, e.g. {@code comprehend}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The layer named {@code code} ({@code rules}, {@code comprehend}, {@code guardrail}), if any. */
    public static Optional<Layer> of(String code) {
        String wanted = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(l -> l.code().equals(wanted)).findFirst();
    }

    /** Whether this layer is a classifier (a remote service), as opposed to the local rules. */
    public boolean classifier() {
        return this != RULES;
    }
}
