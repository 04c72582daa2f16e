package com.liminaltransit.narrative;

/**
 * A stop already written, as the prompt remembers it.
 *
 * @param stop         index of the stop, from 0
 * @param passage      the passage the player read
 * @param chosenLabel  the label of the choice the player made there
 */
public record PastStop(int stop, String passage, String chosenLabel) {}
