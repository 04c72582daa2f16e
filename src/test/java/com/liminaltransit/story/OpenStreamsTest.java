package com.liminaltransit.story;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OpenStreamsTest {

    private final OpenStreams open = new OpenStreams(2, 3);

    @Test
    void aPlayerMayHoldAFewStreamsAndGetsAPlaceBackWhenOneCloses() {
        var first = open.open("player", "10.0.0.1").orElseThrow();
        var second = open.open("player", "10.0.0.1").orElseThrow();

        assertThat(open.open("player", "10.0.0.1"))
                .as("a third tab of the same player")
                .isEmpty();
        first.close();
        first.close(); // closing twice gives back one place only
        assertThat(open.open("player", "10.0.0.1")).isPresent();
        second.close();
    }

    @Test
    void anAddressIsLimitedAcrossPlayersAndARefusalTakesNoPlace() {
        open.open("a", "10.0.0.2").orElseThrow();
        open.open("b", "10.0.0.2").orElseThrow();
        open.open("c", "10.0.0.2").orElseThrow();

        assertThat(open.open("d", "10.0.0.2")).isEmpty();
        assertThat(open.open("d", "10.0.0.3"))
                .as("the refused player's own place was given back")
                .isPresent();
        assertThat(open.open("d", "10.0.0.3")).isPresent();
        assertThat(open.open("d", "10.0.0.3")).isEmpty();
    }
}
