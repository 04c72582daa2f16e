package com.liminaltransit.narrative;

/**
 * One numbered version of the prompts a writer can edit: the system prompt and the step template. Versions are
 * immutable once saved, so a number names exactly the words a model read.
 *
 * @param version the version number, from 1 (version 1 is the templates shipped on the classpath)
 * @param system  the system prompt template
 * @param step    the step template
 */
public record PromptSet(int version, String system, String step) {}
