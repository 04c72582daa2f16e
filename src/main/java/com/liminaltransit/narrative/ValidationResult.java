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

    /** This verdict's problems followed by {@code other}'s. */
    public ValidationResult and(ValidationResult other) {
        if (other.valid()) {
            return this;
        }
        List<String> all = new java.util.ArrayList<>(problems);
        all.addAll(other.problems());
        return new ValidationResult(all);
    }

    /** The complaints as one sentence. */
    public String complaint() {
        return String.join("; ", problems);
    }
}
