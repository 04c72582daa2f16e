package com.liminaltransit.narrative;

import java.util.Set;

/**
 * What a provider's model can do, so callers (and the writers' room) can choose wisely.
 *
 * @param contextTokens the model's context window in tokens
 * @param jsonMode      whether the vendor offers a JSON or tool-use mode for structured output
 * @param streaming     whether the vendor can stream a reply
 * @param languages     BCP 47 tags the model writes well; empty means "many"
 */
public record ModelCapabilities(int contextTokens, boolean jsonMode, boolean streaming, Set<String> languages) {}
