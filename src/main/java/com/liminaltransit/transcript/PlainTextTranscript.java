package com.liminaltransit.transcript;

import java.util.List;
import java.util.Locale;

/**
 * The transcript as plain UTF-8 text, wrapped at {@value #WIDTH} columns to read in any editor or terminal or to
 * print: the title underlined, each stop's heading in capitals and underlined, the passage, the choice taken.
 * Plain text has no markup to escape; the text is what the model wrote.
 */
final class PlainTextTranscript {

    /** Columns per line: a comfortable measure that survives e-mail and narrow terminals. */
    static final int WIDTH = 72;

    private PlainTextTranscript() {}

    static String render(Transcript transcript) {
        StringBuilder txt = new StringBuilder();
        underlined(txt, transcript.title(), '=');
        wrap(txt, "Boarded on " + transcript.boardedText() + " · " + transcript.stopCountText() + " · Liminal Transit");
        for (Transcript.Stop stop : transcript.stops()) {
            txt.append('\n');
            underlined(txt, stop.heading().toUpperCase(Locale.ROOT), '-');
            for (List<String> paragraph : stop.paragraphs()) {
                for (String line : paragraph) {
                    wrap(txt, line);
                }
                txt.append('\n');
            }
            if (stop.chosen() != null) {
                wrap(txt, "You chose: " + stop.chosen());
                txt.append('\n');
            } else if (stop.open()) {
                wrap(txt, "Not yet chosen: " + String.join(" · ", stop.offered()));
                txt.append('\n');
            }
        }
        if (transcript.ended()) {
            txt.append("THE END OF THE LINE.\n");
        }
        List<Transcript.Stop> doors = transcript.withDoorsNotTaken();
        if (!doors.isEmpty()) {
            txt.append('\n');
            underlined(txt, "DOORS NOT TAKEN", '-');
            for (Transcript.Stop stop : doors) {
                wrapHanging(txt, "* " + stop.heading() + ": " + String.join(" · ", stop.notTaken()));
            }
        }
        return txt.toString().stripTrailing() + "\n";
    }

    private static void underlined(StringBuilder txt, String heading, char rule) {
        int before = txt.length();
        wrap(txt, heading);
        int longest = 0;
        for (String line : txt.substring(before).split("\n")) {
            longest = Math.max(longest, line.codePointCount(0, line.length()));
        }
        txt.append(String.valueOf(rule).repeat(longest)).append("\n\n");
    }

    /** One line of text, broken at spaces into lines of at most {@value #WIDTH} columns (a longer word stays whole). */
    static void wrap(StringBuilder txt, String text) {
        wrap(txt, text, "");
    }

    /** A list item: lines after the first are indented under its text. */
    private static void wrapHanging(StringBuilder txt, String text) {
        wrap(txt, text, "  ");
    }

    private static void wrap(StringBuilder txt, String text, String indent) {
        int column = 0;
        boolean lineStart = true;
        for (String word : text.strip().split("\\s+")) {
            int length = word.codePointCount(0, word.length());
            if (!lineStart && column + 1 + length > WIDTH) {
                txt.append('\n').append(indent);
                column = indent.length();
                lineStart = true;
            }
            if (!lineStart) {
                txt.append(' ');
                column++;
            }
            txt.append(word);
            column += length;
            lineStart = false;
        }
        txt.append('\n');
    }
}
