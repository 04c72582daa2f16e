package com.liminaltransit.narrative.offline;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills the bank's {@code {slot}} placeholders. A capitalised slot ({@code {Pshort}}) capitalises its value, so a
 * name can open a sentence. Deliberately tiny: the bank is prose, not a template language.
 */
final class Template {

    /** Every placeholder the bank may use. */
    static final Set<String> PLACEHOLDERS = Set.of(
            "line",
            "boarding",
            "station",
            "sight",
            "weather",
            "sound",
            "light",
            "conductor",
            "terminus",
            "passenger",
            "pshort",
            "them",
            "their",
            "pdetail",
            "item",
            "ishort",
            "carried",
            "companion",
            "slighted",
            "count",
            "label",
            "deed");

    private static final Pattern SLOT = Pattern.compile("\\{([A-Za-z]+)}");

    private Template() {}

    /**
     * Fills every slot of a template.
     *
     * @throws IllegalStateException when a slot has no value here: a scene uses what its needs do not bind
     */
    static String fill(String template, Map<String, String> values) {
        Matcher matcher = SLOT.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 64);
        while (matcher.find()) {
            String slot = matcher.group(1);
            String value = values.get(slot.toLowerCase(Locale.ROOT));
            if (value == null) {
                throw new IllegalStateException("no value for {" + slot + "} in: " + template);
            }
            String text = Character.isUpperCase(slot.charAt(0)) ? capitalise(value) : value;
            matcher.appendReplacement(out, Matcher.quoteReplacement(text));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** The slots a template uses, lower-cased. */
    static Set<String> slots(String template) {
        Set<String> slots = new LinkedHashSet<>();
        Matcher matcher = SLOT.matcher(template);
        while (matcher.find()) {
            slots.add(matcher.group(1).toLowerCase(Locale.ROOT));
        }
        return slots;
    }

    static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
