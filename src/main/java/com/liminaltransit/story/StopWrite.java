package com.liminaltransit.story;

import com.liminaltransit.narrative.stream.Sentence;
import com.liminaltransit.narrative.stream.SentenceSplitter;
import com.liminaltransit.narrative.stream.StreamedStop;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * One stop being written in the background after a streamed choice: the sentences already shown and, at the end,
 * the stored stop or the failure. Any number of streams (a second tab, a reconnect) attach to it; each first gets
 * what was already shown, then what follows, in order. Nobody attached does not stop the write.
 */
final class StopWrite {

    /** What a stream receives. */
    sealed interface Event {}

    /** A whole sentence that passed the checks, in {@code language} (a BCP 47 tag): shown, never taken back. */
    record Shown(Sentence sentence, String language) implements Event {}

    /** The stop is stored: the ride as it stands with it. */
    record Written(Story story) implements Event {}

    /** The stop could not be written: the choice stays open. */
    record Failed(String reason) implements Event {}

    private final Locale language;
    private final List<Event> events = new ArrayList<>();
    private final List<BlockingQueue<Event>> listeners = new ArrayList<>();
    private final long startedNanos = System.nanoTime();
    private long firstShownNanos = -1;
    private boolean ended;

    StopWrite(Locale language) {
        this.language = language;
    }

    /** Milliseconds from the start of the write to its first sentence shown, if one was. */
    synchronized Optional<Integer> firstSentenceMillis() {
        return firstShownNanos < 0
                ? Optional.empty()
                : Optional.of((int) ((firstShownNanos - startedNanos) / 1_000_000));
    }

    /** Milliseconds since the write started. */
    int elapsedMillis() {
        return (int) ((System.nanoTime() - startedNanos) / 1_000_000);
    }

    /** Attaches a stream: the queue holds what was already shown and receives the rest. */
    synchronized BlockingQueue<Event> attach() {
        var queue = new LinkedBlockingQueue<>(events);
        if (!ended) {
            listeners.add(queue);
        }
        return queue;
    }

    /** Shows one more checked sentence. */
    synchronized void show(Sentence sentence) {
        if (ended) {
            return; // a write that has ended shows nothing more
        }
        publish(new Shown(sentence, language.toLanguageTag()));
    }

    /** How many sentences were shown so far. */
    synchronized int shown() {
        return (int) events.stream().filter(Shown.class::isInstance).count();
    }

    /**
     * The stop is stored and valid: its sentences not yet shown follow in order (a provider that did not stream
     * wrote them all at once), then the commit.
     */
    synchronized void written(Story story, int stop) {
        if (ended) {
            return;
        }
        var passage = story.passage(stop);
        for (var sentence : unshown(passage.body())) {
            publish(new Shown(sentence, passage.language())); // an unstreamed stop may be in another language
        }
        publish(new Written(story));
        end();
    }

    /**
     * The sentences of the stored passage not shown yet: what follows the shown ones when the passage begins with
     * them (a streamed stop), else every sentence past as many as were shown.
     */
    private List<Sentence> unshown(String body) {
        List<Sentence> shown = events.stream()
                .filter(Shown.class::isInstance)
                .map(event -> ((Shown) event).sentence())
                .toList();
        String soFar = StreamedStop.join(shown, language);
        if (!shown.isEmpty() && body.startsWith(soFar)) {
            return SentenceSplitter.split(body.substring(soFar.length()), language);
        }
        var sentences = SentenceSplitter.split(body, language);
        return sentences.subList(Math.min(shown.size(), sentences.size()), sentences.size());
    }

    synchronized void failed(String reason) {
        if (ended) {
            return;
        }
        publish(new Failed(reason));
        end();
    }

    private void publish(Event event) {
        if (event instanceof Shown && firstShownNanos < 0) {
            firstShownNanos = System.nanoTime();
        }
        events.add(event);
        listeners.forEach(listener -> listener.add(event));
    }

    private void end() {
        ended = true;
        listeners.clear();
    }
}
