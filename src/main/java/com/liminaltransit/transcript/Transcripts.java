package com.liminaltransit.transcript;

import com.liminaltransit.narrative.ChoiceOption;
import com.liminaltransit.story.Passage;
import com.liminaltransit.story.Ride;
import com.liminaltransit.story.Story;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/** Turns a stored ride into a {@link Transcript}: the stops asked for, headed as the ride page heads them. */
final class Transcripts {

    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*");
    private static final String FALLBACK_LANGUAGE = "en";
    private static final String UNNAMED_TITLE = "A ride on the night train";

    private Transcripts() {}

    /**
     * The ride up to stop {@code last} (inclusive).
     *
     * @throws IllegalArgumentException when the ride has no such stop
     */
    static Transcript of(Story story, int last) {
        if (!story.hasStop(last)) {
            throw new IllegalArgumentException("no stop " + last);
        }
        Ride ride = story.ride();
        List<Transcript.Stop> stops = new ArrayList<>();
        for (Passage passage : story.passages().subList(0, last + 1)) {
            stops.add(stop(passage));
        }
        Passage boarding = story.passage(0);
        String station = BoardingStation.in(clean(boarding.summary()), clean(boarding.body()))
                .orElse(null);
        return new Transcript(
                ride.id(),
                station == null ? UNNAMED_TITLE : "The night train from " + station,
                station,
                ride.createdAt().atZone(ZoneOffset.UTC).toLocalDate(),
                ride.updatedAt().truncatedTo(ChronoUnit.SECONDS),
                LANGUAGE.matcher(ride.language()).matches() ? ride.language() : FALLBACK_LANGUAGE,
                stops,
                last < story.passages().size() - 1);
    }

    /** The whole ride, up to its newest stop. */
    static Transcript of(Story story) {
        return of(story, story.passages().size() - 1);
    }

    private static Transcript.Stop stop(Passage passage) {
        String heading = passage.ending() ? "Terminus" : passage.stop() == 0 ? "Boarding" : "Stop " + passage.stop();
        return new Transcript.Stop(
                passage.stop(),
                heading,
                paragraphs(clean(passage.body())),
                passage.chosen()
                        .map(ChoiceOption::label)
                        .map(Transcripts::clean)
                        .orElse(null),
                passage.choices().stream()
                        .map(ChoiceOption::label)
                        .map(Transcripts::clean)
                        .toList(),
                passage.ending());
    }

    /** Paragraphs split at blank lines, lines at line breaks; blank lines and edge spaces dropped. */
    static List<List<String>> paragraphs(String text) {
        List<List<String>> paragraphs = new ArrayList<>();
        for (String block : text.split("\\n\\s*\\n")) {
            List<String> lines = Arrays.stream(block.split("\\n"))
                    .map(String::strip)
                    .filter(line -> !line.isEmpty())
                    .toList();
            if (!lines.isEmpty()) {
                paragraphs.add(lines);
            }
        }
        return paragraphs;
    }

    /**
     * Model text made fit for every format: line breaks as {@code \n}, and anything XML 1.0 cannot carry (controls
     * other than tab and line feed, lone surrogates, U+FFFE and U+FFFF) as U+FFFD. The narrator's validator already
     * refuses these; a document must not depend on it.
     */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        String lines = text.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder out = new StringBuilder(lines.length());
        for (int i = 0; i < lines.length(); i++) {
            char c = lines.charAt(i);
            if (Character.isHighSurrogate(c)
                    && i + 1 < lines.length()
                    && Character.isLowSurrogate(lines.charAt(i + 1))) {
                out.append(c).append(lines.charAt(++i));
            } else if (c == '\n'
                    || c == '\t'
                    || (c >= 0x20 && c < 0x7F)
                    || (c > 0x9F && c < 0xD800)
                    || (c > 0xDFFF && c < 0xFFFE)) {
                out.append(c);
            } else {
                out.append('\uFFFD');
            }
        }
        return out.toString();
    }
}
