package com.liminaltransit.narrative.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StallWatchTest {

    @Test
    void aSilentReaderIsInterruptedAndTheInterruptIsClearedOnClose() throws Exception {
        var never = new CountDownLatch(1);
        boolean interrupted = false;
        var watch = StallWatch.over(Duration.ofMillis(50));
        try {
            never.await(30, TimeUnit.SECONDS); // a read that never gets a byte
        } catch (InterruptedException e) {
            interrupted = true;
        } finally {
            watch.close();
        }

        assertThat(interrupted).isTrue();
        assertThat(watch.fired()).isTrue();
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void aReaderThatKeepsReceivingIsLeftAlone() throws Exception {
        var watch = StallWatch.over(Duration.ofSeconds(30));
        try {
            for (int i = 0; i < 100; i++) {
                watch.touch();
            }
        } finally {
            watch.close();
        }

        assertThat(watch.fired()).isFalse();
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }
}
