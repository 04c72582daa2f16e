package com.liminaltransit.narrative;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a narrative against the AI contract of DESIGN.md. Model output is untrusted: a narrative that fails here
 * is never shown, it counts as the provider's failure. Complaints are worded so they can be sent back to a model.
 *
 * <p>Lengths are measured on the exact strings of the narrative, in UTF-16 units ({@link String#length()}), which
 * is never less than the characters a {@code varchar(n)} column counts: a narrative that passes here fits its
 * columns as it is (the limits below stay under the column sizes of {@code db/migration}, and a test holds that).
 * {@link NarrativeJson} hands over {@linkplain Narrative#normalised() normalised} narratives, so padding a model
 * adds is gone before it is measured, and what is measured is what is stored.
 */
public final class NarrativeValidator {

    /** Shortest passage worth a stop. */
    public static final int MIN_PASSAGE = 40;
    /** Longest passage: a short read on a phone ({@code passage.body} is {@code varchar(4000)}). */
    public static final int MAX_PASSAGE = 2000;
    /** Longest choice label: it must fit a button ({@code choice.label} is {@code varchar(200)}). */
    public static final int MAX_LABEL = 90;
    /** Longest running summary ({@code passage.summary} is {@code varchar(2000)}). */
    public static final int MAX_SUMMARY = 1500;
    /** Longest choice id ({@code choice.id} and {@code passage.chosen_id} are {@code varchar(8)}). */
    public static final int MAX_CHOICE_ID = 8;
    /** Longest model name a vendor may report ({@code passage.model} is {@code varchar(100)}). */
    public static final int MAX_MODEL_NAME = 100;
    /** Fewest choices on a stop that is not an ending. */
    public static final int MIN_CHOICES = 2;
    /** Most choices on a stop. */
    public static final int MAX_CHOICES = 4;

    /** The config key of the fewest stops a ride has before the stop that ends it. */
    public static final String MIN_STOPS_BEFORE_ENDING_KEY = "liminal.story.min-stops-before-ending";
    /** Its default: the boarding and two more stops, so no model can end a ride at its first choice. */
    public static final int DEFAULT_MIN_STOPS_BEFORE_ENDING = 3;

    private static final Pattern CHOICE_ID = Pattern.compile("[a-z0-9]{1," + MAX_CHOICE_ID + "}");

    private NarrativeValidator() {}

    /** Validates one narrative; never throws. */
    public static ValidationResult validate(Narrative narrative) {
        List<String> problems = new ArrayList<>();
        if (narrative == null) {
            return new ValidationResult(List.of("no narrative object was found"));
        }
        checkText("passage", narrative.passage(), MIN_PASSAGE, MAX_PASSAGE, problems);
        checkText("summary", narrative.summary(), 1, MAX_SUMMARY, problems);
        checkChoices(narrative, MAX_LABEL, problems);
        return new ValidationResult(problems);
    }

    /** Longest translated passage: its column ({@code passage.body} is {@code varchar(4000)}). */
    public static final int MAX_TRANSLATED_PASSAGE = 4000;
    /** Longest translated choice label: its column ({@code choice.label} is {@code varchar(200)}). */
    public static final int MAX_TRANSLATED_LABEL = 200;

    /**
     * Validates a machine translation of a valid narrative: the same contract, except that a passage and its labels
     * may grow up to their columns (German runs longer than the English it translates), since no model chose their
     * length. Markup and hidden characters are refused as in any model's text.
     */
    public static ValidationResult validateTranslated(Narrative narrative) {
        List<String> problems = new ArrayList<>();
        if (narrative == null) {
            return new ValidationResult(List.of("no narrative object was found"));
        }
        checkText("passage", narrative.passage(), 1, MAX_TRANSLATED_PASSAGE, problems);
        checkText("summary", narrative.summary(), 1, MAX_SUMMARY, problems);
        checkChoices(narrative, MAX_TRANSLATED_LABEL, problems);
        return new ValidationResult(problems);
    }

    /**
     * Validates one narrative written for stop {@code stop} (from 0): the contract of {@link #validate(Narrative)}
     * and {@link #checkEnding}.
     */
    public static ValidationResult validate(Narrative narrative, int stop, int minStopsBeforeEnding) {
        List<String> problems = new ArrayList<>(validate(narrative).problems());
        problems.addAll(checkEnding(narrative, stop, minStopsBeforeEnding).problems());
        return new ValidationResult(problems);
    }

    /**
     * Whether the ride may end at stop {@code stop} (from 0, the boarding): only once {@code minStopsBeforeEnding}
     * stops have been written before it (config {@value #MIN_STOPS_BEFORE_ENDING_KEY}). The complaint numbers stops
     * from 1, as the step prompt does.
     */
    public static ValidationResult checkEnding(Narrative narrative, int stop, int minStopsBeforeEnding) {
        if (narrative == null || !narrative.ending() || stop >= minStopsBeforeEnding) {
            return new ValidationResult(List.of());
        }
        return new ValidationResult(List.of("the ride cannot end at stop " + (stop + 1) + ", it may end from stop "
                + (minStopsBeforeEnding + 1) + " on: set \"ending\" to false and offer " + MIN_CHOICES + " to "
                + MAX_CHOICES + " choices"));
    }

    /**
     * What is wrong with the model name a vendor reported before it is stored with a step: empty, longer than
     * {@value #MAX_MODEL_NAME} characters, or anything but printable ASCII with single inner spaces. A vendor's
     * name is its own word, not the model's text, so a bad one is best replaced by the name that was asked for
     * (see {@link #modelNameOr}).
     */
    public static ValidationResult checkModelName(String model) {
        if (model == null || model.isEmpty()) {
            return new ValidationResult(List.of("the model name is empty"));
        }
        List<String> problems = new ArrayList<>();
        if (model.length() > MAX_MODEL_NAME) {
            problems.add("the model name is longer than " + MAX_MODEL_NAME + " characters");
        }
        boolean printable = model.chars().allMatch(c -> c >= 0x20 && c <= 0x7E);
        if (!printable || model.isBlank() || !model.strip().equals(model) || model.contains("  ")) {
            problems.add("the model name must be printable ASCII without surrounding or repeated spaces");
        }
        return new ValidationResult(problems);
    }

    /** {@code reported} when it {@linkplain #checkModelName can be stored}, else {@code asked}. */
    public static String modelNameOr(String reported, String asked) {
        return checkModelName(reported).valid() ? reported : asked;
    }

    private static void checkChoices(Narrative narrative, int maxLabel, List<String> problems) {
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
                problems.add("choice ids must be 1-" + MAX_CHOICE_ID + " lower-case letters or digits");
            } else if (!ids.add(choice.id())) {
                problems.add("choice id '" + choice.id() + "' is used twice");
            }
            checkText("choice label", choice.label(), 1, maxLabel, problems);
            if (choice.label() != null && !labels.add(comparable(choice.label()))) {
                problems.add("two choices have the same label");
            }
        }
    }

    private static void checkText(String field, String text, int min, int max, List<String> problems) {
        if (text == null || text.isBlank()) {
            problems.add(field + " is empty");
            return;
        }
        if (text.strip().length() < min) {
            problems.add(field + " is shorter than " + min + " characters");
        }
        // The whole string, padding included: this is what the column receives.
        if (text.length() > max) {
            problems.add(field + " is longer than " + max + " characters");
        }
        if (containsMarkup(text)) {
            problems.add(field + " must be plain text without markup");
        }
        int hidden = firstForbidden(text);
        if (hidden >= 0) {
            problems.add(field + " contains the invisible or control character " + codePoint(hidden) + " ("
                    + kind(hidden) + "); write visible letters, digits, punctuation and spaces only");
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

    /** Whether {@code text} may be shown as a passage or label: no markup, no hidden or control characters. */
    public static boolean isPlainText(String text) {
        return text != null && !containsMarkup(text) && firstForbidden(text) < 0;
    }

    /** Whether the text holds a character {@link #isForbidden forbidden} in model text. */
    static boolean containsControl(String text) {
        return firstForbidden(text) >= 0;
    }

    /**
     * The first code point of {@code text} that has no place in model text, or -1. A run of two variation
     * selectors counts too: one may follow an emoji, a run of them only carries hidden bytes.
     */
    static int firstForbidden(String text) {
        boolean previousWasSelector = false;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (isForbidden(c)) {
                return c;
            }
            boolean selector = c >= 0xFE00 && c <= 0xFE0F;
            if (selector && previousWasSelector) {
                return c;
            }
            previousWasSelector = selector;
            i += Character.charCount(c);
        }
        return -1;
    }

    /**
     * Whether a code point has no place in model text: controls other than line feed and tab; format characters
     * ({@link Character#FORMAT}: soft hyphen, zero-width spaces and joiners, direction marks and overrides, word
     * joiner, byte-order mark, invisible operators); the whole tag block U+E0000–U+E007F (it can spell hidden
     * instructions for the next prompt); the variation selectors supplement; unpaired surrogates; private-use
     * characters and noncharacters. None of them shows on a page, so none of them is needed to tell a story.
     */
    static boolean isForbidden(int c) {
        if (c == '\n' || c == '\t') {
            return false;
        }
        if (c >= 0xE0000 && c <= 0xE007F || c >= 0xE0100 && c <= 0xE01EF) {
            return true;
        }
        if (c >= 0xFDD0 && c <= 0xFDEF || (c & 0xFFFE) == 0xFFFE) {
            return true;
        }
        int type = Character.getType(c);
        return type == Character.CONTROL
                || type == Character.FORMAT
                || type == Character.SURROGATE
                || type == Character.PRIVATE_USE;
    }

    private static String kind(int c) {
        if (c >= 0xE0000 && c <= 0xE007F) {
            return "a tag character";
        }
        if (c >= 0xFE00 && c <= 0xFE0F || c >= 0xE0100 && c <= 0xE01EF) {
            return "a variation selector";
        }
        return switch (Character.getType(c)) {
            case Character.CONTROL -> "a control character";
            case Character.SURROGATE -> "half of a broken surrogate pair";
            case Character.PRIVATE_USE -> "a private-use character";
            case Character.FORMAT -> "an invisible format character";
            default -> "a noncharacter";
        };
    }

    /** {@code U+00AD}: a name the complaint can carry without carrying the character itself. */
    private static String codePoint(int c) {
        return String.format(Locale.ROOT, "U+%04X", c);
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

    /**
     * A label as two labels are compared: compatibility forms folded (full-width Ｌａｍｐ is Lamp, half-width ｶﾅ is
     * カナ), every run of Unicode white space (the ideographic space U+3000 too, which {@code \\s} misses) made one
     * space, case ignored. No word logic: Japanese labels have no spaces to split at.
     */
    static String comparable(String label) {
        return Narrative.oneLine(Normalizer.normalize(label, Normalizer.Form.NFKC))
                .toLowerCase(Locale.ROOT);
    }
}
