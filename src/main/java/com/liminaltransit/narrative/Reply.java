package com.liminaltransit.narrative;

import jakarta.json.JsonObject;

/**
 * A vendor's answer to one call, vendor-neutral.
 *
 * @param text         the model's text; for a structured (tool or JSON-mode) answer, its JSON
 * @param structured   the answer as an object when the vendor returned one (tool use), else {@code null}
 * @param model        the model that answered, as the vendor names it
 * @param inputTokens  tokens read, as the vendor counted them (or estimated)
 * @param outputTokens tokens written
 */
public record Reply(String text, JsonObject structured, String model, int inputTokens, int outputTokens) {

    /** A plain-text answer. */
    public static Reply text(String text, String model, int inputTokens, int outputTokens) {
        return new Reply(text, null, model, inputTokens, outputTokens);
    }
}
