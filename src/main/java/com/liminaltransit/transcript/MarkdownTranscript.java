package com.liminaltransit.transcript;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The transcript as CommonMark: a level-1 heading for the ride, a level-2 heading per stop, the passage as
 * paragraphs, the choice taken in emphasis. Model text is escaped line by line ({@link #escape}), so a passage that
 * reads "# heading", "[link](…)", "&lt;script&gt;" or "---" stays words on the page: no Markdown reader turns it
 * into a heading, a link, HTML or a rule.
 */
final class MarkdownTranscript {

    /** Characters that mean something to CommonMark (or to GFM: tables, strikethrough) wherever they stand. */
    private static final String INLINE_SPECIALS = "\\`*_[]<>#|~&";

    private MarkdownTranscript() {}

    static String render(Transcript transcript) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(escape(transcript.title())).append("\n\n");
        md.append("Boarded on ")
                .append(transcript.boardedText())
                .append(" · ")
                .append(transcript.stopCountText())
                .append(" · Liminal Transit\n\n");
        for (Transcript.Stop stop : transcript.stops()) {
            md.append("## ").append(stop.heading()).append("\n\n");
            for (List<String> paragraph : stop.paragraphs()) {
                // a backslash at the end of a line is CommonMark's hard line break
                md.append(paragraph.stream().map(MarkdownTranscript::escape).collect(Collectors.joining("\\\n")))
                        .append("\n\n");
            }
            if (stop.chosen() != null) {
                md.append("*You chose:* ").append(escape(stop.chosen())).append("\n\n");
            } else if (stop.open()) {
                md.append("*Not yet chosen:* ")
                        .append(stop.offered().stream()
                                .map(MarkdownTranscript::escape)
                                .collect(Collectors.joining(" · ")))
                        .append("\n\n");
            }
        }
        if (transcript.ended()) {
            md.append("*The end of the line.*\n\n");
        }
        List<Transcript.Stop> doors = transcript.withDoorsNotTaken();
        if (!doors.isEmpty()) {
            md.append("## Doors not taken\n\n");
            for (Transcript.Stop stop : doors) {
                md.append("- ")
                        .append(stop.heading())
                        .append(": ")
                        .append(stop.notTaken().stream()
                                .map(MarkdownTranscript::escape)
                                .collect(Collectors.joining(" · ")))
                        .append('\n');
            }
            md.append('\n');
        }
        return md.toString().stripTrailing() + "\n";
    }

    /**
     * One line of model text as CommonMark that reads as that text and nothing more: every character with an inline
     * meaning is backslash-escaped, and so is whatever would open a block at the start of the line (a list item
     * "- ", "+ ", "1. ", a setext underline "===", a rule "---"). The {@code :} of {@code ://} and the {@code .} of
     * {@code www.} are escaped too, so GitHub-flavoured readers do not make bare addresses into links.
     */
    static String escape(String line) {
        StringBuilder out = new StringBuilder(line.length() + 8);
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (INLINE_SPECIALS.indexOf(c) >= 0
                    || c == ':' && line.startsWith("//", i + 1)
                    || c == '.' && endsWithWww(line, i)) {
                out.append('\\');
            }
            out.append(c);
        }
        return escapeBlockStart(out.toString());
    }

    private static boolean endsWithWww(String line, int dot) {
        return dot >= 3 && line.regionMatches(true, dot - 3, "www", 0, 3);
    }

    /** A line that would open a list, a setext heading or a rule gets its first marker escaped. */
    private static String escapeBlockStart(String line) {
        if (line.isEmpty()) {
            return line;
        }
        char first = line.charAt(0);
        if (first == '-' || first == '+' || first == '=') {
            return "\\" + line;
        }
        int digits = 0;
        while (digits < line.length() && digits < 10 && Character.isDigit(line.charAt(digits))) {
            digits++;
        }
        if (digits > 0 && digits < line.length() && (line.charAt(digits) == '.' || line.charAt(digits) == ')')) {
            return line.substring(0, digits) + "\\" + line.substring(digits);
        }
        return line;
    }
}
