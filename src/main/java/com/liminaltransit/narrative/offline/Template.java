package com.liminaltransit.narrative.offline;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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
            "given",
            "companion",
            "slighted",
            "gone",
            "count",
            "sought",
            "label",
            "deed",
            "passed",
            "items",
            "deeds",
            "place",
            "ending");

    private Template() {}

    /**
     * Fills every slot of a template. A scan rather than a regular expression: the storyteller fills every candidate
     * sentence it considers, many times a stop.
     *
     * @throws IllegalStateException when a slot has no value here: a scene uses what its needs do not bind
     */
    static String fill(String template, Map<String, String> values) {
        int open = template.indexOf('{');
        if (open < 0) {
            return template;
        }
        StringBuilder out = new StringBuilder(template.length() + 64);
        int from = 0;
        while (open >= 0) {
            int close = template.indexOf('}', open);
            if (close < 0 || !isSlot(template, open + 1, close)) {
                out.append(template, from, open + 1);
                from = open + 1;
                open = template.indexOf('{', from);
                continue;
            }
            String slot = template.substring(open + 1, close);
            String value = values.get(slot.toLowerCase(Locale.ROOT));
            if (value == null) {
                throw new IllegalStateException("no value for {" + slot + "} in: " + template);
            }
            out.append(template, from, open);
            out.append(Character.isUpperCase(slot.charAt(0)) ? capitalise(value) : value);
            from = close + 1;
            open = template.indexOf('{', from);
        }
        out.append(template, from, template.length());
        return out.toString();
    }

    /** The slots a template uses, lower-cased. */
    static Set<String> slots(String template) {
        Set<String> slots = new LinkedHashSet<>();
        int open = template.indexOf('{');
        while (open >= 0) {
            int close = template.indexOf('}', open);
            if (close < 0) {
                break;
            }
            if (isSlot(template, open + 1, close)) {
                slots.add(template.substring(open + 1, close).toLowerCase(Locale.ROOT));
            }
            open = template.indexOf('{', open + 1);
        }
        return slots;
    }

    /** Whether the characters between a brace pair are a slot name: ASCII letters only, at least one. */
    private static boolean isSlot(String text, int from, int to) {
        if (to <= from) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')) {
                return false;
            }
        }
        return true;
    }

    static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
