package com.liminaltransit.narrative.offline;

/**
 * A choice as offered at one stop: the action and its label written out for this stop.
 *
 * @param id      the choice id
 * @param label   the label the player reads
 * @param action  what choosing it does
 * @param generic whether it is a general move rather than one of the scene's own actions
 */
record Offer(String id, String label, Action action, boolean generic) {}
