package com.liminaltransit.narrative;

import java.util.List;

/**
 * The validator's verdict: valid, or the list of complaints (worded so they can be sent back to a model).
 *
 * @param problems what is wrong; empty when the narrative is valid
 */
public record ValidationResult(List<String> problems) {

    /** Copies the problems. */
    public ValidationResult {
        problems = List.copyOf(problems);
    }

    /** Whether the narrative satisfies the contract. */
    public boolean valid() {
        return problems.isEmpty();
    }

    /** The complaints as one sentence. */
    public String complaint() {
        return String.join("; ", problems);
    }
}
