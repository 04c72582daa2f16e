package com.liminaltransit.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * What a streaming vendor stub sends for one request: the model's text in pieces, paced, then a clean end or a fault.
 * The standard answers are written in the streaming shape the app asks for (prose, the marker line, the JSON), so
 * every vendor's wire test plays the same story and the same faults.
 *
 * @param pieces       the model's text, in the pieces it arrives in
 * @param firstDelay   before the first piece
 * @param between      between pieces
 * @param end          how the stream ends
 * @param status       200, or the HTTP status of an error answer (then {@code errorBody} is the whole answer)
 * @param errorBody    the body of an error answer
 * @param inputTokens  reported at a clean end
 * @param outputTokens reported at a clean end
 * @param release      when set, the fault waits for it (at most 30 s) after the pieces: a reset drops what the client
 *                     has not read yet, so a test that must see the pieces first releases the reset once it has
 */
public record StreamScript(
        List<String> pieces,
        Duration firstDelay,
        Duration between,
        End end,
        int status,
        String errorBody,
        int inputTokens,
        int outputTokens,
        CountDownLatch release) {

    /** How a stream ends. */
    public enum End {
        /** The vendor's closing events, then the end of the body. */
        CLEAN,
        /** A TCP reset after the pieces. */
        RESET,
        /** Silence after the pieces, the connection held open. */
        STALL,
        /** A frame the client cannot read after the pieces. */
        MALFORMED
    }

    /** The marker between prose and JSON (the app's {@code ProseThenChoices.MARKER}). */
    public static final String MARKER = "=== CHOICES ===";

    /** The first two sentences of every standard answer. */
    public static final String FIRST = "The lamps of the night train flicker as you find a seat by the window.";

    public static final String SECOND = "Across the aisle, a conductor in a grey coat is folding a paper bird.";

    /** The rest of the standard prose. */
    public static final String THIRD = "Outside, a station slides past with every light on and nobody on the platform.";

    /** A sentence the local safety rules refuse in every language: it carries a web address. */
    public static final String UNSAFE = "Visit http://example.com/free-tickets for a prize right now.";

    /** Valid choices, summary and ending. */
    public static final String CHOICES_JSON = "{\"choices\": [{\"id\": \"a\", \"label\": \"Ask about the paper bird\"},"
            + " {\"id\": \"b\", \"label\": \"Watch the empty station\"}], \"ending\": false,"
            + " \"summary\": \"You took a window seat; a conductor folds paper birds.\"}";

    /** JSON that breaks the contract: a single choice. */
    public static final String ONE_CHOICE_JSON = "{\"choices\": [{\"id\": \"a\", \"label\": \"Only way\"}],"
            + " \"ending\": false, \"summary\": \"Broken.\"}";

    /** A whole good answer, in pieces of a few words, as a model streams it. */
    public static StreamScript good() {
        return of(words(FIRST + " " + SECOND + " " + THIRD + "\n" + MARKER + "\n" + CHOICES_JSON));
    }

    /**
     * The first two sentences and the first words of the third (a sentence is only released once the text after it
     * shows it has ended), then {@code end}.
     */
    public static StreamScript twoSentencesThen(End end) {
        return new StreamScript(
                words(FIRST + " " + SECOND + " Outside, a station"),
                Duration.ZERO,
                Duration.ZERO,
                end,
                200,
                "",
                0,
                0,
                null);
    }

    /** A whole answer whose JSON offers a single choice. */
    public static StreamScript invalidChoices() {
        return of(words(FIRST + " " + SECOND + " " + THIRD + "\n" + MARKER + "\n" + ONE_CHOICE_JSON));
    }

    /** Two good sentences, then an unsafe one, then the rest of a good answer. */
    public static StreamScript unsafeInTheMiddle() {
        return of(words(FIRST + " " + SECOND + " " + UNSAFE + " " + THIRD + "\n" + MARKER + "\n" + CHOICES_JSON));
    }

    /** An error answer with this status and body. */
    public static StreamScript error(int status, String body) {
        return new StreamScript(List.of(), Duration.ZERO, Duration.ZERO, End.CLEAN, status, body, 0, 0, null);
    }

    /** These pieces, unpaced, ending cleanly. */
    public static StreamScript of(List<String> pieces) {
        return new StreamScript(pieces, Duration.ZERO, Duration.ZERO, End.CLEAN, 200, "", 120, 80, null);
    }

    /** The same script, paced. */
    public StreamScript paced(Duration first, Duration between) {
        return new StreamScript(pieces, first, between, end, status, errorBody, inputTokens, outputTokens, release);
    }

    /** The same script, its fault held until {@code latch} is counted down. */
    public StreamScript faultAfter(CountDownLatch latch) {
        return new StreamScript(pieces, firstDelay, between, end, status, errorBody, inputTokens, outputTokens, latch);
    }

    /** Text cut into pieces of up to three words, spaces kept, as models stream tokens. */
    public static List<String> words(String text) {
        List<String> pieces = new ArrayList<>();
        StringBuilder piece = new StringBuilder();
        int words = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            piece.append(c);
            if (c == ' ' && ++words == 3) {
                pieces.add(piece.toString());
                piece.setLength(0);
                words = 0;
            }
        }
        if (!piece.isEmpty()) {
            pieces.add(piece.toString());
        }
        return pieces;
    }
}
