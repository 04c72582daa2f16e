package com.liminaltransit.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DownloadNameTest {

    @Test
    void namedAfterTheBoardingStationAndDay() {
        DownloadName name = DownloadName.of(Transcripts.of(SampleRides.ended()), TranscriptFormat.EPUB);

        assertThat(name.ascii()).isEqualTo("liminal-transit-hollow-quay-2026-12-02.epub");
        assertThat(name.contentDisposition(true))
                .isEqualTo("attachment; filename=\"liminal-transit-hollow-quay-2026-12-02.epub\"; "
                        + "filename*=UTF-8''liminal-transit-hollow-quay-2026-12-02.epub");
    }

    @Test
    void aCutTranscriptSaysWhereItStops() {
        DownloadName name = DownloadName.of(Transcripts.of(SampleRides.ended(), 2), TranscriptFormat.MARKDOWN);

        assertThat(name.ascii()).isEqualTo("liminal-transit-hollow-quay-2026-12-02-stop-2.md");
    }

    @Test
    void accentsAreTakenOffTheAsciiNameAndKeptInTheEncodedOne() {
        Transcript transcript = Transcripts.of(SampleRides.boarding("Tu attends at Café du Nord, seul.", "x"));

        DownloadName name = DownloadName.of(transcript, TranscriptFormat.TEXT);

        assertThat(name.ascii()).isEqualTo("liminal-transit-cafe-du-nord-2026-12-02.txt");
        assertThat(name.unicode()).isEqualTo("liminal-transit-café-du-nord-2026-12-02.txt");
        assertThat(name.contentDisposition(false))
                .isEqualTo("inline; filename=\"liminal-transit-cafe-du-nord-2026-12-02.txt\"; "
                        + "filename*=UTF-8''liminal-transit-caf%C3%A9-du-nord-2026-12-02.txt");
    }

    @Test
    void aNameInAnotherScriptStillGivesAnAsciiName() {
        Transcript transcript = Transcripts.of(SampleRides.boarding("You wait at Ωμέγα tonight.", "x"));

        DownloadName name = DownloadName.of(transcript, TranscriptFormat.HTML);

        assertThat(name.ascii()).isEqualTo("liminal-transit-ride-2026-12-02.html");
        assertThat(name.unicode()).isEqualTo("liminal-transit-ωμέγα-2026-12-02.html");
    }

    @Test
    void withoutAStationTheFirstWordsNameTheFile() {
        Transcript transcript =
                Transcripts.of(SampleRides.boarding("The train is late, and nobody waits for it.", "Late."));

        assertThat(DownloadName.of(transcript, TranscriptFormat.EPUB).ascii())
                .isEqualTo("liminal-transit-the-train-is-late-and-2026-12-02.epub");
    }

    @Test
    void quotesAndSeparatorsNeverReachTheHeader() {
        Transcript transcript =
                Transcripts.of(SampleRides.boarding("You stand at \"Quote\\Slash/Semi;colon Street\" tonight.", "x"));

        String header = DownloadName.of(transcript, TranscriptFormat.EPUB).contentDisposition(true);

        assertThat(header).matches("attachment; filename=\"[a-z0-9.-]+\"; filename\\*=UTF-8''[A-Za-z0-9.%-]+");
    }

    @Test
    void longNamesAreCutAtAWord() {
        assertThat(DownloadName.slug("Saint Ermengarde of the Seven Lanterns and the Quiet Orchard"))
                .isEqualTo("saint-ermengarde-of-the-seven-lanterns");
    }
}
