package com.liminaltransit.narrative;

/**
 * One choice a passage offers: a short id the form sends back and the label the player reads.
 *
 * @param id    short stable id within its passage, e.g. {@code "a"}
 * @param label what the player reads on the button
 */
public record ChoiceOption(String id, String label) {}
