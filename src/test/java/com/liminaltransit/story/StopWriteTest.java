package com.liminaltransit.story;

import static org.assertj.core.api.Assertions.assertThat;

import com.liminaltransit.narrative.stream.Sentence;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import org.junit.jupiter.api.Test;

class StopWriteTest {

    @Test
    void aStreamThatAttachesLateGetsWhatWasShownThenTheRestInOrder() {
        var write = new StopWrite(Locale.ENGLISH);
        var early = write.attach();
        write.show(new Sentence("One.", true));
        write.show(new Sentence("Two.", false));
        var late = write.attach();
        write.show(new Sentence("Three.", false));
        write.failed("The train could not write the next stop.");

        List<StopWrite.Event> expected = List.of(
                new StopWrite.Shown(new Sentence("One.", true), "en"),
                new StopWrite.Shown(new Sentence("Two.", false), "en"),
                new StopWrite.Shown(new Sentence("Three.", false), "en"),
                new StopWrite.Failed("The train could not write the next stop."));
        assertThat(drain(early)).isEqualTo(expected);
        assertThat(drain(late)).isEqualTo(expected);
        assertThat(write.shown()).isEqualTo(3);
        assertThat(write.firstSentenceMillis()).isPresent();
    }

    @Test
    void anEndedWriteIsReplayedWholeAndNothingFollowsItsEnd() {
        var write = new StopWrite(Locale.ENGLISH);
        assertThat(write.firstSentenceMillis()).isEmpty();
        write.failed("first");
        write.failed("second");
        write.show(new Sentence("After the end.", false));

        var afterwards = write.attach();
        assertThat(drain(afterwards)).containsExactly(new StopWrite.Failed("first"));
    }

    private static List<StopWrite.Event> drain(BlockingQueue<StopWrite.Event> queue) {
        var events = new ArrayList<StopWrite.Event>();
        queue.drainTo(events);
        return events;
    }
}
