package com.liminaltransit.story;

/**
 * Where a branch left the ride it came from: it shares that ride's stops {@code 0..stop} and took {@code choiceId}
 * at {@code stop} instead.
 *
 * @param parentId the ride that owns stop {@code stop} (the one whose door was not taken)
 * @param stop     the stop the branch forks at
 * @param choiceId the choice the branch took there
 * @param rootId   the first ride of the family (the one boarded), for the map
 */
public record Fork(String parentId, int stop, String choiceId, String rootId) {}
