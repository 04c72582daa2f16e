package com.liminaltransit.narrative;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a narrative against the AI contract of DESIGN.md. Model output is untrusted: a narrative that fails here
 * is never shown, it counts as the provider's failure. Complaints are worded so they can be sent back to a model.
 */
public final class NarrativeValidator {

    /** Shortest passage worth a stop. */
    public static final int MIN_PASSAGE = 40;
    /** Longest passage: a short read on a phone. */
    public static final int MAX_PASSAGE = 2000;
    /** Longest choice label: it must fit a button. */
    public static final int MAX_LABEL = 90;
    /** Longest running summary. */
    public static final int MAX_SUMMARY = 1500;
    /** Fewest choices on a stop that is not an ending. */
    public static final int MIN_CHOICES = 2;
    /** Most choices on a stop. */
    public static final int MAX_CHOICES = 4;

    private static final Pattern CHOICE_ID = Pattern.compile("[a-z0-9]{1,8}");
    /** Anything a browser or a template engine could read as markup. */
    private static final Pattern MARKUP = Pattern.compile("<\\s*[a-zA-Z/!?]|\\[\\[|\\[\\(|\\{\\{|&[a-zA-Z#][a-zA-Z0-9]*;");
    /** Control characters other than line breaks and tabs. */
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\r\\t]]|[\\u200B-\\u200F\\u202A-\\u202E\\u2066-\\u2069]");

    private NarrativeValidator() {
    }

    /** Validates one narrative; never throws. */
    public static ValidationResult validate(Narrative narrative) {
        List<String> problems = new ArrayList<>();
        if (narrative == null) {
            return new ValidationResult(List.of("no narrative object was found"));
        }
        checkText("passage", narrative.passage(), MIN_PASSAGE, MAX_PASSAGE, problems);
        checkText("summary", narrative.summary(), 1, MAX_SUMMARY, problems);
        checkChoices(narrative, problems);
        return new ValidationResult(problems);
    }

    private static void checkChoices(Narrative narrative, List<String> problems) {
        List<ChoiceOption> choices = narrative.choices();
        if (narrative.ending()) {
            if (!choices.isEmpty()) {
                problems.add("an ending must offer no choices");
            }
            return;
        }
        if (choices.size() < MIN_CHOICES || choices.size() > MAX_CHOICES) {
            problems.add("offer " + MIN_CHOICES + " to " + MAX_CHOICES + " choices, not " + choices.size());
        }
        Set<String> ids = new HashSet<>();
        Set<String> labels = new HashSet<>();
        for (ChoiceOption choice : choices) {
            if (choice == null) {
                problems.add("a choice is empty");
                continue;
            }
            if (choice.id() == null || !CHOICE_ID.matcher(choice.id()).matches()) {
                problems.add("choice ids must be 1-8 lower-case letters or digits");
            } else if (!ids.add(choice.id())) {
                problems.add("choice id '" + choice.id() + "' is used twice");
            }
            checkText("choice label", choice.label(), 1, MAX_LABEL, problems);
            if (choice.label() != null && !labels.add(normalised(choice.label()))) {
                problems.add("two choices have the same label");
            }
        }
    }

    private static void checkText(String field, String text, int min, int max, List<String> problems) {
        if (text == null || text.isBlank()) {
            problems.add(field + " is empty");
            return;
        }
        int length = text.strip().length();
        if (length < min) {
            problems.add(field + " is shorter than " + min + " characters");
        }
        if (length > max) {
            problems.add(field + " is longer than " + max + " characters");
        }
        if (MARKUP.matcher(text).find()) {
            problems.add(field + " must be plain text without markup");
        }
        if (CONTROL.matcher(text).find()) {
            problems.add(field + " contains control or direction-override characters");
        }
    }

    private static String normalised(String label) {
        return label.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
