package com.liminaltransit.safety;

import static org.assertj.core.api.Assertions.assertThat;

import com.liminaltransit.persistence.Database;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The refused answers' table on each database the app runs on: what the safety check writes is read back whole
 * (long text capped, a stop-less row kept), newest first, and counted per UTC day by layer and action.
 */
abstract class BlockStoreContract {

    private static final Instant DAY_ONE = Instant.parse("2026-11-30T23:30:00Z");
    private static final Instant DAY_TWO = Instant.parse("2026-12-01T00:15:00Z");

    /** A migrated, empty database. */
    abstract Database database();

    @Test
    void blocksAreReadBackNewestFirstAndCountedPerDay() {
        // given blocks over two UTC days, one of them before the period counted
        BlockStore store = new BlockStore(database());
        store.record(block(DAY_ONE.minusSeconds(3 * 86_400), "rules", "email", "refused", 2));
        store.record(block(DAY_ONE, "rules", "email,link", "refused", 3));
        store.record(block(DAY_ONE.plusSeconds(60), "coverage", "uncovered-language", "fail-closed", 4));
        store.record(block(DAY_TWO, "guardrail", "topic:weapons-instructions", "refused", 5));
        store.record(block(DAY_TWO.plusSeconds(60), "rules", "link", "served", null));
        store.record(block(DAY_TWO.plusSeconds(120), "comprehend", "hate-speech", "refused", 6));

        // when the page reads them
        List<Block> recent = store.recent(3);
        List<BlockDay> days = store.perDay(LocalDate.parse("2026-11-30"));

        // then the newest come first, whole
        assertThat(recent).extracting(Block::layer).containsExactly("comprehend", "rules", "guardrail");
        Block served = recent.get(1);
        assertThat(served.stop()).isNull();
        assertThat(served.action()).isEqualTo("served");
        assertThat(served.at()).isEqualTo(DAY_TWO.plusSeconds(60));
        assertThat(recent.get(2).categories()).isEqualTo("topic:weapons-instructions");
        // and each UTC day counts its refusals by layer, fail closed and served apart
        assertThat(days)
                .containsExactly(
                        new BlockDay(LocalDate.parse("2026-11-30"), 1, 0, 0, 1, 0),
                        new BlockDay(LocalDate.parse("2026-12-01"), 0, 1, 1, 0, 1));
        assertThat(days.get(1).refused()).isEqualTo(2);
    }

    @Test
    void aHostileModelsTextFitsTheColumns() {
        // given a refused answer far longer than any column
        BlockStore store = new BlockStore(database());
        Block huge = new Block(
                0,
                DAY_TWO.plusSeconds(3_600),
                "ride-huge",
                7,
                "ride",
                "p".repeat(80),
                "x".repeat(40),
                "rules",
                "c".repeat(900),
                "r".repeat(900),
                "refused",
                "t".repeat(20_000));

        // when it is recorded
        store.record(huge);

        // then it is kept, cut to fit
        Block read = store.recent(1).getFirst();
        assertThat(read.rideId()).isEqualTo("ride-huge");
        assertThat(read.text()).hasSize(BlockStore.MAX_TEXT).endsWith("…");
        assertThat(read.categories()).hasSize(400);
        assertThat(read.provider()).hasSize(32);
    }

    private static Block block(Instant at, String layer, String categories, String action, Integer stop) {
        return new Block(
                0,
                at,
                stop == null ? null : "ride-" + stop,
                stop,
                "ride",
                "openai",
                "en",
                layer,
                categories,
                layer + ": " + categories,
                action,
                "The refused passage.\n\n[choice a] Sit");
    }
}
