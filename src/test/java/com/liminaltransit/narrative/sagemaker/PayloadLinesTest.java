package com.liminaltransit.narrative.sagemaker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PayloadLinesTest {

    private final PayloadLines lines = new PayloadLines();
    private final List<String> read = new ArrayList<>();

    @Test
    void aLineCutInsideACharacterIsDecodedWhole() {
        // given "駅 🚉\n" cut inside both characters, byte by byte
        byte[] bytes = "駅 🚉\r\nnext".getBytes(StandardCharsets.UTF_8);
        // when
        for (int i = 0; i < bytes.length; i++) {
            lines.feed(Arrays.copyOfRange(bytes, i, i + 1), read::add);
        }
        // then
        assertThat(read).containsExactly("駅 🚉");
        lines.finish(read::add);
        assertThat(read).containsExactly("駅 🚉", "next");
    }

    @Test
    void onePartMayEndOneLineAndCarrySeveralMore() {
        lines.feed("data: a".getBytes(StandardCharsets.UTF_8), read::add);
        lines.feed("bc\n\ndata: d\n\nda".getBytes(StandardCharsets.UTF_8), read::add);
        lines.feed("ta: e\n".getBytes(StandardCharsets.UTF_8), read::add);
        lines.finish(read::add);

        assertThat(read).containsExactly("data: abc", "", "data: d", "", "data: e");
    }
}
