package com.liminaltransit.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TranscriptsTest {

    @Test
    void stopsAreHeadedAsTheRidePageHeadsThem() {
        Transcript transcript = Transcripts.of(SampleRides.ended());

        assertThat(transcript.stops())
                .extracting(Transcript.Stop::heading)
                .containsExactly("Boarding", "Stop 1", "Stop 2", "Terminus");
        assertThat(transcript.ended()).isTrue();
        assertThat(transcript.cut()).isFalse();
    }

    @Test
    void titleDateAndModifiedComeFromTheRide() {
        Transcript transcript = Transcripts.of(SampleRides.ended());

        assertThat(transcript.title()).isEqualTo("The night train from Hollow Quay");
        assertThat(transcript.boarded()).isEqualTo(LocalDate.of(2026, 12, 2));
        assertThat(transcript.boardedText()).isEqualTo("2 December 2026");
        assertThat(transcript.modified()).isEqualTo(Instant.parse("2026-12-02T21:40:30Z"));
        assertThat(transcript.language()).isEqualTo("en");
    }

    @Test
    void aStopLimitCutsTheRideThereAndKeepsTheChoiceTakenAtIt() {
        Transcript transcript = Transcripts.of(SampleRides.ended(), 1);

        assertThat(transcript.stops()).hasSize(2);
        assertThat(transcript.cut()).isTrue();
        assertThat(transcript.ended()).isFalse();
        assertThat(transcript.last().chosen()).isEqualTo(SampleRides.HOSTILE_LABEL);
    }

    @Test
    void aStopPastTheEndIsRefused() {
        assertThatThrownBy(() -> Transcripts.of(SampleRides.ended(), 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Transcripts.of(SampleRides.ended(), -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void doorsNotTakenAreTheOtherChoicesOfAnsweredStops() {
        Transcript transcript = Transcripts.of(SampleRides.ended());

        assertThat(transcript.withDoorsNotTaken())
                .extracting(Transcript.Stop::heading, Transcript.Stop::notTaken)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Boarding", List.of("Walk to the front")),
                        org.assertj.core.groups.Tuple.tuple("Stop 1", List.of("Look away & wait")),
                        org.assertj.core.groups.Tuple.tuple("Stop 2", List.of("Stay", "Sleep")));
    }

    @Test
    void anOpenStopHasNoDoorsNotTakenYet() {
        Transcript transcript = Transcripts.of(SampleRides.open());

        assertThat(transcript.last().open()).isTrue();
        assertThat(transcript.last().notTaken()).isEmpty();
        assertThat(transcript.last().offered()).containsExactly("Go left", "Go right");
        assertThat(transcript.withDoorsNotTaken())
                .extracting(Transcript.Stop::number)
                .containsExactly(0);
    }

    @Test
    void passagesSplitIntoParagraphsAndLines() {
        assertThat(Transcripts.paragraphs("One.\nTwo.\n\n\n  Three.  \n\n"))
                .containsExactly(List.of("One.", "Two."), List.of("Three."));
    }

    @Test
    void charactersNoDocumentCanHoldBecomeReplacementCharacters() {
        assertThat(Transcripts.clean("a\u0000b\u0007c\r\nd\uFFFEe\uD800f\tg 🚂"))
                .isEqualTo("a\uFFFDb\uFFFDc\nd\uFFFDe\uFFFDf\tg 🚂");
    }

    @Test
    void theStationIsReadFromTheSummaryFirstThenThePassage() {
        assertThat(BoardingStation.in("You boarded the Night Mail at the Tollgate.", "At Hushing the lamps go out."))
                .hasValue("the Tollgate");
        assertThat(BoardingStation.in("Aboard.", "At St Brenna's Steps the station lamps go out one by one."))
                .hasValue("St Brenna's Steps");
        assertThat(BoardingStation.in("", "You wake on a bench at Isle of Wight Halt. There is fog."))
                .hasValue("Isle of Wight Halt");
        assertThat(BoardingStation.in("", "You are at Hollow Quay with a ticket."))
                .hasValue("Hollow Quay");
        assertThat(BoardingStation.in("Nobody waits.", "The train is late, and that is all."))
                .isEmpty();
        assertThat(BoardingStation.in("", "You look at the clock.")).isEmpty();
    }

    @Test
    void withoutAStationTheTitleSaysSo() {
        Transcript transcript = Transcripts.of(SampleRides.boarding("The train is late, and nobody waits.", "Late."));

        assertThat(transcript.station()).isNull();
        assertThat(transcript.title()).isEqualTo("A ride on the night train");
    }

    @Test
    void anUnusableLanguageTagFallsBackToEnglish() {
        var story = SampleRides.ended();
        var ride = story.ride();
        var odd = new com.liminaltransit.story.Story(
                new com.liminaltransit.story.Ride(
                        ride.id(),
                        ride.ownerHash(),
                        ride.seed(),
                        "\"><x",
                        ride.ended(),
                        ride.stops(),
                        ride.createdAt(),
                        ride.updatedAt(),
                        null),
                story.passages());

        assertThat(Transcripts.of(odd).language()).isEqualTo("en");
    }
}
