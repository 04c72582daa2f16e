package com.liminaltransit.narrative.offline;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The sentences a passage may still use: none the ride has read, none this passage has already taken. Picks only
 * among templates whose placeholders all have a value here.
 */
final class Fresh {

    private final Set<String> used;

    Fresh(Set<String> read) {
        this.used = new HashSet<>(read);
    }

    /** Marks a text's sentences as taken. */
    void take(String text) {
        if (text != null) {
            used.addAll(Sentences.of(text));
        }
    }

    /** Whether none of the text's sentences is taken. */
    boolean unread(String text) {
        return Sentences.of(text).stream().noneMatch(used::contains);
    }

    /** One of the templates, filled, whose sentences are all unread; it is then taken. */
    Optional<String> pick(List<String> templates, Map<String, String> values, Dice dice) {
        List<String> candidates = new ArrayList<>();
        for (String template : templates) {
            if (!values.keySet().containsAll(Template.slots(template))) {
                continue;
            }
            String text = Template.fill(template, values);
            if (unread(text)) {
                candidates.add(text);
            }
        }
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        String chosen = dice.pick(candidates);
        take(chosen);
        return Optional.of(chosen);
    }
}
