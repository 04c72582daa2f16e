package com.liminaltransit.narrative.chain;

/** What a provider's circuit breaker showed on its last call, as {@code /health/ready} names it. */
public enum BreakerState {
    /** Calls go through. */
    CLOSED("closed"),
    /** The breaker refused the call. */
    OPEN("open"),
    /** The provider's bulkhead was full. */
    BULKHEAD_FULL("bulkhead-full");

    private final String label;

    BreakerState(String label) {
        this.label = label;
    }

    /** The word readiness shows, e.g. {@code bulkhead-full}. */
    public String label() {
        return label;
    }
}
