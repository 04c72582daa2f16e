package com.liminaltransit.narrative.chain;

/** How one provider call of a step ended, as the {@code narrative_steps_total{outcome}} metric counts it. */
public enum CallResult {
    /** A valid narrative. */
    SUCCESS("success"),
    /** An answer that broke the AI contract. */
    INVALID("invalid"),
    /** A valid answer that the answer check (safety) refused. */
    REFUSED("refused"),
    /** The provider's breaker refused the call. */
    BREAKER_OPEN("breaker-open"),
    /** Any other failure. */
    ERROR("error");

    private final String tag;

    CallResult(String tag) {
        this.tag = tag;
    }

    /** The metric tag, e.g. {@code breaker-open}. */
    public String tag() {
        return tag;
    }
}
