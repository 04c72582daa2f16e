package com.liminaltransit.narrative.stream;

/**
 * One whole sentence of a passage, as released to a player.
 *
 * @param text the sentence, trimmed, never blank
 * @param opensParagraph true for the first sentence and for one that follows a blank line
 */
public record Sentence(String text, boolean opensParagraph) {}
