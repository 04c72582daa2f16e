package com.liminaltransit.safety;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What the safety check made of one provider's text.
 *
 * @param decision    allowed, blocked, or failed closed
 * @param findings    what blocked it: layer, category, score and field (empty when allowed or failed closed for want
 *                    of a classifier)
 * @param checkedBy   the layers that judged the text
 * @param unavailable the classifiers that could not judge it, with why (e.g. {@code comprehend (throttled)})
 * @param reason      a few words for the step's record; {@code null} when allowed
 */
public record SafetyVerdict(
        Decision decision, List<Finding> findings, List<Layer> checkedBy, List<String> unavailable, String reason) {

    /** The three answers. */
    public enum Decision {
        /** The text may be shown. */
        ALLOW,
        /** A layer found something: the provider's answer is refused, the next provider may try. */
        BLOCK,
        /**
         * The text could not be judged as configured (no classifier covers the language, or one it needs is
         * unavailable and {@code liminal.safety.on-unavailable} is {@code offline}): the offline storyteller's
         * passage replaces it.
         */
        FAIL_CLOSED
    }

    /** Copies the lists. */
    public SafetyVerdict {
        findings = List.copyOf(findings);
        checkedBy = List.copyOf(checkedBy);
        unavailable = List.copyOf(unavailable);
    }

    static SafetyVerdict allow(List<Layer> checkedBy, List<String> unavailable) {
        return new SafetyVerdict(Decision.ALLOW, List.of(), checkedBy, unavailable, null);
    }

    static SafetyVerdict block(List<Finding> findings, List<Layer> checkedBy, List<String> unavailable) {
        return new SafetyVerdict(Decision.BLOCK, findings, checkedBy, unavailable, describe(findings));
    }

    static SafetyVerdict failClosed(String reason, List<Layer> checkedBy, List<String> unavailable) {
        return new SafetyVerdict(Decision.FAIL_CLOSED, List.of(), checkedBy, unavailable, reason);
    }

    /** Whether the text may be shown. */
    public boolean allowed() {
        return decision == Decision.ALLOW;
    }

    /** The categories found, each once, in order. */
    public List<String> categories() {
        return findings.stream().map(Finding::category).distinct().toList();
    }

    /** {@code rules: email (choice a); comprehend: hate-speech 0.91 (passage)} */
    private static String describe(List<Finding> findings) {
        return findings.stream()
                .collect(Collectors.groupingBy(Finding::layer, java.util.LinkedHashMap::new, Collectors.toList()))
                .entrySet()
                .stream()
                .map(e -> e.getKey().code() + ": "
                        + e.getValue().stream()
                                .map(SafetyVerdict::describe)
                                .distinct()
                                .collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; "));
    }

    private static String describe(Finding finding) {
        String score =
                finding.layer() == Layer.RULES ? "" : String.format(java.util.Locale.ROOT, " %.2f", finding.score());
        return finding.category() + score + " (" + finding.field() + ")";
    }
}
