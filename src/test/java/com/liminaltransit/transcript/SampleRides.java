package com.liminaltransit.transcript;

import com.liminaltransit.narrative.ChoiceOption;
import com.liminaltransit.story.Passage;
import com.liminaltransit.story.Ride;
import com.liminaltransit.story.Story;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Rides built in memory for the renderers' tests, one of them with model text that tries every format's markup. */
final class SampleRides {

    static final String RIDE_ID = "3f2b8c1e-9a4d-4e6f-8b21-5c7d9e0f1a2b";
    static final Instant BOARDED = Instant.parse("2026-12-02T21:14:05.123Z");
    static final Instant MOVED = Instant.parse("2026-12-02T21:40:30.456Z");

    /** Lines a model might write to break out of a document: each format must show them as words. */
    static final List<String> HOSTILE_LINES = List.of(
            "# Not a heading",
            "<script>alert(1)</script> & ]]> &amp; &#60; \"quoted\" 'single'",
            "[a link](https://example.com) ![img](x.png) <https://example.com> www.example.com http://example.com",
            "---",
            "1. not a list",
            "- nor this",
            "===",
            "*stars* _under_ `code` ~~strike~~ | pipe | \\backslash\\",
            "<!-- a comment --> <?php ?> <![CDATA[ x ]]>",
            "    four spaces of code");

    /** A hostile choice label. */
    static final String HOSTILE_LABEL = "<b>Open</b> the [door](javascript:alert(1)) & # go";

    private SampleRides() {}

    /** Boarding at Hollow Quay, a stop of hostile text, a plain stop, and the terminus. */
    static Story ended() {
        List<Passage> passages = new ArrayList<>();
        passages.add(passage(
                0,
                "You are standing on the platform at Hollow Quay with a ticket in your hand.\n\n"
                        + "The Night Mail slides in without a sound.",
                "You have just boarded the Night Mail at Hollow Quay.",
                false,
                List.of(choice("a", "Sit by the window"), choice("b", "Walk to the front")),
                "a"));
        passages.add(passage(
                1,
                String.join("\n", HOSTILE_LINES.subList(0, 5)) + "\n\n"
                        + String.join("\n", HOSTILE_LINES.subList(5, HOSTILE_LINES.size())),
                "Strange words on the window.",
                false,
                List.of(choice("c", HOSTILE_LABEL), choice("d", "Look away & wait")),
                "c"));
        passages.add(passage(
                2,
                "The carriage empties, one seat at a time, until only the lamps are left.",
                "Alone now.",
                false,
                List.of(choice("e", "Stay"), choice("f", "Step off"), choice("g", "Sleep")),
                "f"));
        passages.add(passage(
                3,
                "The doors open onto a platform you do not remember arriving at.",
                "The end.",
                true,
                List.of(),
                null));
        return story(passages, true);
    }

    /** Two stops, the second still open. */
    static Story open() {
        List<Passage> passages = new ArrayList<>();
        passages.add(passage(
                0,
                "It is later than any hour on the station clock.",
                "You have just boarded the Owl Train at Saltmarsh Halt.",
                false,
                List.of(choice("a", "Board"), choice("b", "Wait")),
                "a"));
        passages.add(passage(
                1,
                "The train moves on.",
                "Aboard.",
                false,
                List.of(choice("c", "Go left"), choice("d", "Go right")),
                null));
        return story(passages, false);
    }

    /** A one-stop ride whose boarding passage and summary are given. */
    static Story boarding(String passage, String summary) {
        return story(
                List.of(passage(0, passage, summary, false, List.of(choice("a", "On"), choice("b", "Off")), null)),
                false);
    }

    static Story story(List<Passage> passages, boolean ended) {
        return new Story(
                new Ride(RIDE_ID, "0".repeat(64), 7L, "en", ended, passages.size(), BOARDED, MOVED, null), passages);
    }

    static Passage passage(
            int stop, String body, String summary, boolean ending, List<ChoiceOption> choices, String chosen) {
        return new Passage(stop, body, summary, ending, choices, chosen, "offline");
    }

    static ChoiceOption choice(String id, String label) {
        return new ChoiceOption(id, label);
    }
}
