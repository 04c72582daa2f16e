package com.liminaltransit.narrative.stream;

import com.liminaltransit.narrative.InvalidNarrativeException;
import com.liminaltransit.narrative.Jsonp;
import com.liminaltransit.narrative.Narrative;
import com.liminaltransit.narrative.NarrativeJson;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The shape a streaming model is asked for, read as it arrives: the passage as plain prose first, then a line
 * holding only {@link #MARKER}, then one JSON object with the rest of the AI contract ({@code summary},
 * {@code ending}, {@code choices}). The prose is released in whole sentences as they complete; the marker and the
 * JSON never are. The non-streaming JSON contract of DESIGN.md is unchanged.
 */
public final class ProseThenChoices {

    /** The line between the prose and the choices. */
    public static final String MARKER = "=== CHOICES ===";

    private final SentenceSplitter splitter;
    private final StringBuilder held = new StringBuilder();
    private final StringBuilder choices = new StringBuilder();
    private final List<Sentence> released = new ArrayList<>();
    private boolean afterMarker;

    public ProseThenChoices(Locale language) {
        this.splitter = new SentenceSplitter(language);
    }

    /** Adds text as it arrives; returns the sentences of the passage it completes. */
    public List<Sentence> feed(CharSequence text) {
        if (afterMarker) {
            choices.append(text);
            return List.of();
        }
        held.append(text);
        int marker = markerLine();
        if (marker >= 0) {
            afterMarker = true;
            int lineEnd = held.indexOf("\n", marker);
            if (lineEnd >= 0) {
                choices.append(held, lineEnd + 1, held.length());
            } else {
                choices.append(held, marker + MARKER.length(), held.length());
            }
            var prose = held.substring(0, marker);
            held.setLength(0);
            var sentences = new ArrayList<>(splitter.feed(prose));
            sentences.addAll(splitter.finish());
            released.addAll(sentences);
            return sentences;
        }
        // the text after the last line break may still turn out to be the marker: keep it back
        int lastBreak = held.lastIndexOf("\n");
        var tail = held.substring(lastBreak + 1).strip();
        int cut = MARKER.startsWith(tail) || tail.isEmpty() ? lastBreak + 1 : held.length();
        var prose = held.substring(0, cut);
        held.delete(0, cut);
        var sentences = splitter.feed(prose);
        released.addAll(sentences);
        return sentences;
    }

    /** Whether the prose has ended (the marker was seen). */
    public boolean proseEnded() {
        return afterMarker;
    }

    /** The sentences released so far, in order. */
    public List<Sentence> released() {
        return List.copyOf(released);
    }

    /**
     * The answer is complete: the passage (every sentence released, in order) with the choices that followed it.
     *
     * @throws InvalidNarrativeException when the marker or a JSON object after it is missing or malformed
     */
    public Narrative finish() {
        if (!afterMarker) {
            throw new InvalidNarrativeException(
                    "the answer ended without the line " + MARKER + " and the JSON object after it");
        }
        JsonObject object;
        try (var reader = Jsonp.JSON.createReader(new StringReader(stripFence(choices.toString())))) {
            object = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new InvalidNarrativeException(
                    "after the line " + MARKER + " write one JSON object with summary, ending and choices");
        }
        var passage = String.join(" ", released.stream().map(Sentence::text).toList());
        var whole = Jsonp.JSON
                .createObjectBuilder(object)
                .add("passage", Jsonp.JSON.createValue(passage))
                .build();
        return NarrativeJson.fromObject(whole);
    }

    private int markerLine() {
        int from = 0;
        while (true) {
            int at = held.indexOf(MARKER, from);
            if (at < 0) {
                return -1;
            }
            boolean lineStart =
                    held.substring(held.lastIndexOf("\n", at - 1) + 1, at).isBlank();
            if (lineStart) {
                return at;
            }
            from = at + 1;
        }
    }

    /** Models like to fence JSON in Markdown: ```json … ```. */
    private static String stripFence(String text) {
        var stripped = text.strip();
        if (stripped.startsWith("```")) {
            int firstLine = stripped.indexOf('\n');
            int close = stripped.lastIndexOf("```");
            if (firstLine > 0 && close > firstLine) {
                return stripped.substring(firstLine + 1, close);
            }
        }
        return stripped;
    }
}
