package com.liminaltransit.narrative.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class OpeningVarietyTest {

    private final RideDriver driver = new RideDriver(new OfflineProvider());

    @Test
    void thousandSeedsGiveHundredsOfDistinctOpenings() {
        // given
        LongStream seeds = LongStream.range(0, 1000);

        // when
        Set<String> openings =
                seeds.mapToObj(seed -> driver.at(seed, List.of()).passage()).collect(Collectors.toSet());

        // then
        assertThat(openings).hasSizeGreaterThanOrEqualTo(300);
    }

    @Test
    void largeAndNegativeSeedsBoardToo() {
        // given seeds from the whole range of a long
        long[] seeds = {Long.MIN_VALUE, -1, Long.MAX_VALUE, 0x5DEECE66DL};

        // when
        Set<String> openings = LongStream.of(seeds)
                .mapToObj(seed -> driver.at(seed, List.of()).passage())
                .collect(Collectors.toSet());

        // then
        assertThat(openings).hasSizeGreaterThanOrEqualTo(seeds.length);
    }
}
