package com.liminaltransit.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComprehendSegmentsTest {

    @Test
    void shortPartsAreOneSegmentEachInOneCall() {
        List<List<TextPart>> calls = ComprehendSegments.calls(List.of(
                new TextPart("passage", "The lamps sway."),
                new TextPart("choice a", "Sit down"),
                new TextPart("summary", "You rode on.")));
        assertThat(calls).hasSize(1);
        assertThat(calls.getFirst()).extracting(TextPart::field).containsExactly("passage", "choice a", "summary");
    }

    @Test
    void aLongPassageIsCutAfterSentencesIntoSegmentsOfAtMostOneKilobyte() {
        // given 2,000 characters of Japanese: about 6,000 bytes of UTF-8
        String sentence = "夜行列車は名もない駅を通り過ぎ、窓の外には青い灯りが揺れていた。";
        String passage = sentence.repeat(2000 / sentence.length() + 1);
        List<List<TextPart>> calls = ComprehendSegments.calls(List.of(new TextPart("passage", passage)));

        List<TextPart> segments = calls.stream().flatMap(List::stream).toList();
        assertThat(segments).allSatisfy(segment -> {
            assertThat(segment.text().getBytes(StandardCharsets.UTF_8).length)
                    .isLessThanOrEqualTo(ComprehendSegments.MAX_BYTES);
            assertThat(segment.text()).endsWith("。");
        });
        assertThat(String.join("", segments.stream().map(TextPart::text).toList()))
                .isEqualTo(passage);
    }

    @Test
    void moreThanTenSegmentsMakeSeveralCallsOfAtMostTen() {
        List<TextPart> parts = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            parts.add(new TextPart("part " + i, "Segment " + i + "."));
        }
        List<List<TextPart>> calls = ComprehendSegments.calls(parts);
        assertThat(calls).extracting(List::size).containsExactly(10, 10, 3);
    }

    @Test
    void textWithoutBreaksIsCutBetweenCharactersNeverInsideOne() {
        String emoji = "🚂".repeat(600); // 4 bytes each
        List<TextPart> segments = ComprehendSegments.calls(List.of(new TextPart("passage", emoji))).stream()
                .flatMap(List::stream)
                .toList();
        assertThat(segments)
                .allSatisfy(segment -> assertThat(segment.text().getBytes(StandardCharsets.UTF_8).length)
                        .isLessThanOrEqualTo(1024));
        assertThat(String.join("", segments.stream().map(TextPart::text).toList()))
                .isEqualTo(emoji);
    }
}
