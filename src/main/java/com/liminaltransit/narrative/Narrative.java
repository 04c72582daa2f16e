package com.liminaltransit.narrative;

import java.text.Normalizer;
import java.util.List;

/**
 * One stop of a ride as the AI contract defines it (see DESIGN.md): the passage, its choices, whether the ride
 * ends here, and the running summary a model reads instead of the whole ride.
 *
 * @param passage plain text, no markup
 * @param choices two to four choices, none when {@code ending}
 * @param ending  whether this stop is the terminus
 * @param summary one paragraph: the ride so far, including this passage
 */
public record Narrative(String passage, List<ChoiceOption> choices, boolean ending, String summary) {

    /** Copies the list so a record handed around stays as it was validated. */
    public Narrative {
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    /**
     * The same narrative in the one form that is validated, stored and shown: Unicode NFC; the passage with
     * {@code \n} line breaks, each line stripped, runs of spaces and tabs made one space and at most one blank
     * line between paragraphs; labels and the summary on one line with single spaces; ids stripped. Padding a
     * model adds is gone, so the validator measures what the columns receive. Idempotent; {@code null} fields stay
     * {@code null} for the validator to name.
     */
    public Narrative normalised() {
        List<ChoiceOption> tidy = choices.stream()
                .map(choice -> choice == null
                        ? null
                        : new ChoiceOption(
                                choice.id() == null ? null : choice.id().strip(), oneLine(choice.label())))
                .toList();
        return new Narrative(prose(passage), tidy, ending, oneLine(summary));
    }

    /** Paragraphs: lines stripped, inner runs of spaces and tabs made one space, one blank line at most. */
    static String prose(String text) {
        if (text == null) {
            return null;
        }
        String lines = Normalizer.normalize(text, Normalizer.Form.NFC)
                .replace("\r\n", "\n")
                .replace('\r', '\n')
                .replace('\u0085', '\n')
                .replace('\u2028', '\n')
                .replace("\u2029", "\n\n");
        StringBuilder out = new StringBuilder(lines.length());
        int blankLines = 0;
        for (String line : lines.split("\n", -1)) {
            String tidy = spaced(line.strip());
            if (tidy.isEmpty()) {
                blankLines++;
                continue;
            }
            if (!out.isEmpty()) {
                out.append(blankLines > 0 ? "\n\n" : "\n");
            }
            out.append(tidy);
            blankLines = 0;
        }
        return out.toString();
    }

    /** One line: every run of white space (line breaks included) made one space, stripped. */
    static String oneLine(String text) {
        if (text == null) {
            return null;
        }
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(nfc.length());
        boolean space = false;
        for (int i = 0; i < nfc.length(); i++) {
            char c = nfc.charAt(i);
            if (Character.isWhitespace(c) || c == '\u0085') {
                space = true;
                continue;
            }
            if (space && !out.isEmpty()) {
                out.append(' ');
            }
            space = false;
            out.append(c);
        }
        return out.toString();
    }

    /** Runs of spaces and tabs inside a line made one space (other spaces, such as no-break ones, kept). */
    private static String spaced(String line) {
        StringBuilder out = new StringBuilder(line.length());
        boolean space = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == ' ' || c == '\t') {
                space = true;
                continue;
            }
            if (space) {
                out.append(' ');
            }
            space = false;
            out.append(c);
        }
        return out.toString();
    }
}
