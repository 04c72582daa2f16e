package com.liminaltransit.safety;

import java.util.List;

/**
 * One language of the coverage table: which check is configured and covers it, and what happens to a model's text.
 *
 * @param language the primary language subtag
 * @param cells    one per layer, in {@link Layer} order
 * @param outcome  what happens, in words
 */
public record CoverageRow(String language, List<Cell> cells, String outcome) {

    /** Copies the cells. */
    public CoverageRow {
        cells = List.copyOf(cells);
    }

    /**
     * One layer for one language.
     *
     * @param layer      the layer
     * @param configured whether {@code liminal.safety.checks} names it
     * @param covers     whether it covers the language (rules: a word list; Comprehend: English; Guardrails: the
     *                   declared languages)
     */
    public record Cell(Layer layer, boolean configured, boolean covers) {

        /** {@code checks}, {@code configured, does not cover}, {@code not configured (would cover)}, … */
        public String state() {
            if (configured) {
                return covers ? "checks" : "configured, does not cover";
            }
            return covers ? "not configured (would cover)" : "not configured";
        }
    }
}
