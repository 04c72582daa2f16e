package com.liminaltransit.narrative.offline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WordsTest {

    @Test
    void countsRunsOfNonWhitespace() {
        assertThat(Words.count(null)).isZero();
        assertThat(Words.count("   ")).isZero();
        assertThat(Words.count("lamp")).isEqualTo(1);
        assertThat(Words.count("  the last\ttrain\n\nleaves  ")).isEqualTo(4);
        assertThat(Words.count("one-way ticket, please.")).isEqualTo(3);
    }

    @Test
    void tokensAreFourThirdsOfTheWords() {
        assertThat(Words.tokens("a b c d e f")).isEqualTo(8);
    }
}
