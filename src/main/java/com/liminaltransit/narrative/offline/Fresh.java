package com.liminaltransit.narrative.offline;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The sentences a passage may still use: none the ride has read, none this passage has already taken, and no
 * template the ride has already filled (a reminder read at one station is not read again at the next with only the
 * name changed). Picks only among templates whose placeholders all have a value here; {@link #pickSparing} also
 * passes over any that would name the line's weather, sound or light a third time in the ride (a reader notices the
 * same storm at every window).
 */
final class Fresh {

    /** Marks a template's key among the sentences read, where no sentence can collide with it. */
    private static final String TEMPLATE = "\u0000";

    /** The line's own phrases, fixed for the ride, which a ride reads at most {@link #PHRASE_READS} times. */
    private static final Set<String> LINE_PHRASES = Set.of("weather", "sound", "light");

    private static final int PHRASE_READS = 2;

    private final Set<String> used;
    private final List<String> templates = new ArrayList<>();

    Fresh(Set<String> read) {
        this.used = new HashSet<>(read);
    }

    /** The key under which a filled template is remembered as read. */
    static String templateKey(String template) {
        return TEMPLATE + template;
    }

    /** The keys of the templates this passage filled. */
    List<String> templates() {
        return List.copyOf(templates);
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
        return pick(templates, values, dice, false);
    }

    /** As {@link #pick}, but none that names the line's weather, sound or light a third time in the ride. */
    Optional<String> pickSparing(List<String> templates, Map<String, String> values, Dice dice) {
        return pick(templates, values, dice, true);
    }

    private Optional<String> pick(List<String> templates, Map<String, String> values, Dice dice, boolean sparing) {
        List<String> candidates = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        for (String template : templates) {
            if (!values.keySet().containsAll(Template.slots(template))
                    || used.contains(templateKey(template))
                    || sparing && worn(template, values)) {
                continue;
            }
            String text = Template.fill(template, values);
            if (unread(text)) {
                candidates.add(text);
                sources.add(template);
            }
        }
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        int chosen = dice.below(candidates.size());
        take(candidates.get(chosen));
        String key = templateKey(sources.get(chosen));
        used.add(key);
        this.templates.add(key);
        return Optional.of(candidates.get(chosen));
    }

    /** Whether the template names a phrase of the line that the ride has already read often enough. */
    private boolean worn(String template, Map<String, String> values) {
        for (String slot : Template.slots(template)) {
            if (LINE_PHRASES.contains(slot)) {
                String phrase = values.get(slot).toLowerCase(Locale.ROOT);
                long reads = used.stream()
                        .filter(sentence -> !sentence.startsWith(TEMPLATE))
                        .filter(sentence -> sentence.toLowerCase(Locale.ROOT).contains(phrase))
                        .count();
                if (reads >= PHRASE_READS) {
                    return true;
                }
            }
        }
        return false;
    }
}
