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

    private NarrativeValidator() {}

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
        if (containsMarkup(text)) {
            problems.add(field + " must be plain text without markup");
        }
        if (containsControl(text)) {
            problems.add(field + " contains control or direction-override characters");
        }
    }

    /**
     * Anything a browser or a template engine could read as markup: a tag or comment ({@code <a}, {@code </},
     * {@code <!}, {@code <?}, also with spaces after {@code <}), Thymeleaf inlining ({@code [[}, {@code [(}),
     * mustache-like variables ({@code {{}) and character references ({@code &amp;}, {@code &#60;}). A plain
     * scan, since this runs on every passage of every step (a regex here was the step's largest CPU cost).
     */
    static boolean containsMarkup(String text) {
        int length = text.length();
        for (int i = 0; i < length - 1; i++) {
            char c = text.charAt(i);
            char next = text.charAt(i + 1);
            switch (c) {
                case '<' -> {
                    int j = i + 1;
                    while (j < length && Character.isWhitespace(text.charAt(j))) {
                        j++;
                    }
                    if (j < length && isTagStart(text.charAt(j))) {
                        return true;
                    }
                }
                case '[' -> {
                    if (next == '[' || next == '(') {
                        return true;
                    }
                }
                case '{' -> {
                    if (next == '{') {
                        return true;
                    }
                }
                case '&' -> {
                    if (isAsciiLetter(next) || next == '#') {
                        int j = i + 2;
                        while (j < length && (isAsciiLetter(text.charAt(j)) || isAsciiDigit(text.charAt(j)))) {
                            j++;
                        }
                        if (j < length && text.charAt(j) == ';') {
                            return true;
                        }
                    }
                }
                default -> {
                    // plain text
                }
            }
        }
        return false;
    }

    /** Control characters other than line breaks and tabs, and zero-width or direction-override characters. */
    static boolean containsControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t';
            boolean invisible = (c >= '\u200B' && c <= '\u200F')
                    || (c >= '\u202A' && c <= '\u202E')
                    || (c >= '\u2066' && c <= '\u2069');
            if (control || invisible) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTagStart(char c) {
        return isAsciiLetter(c) || c == '/' || c == '!' || c == '?';
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static String normalised(String label) {
        return label.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
