package com.liminaltransit.safety;

import java.time.LocalDate;

/**
 * The blocks of one UTC day.
 *
 * @param day        the day
 * @param rules      answers the local rules refused
 * @param comprehend answers Comprehend refused
 * @param guardrail  answers the guardrail refused
 * @param failClosed answers refused unjudged (language not covered, classifier unavailable)
 * @param served     the offline storyteller's own text that a rule flagged (shown as the last link)
 */
public record BlockDay(LocalDate day, int rules, int comprehend, int guardrail, int failClosed, int served) {

    /** Every refusal of the day (not counting {@link #served}). */
    public int refused() {
        return rules + comprehend + guardrail + failClosed;
    }
}
