package com.liminaltransit.narrative.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * One stop being written for a player who reads it as it arrives, across every link of the chain that writes a
 * part of it: the sentences shown so far (never taken back), who wrote them, and how many were shown before a link
 * failed. The chain hands each link an {@link AnswerStream} that continues from here; the story's {@code StopWrite}
 * times them. Used by one writing thread at a time.
 */
public final class StreamedStop {

    private final Locale language;
    private final Consumer<Sentence> shown;
    private final List<Sentence> sentences = new ArrayList<>();
    private final List<String> links = new ArrayList<>();
    private int shownBeforeFailure;
    private boolean streamed;

    /**
     * @param language the ride's language: how sentences are cut
     * @param shown    receives each sentence as it is shown, in order
     */
    public StreamedStop(Locale language, Consumer<Sentence> shown) {
        this.language = language;
        this.shown = shown;
    }

    /** The language sentences are cut in. */
    public Locale language() {
        return language;
    }

    /** Shows a checked sentence written by {@code provider}. */
    void show(Sentence sentence, String provider) {
        streamed = true;
        if (links.isEmpty() || !links.getLast().equals(provider)) {
            links.add(provider);
        }
        sentences.add(sentence);
        shown.accept(sentence);
    }

    /** A link failed after this stop had shown sentences: the next one continues from them. */
    public void linkFailed() {
        shownBeforeFailure = Math.max(shownBeforeFailure, sentences.size());
    }

    /** A link wrote the rest of the stop at once (it did not stream, or it closed the passage). */
    public void finishedBy(String provider) {
        if (links.isEmpty() || !links.getLast().equals(provider)) {
            links.add(provider);
        }
    }

    /** The passage as far as it was shown, sentences joined as the stored passage joins them; empty when none. */
    public String passageSoFar() {
        return join(sentences, language);
    }

    /** Whether any sentence has been shown. */
    public boolean anyShown() {
        return !sentences.isEmpty();
    }

    /** Whether a provider streamed text that was shown. */
    public boolean streamed() {
        return streamed;
    }

    /** Sentences shown before the first link that failed after showing text (0 when none did). */
    public int shownBeforeFailure() {
        return shownBeforeFailure;
    }

    /** The providers that wrote the stop, in order, e.g. {@code [openai, offline]}. */
    public List<String> links() {
        return List.copyOf(links);
    }

    /**
     * Sentences joined into passage text: a blank line before a sentence that opens a paragraph, else a space (none in
     * Japanese and Chinese, whose sentences follow one another without one).
     */
    public static String join(List<Sentence> sentences, Locale language) {
        String primary = language.getLanguage();
        String between = primary.equals("ja") || primary.equals("zh") ? "" : " ";
        StringBuilder text = new StringBuilder();
        for (Sentence sentence : sentences) {
            if (!text.isEmpty()) {
                text.append(sentence.opensParagraph() ? "\n\n" : between);
            }
            text.append(sentence.text());
        }
        return text.toString();
    }
}
