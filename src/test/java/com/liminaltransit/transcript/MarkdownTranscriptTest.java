package com.liminaltransit.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MarkdownTranscriptTest {

    private static final List<String> HOSTILE_LINES = SampleRides.HOSTILE_LINES;

    static List<String> hostileLines() {
        return HOSTILE_LINES;
    }

    @Test
    void oneTitleAndOneSecondLevelHeadingPerStopPlusTheAppendix() {
        String markdown = MarkdownTranscript.render(Transcripts.of(SampleRides.ended()));

        MarkdownReading reading = MarkdownReading.of(markdown);

        assertThat(reading.headings)
                .containsExactly(
                        new MarkdownReading.Title(1, "The night train from Hollow Quay"),
                        new MarkdownReading.Title(2, "Boarding"),
                        new MarkdownReading.Title(2, "Stop 1"),
                        new MarkdownReading.Title(2, "Stop 2"),
                        new MarkdownReading.Title(2, "Terminus"),
                        new MarkdownReading.Title(2, "Doors not taken"));
        assertThat(markdown.lines().filter(line -> line.startsWith("## "))).hasSize(5);
        assertThat(markdown.lines().filter(line -> line.startsWith("#"))).hasSize(6);
    }

    @Test
    void modelTextReadsBackAsTheWordsItWasAndNothingElse() {
        String markdown = MarkdownTranscript.render(Transcripts.of(SampleRides.ended()));

        MarkdownReading reading = MarkdownReading.of(markdown);

        assertThat(reading.forbidden).isEmpty();
        assertThat(reading.bulletLists).as("only the appendix is a list").isEqualTo(1);
        assertThat(reading.paragraphs)
                .contains(
                        String.join("\n", HOSTILE_LINES.subList(0, 5)),
                        String.join(
                                "\n",
                                HOSTILE_LINES.subList(5, HOSTILE_LINES.size()).stream()
                                        .map(String::strip)
                                        .toList()),
                        "You chose: " + SampleRides.HOSTILE_LABEL);
    }

    @Test
    void rendersToHtmlWithoutAnyElementTheModelWrote() {
        String markdown = MarkdownTranscript.render(Transcripts.of(SampleRides.ended()));

        String html =
                HtmlRenderer.builder().build().render(Parser.builder().build().parse(markdown));

        assertThat(html)
                .doesNotContain("<script", "<a ", "<img", "<b>", "<h3", "<hr", "<ol", "<code", "<pre", "<!--", "<?php")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; ]]&gt; &amp;amp; &amp;#60;");
    }

    @ParameterizedTest
    @MethodSource("hostileLines")
    void eachHostileLineAloneStaysOneParagraphOfText(String line) {
        String escaped = MarkdownTranscript.escape(line.strip());

        MarkdownReading reading = MarkdownReading.of(escaped);

        assertThat(reading.forbidden).isEmpty();
        assertThat(reading.headings).isEmpty();
        assertThat(reading.bulletLists).isZero();
        assertThat(reading.paragraphs).containsExactly(line.strip());
    }

    @Test
    void aSetextUnderlineAfterALineMakesNoHeading() {
        String markdown = MarkdownTranscript.escape("Title") + "\\\n" + MarkdownTranscript.escape("===") + "\\\n"
                + MarkdownTranscript.escape("---");

        MarkdownReading reading = MarkdownReading.of(markdown);

        assertThat(reading.headings).isEmpty();
        assertThat(reading.paragraphs).containsExactly("Title\n===\n---");
    }

    @Test
    void bareAddressesAreEscapedForGithubFlavouredReaders() {
        assertThat(MarkdownTranscript.escape("see www.example.com or https://example.com"))
                .isEqualTo("see www\\.example.com or https\\://example.com");
    }

    @Test
    void anOpenStopListsItsChoicesAndTheEndIsMarked() {
        String open = MarkdownTranscript.render(Transcripts.of(SampleRides.open()));
        String ended = MarkdownTranscript.render(Transcripts.of(SampleRides.ended()));

        assertThat(open).contains("*Not yet chosen:* Go left · Go right").doesNotContain("The end of the line");
        assertThat(ended).contains("*The end of the line.*");
    }

    @Test
    void startsWithTheTitleAndTheDay() {
        String markdown = MarkdownTranscript.render(Transcripts.of(SampleRides.ended()));

        assertThat(markdown)
                .startsWith(
                        "# The night train from Hollow Quay\n\nBoarded on 2 December 2026 · 4 stops · Liminal Transit\n");
    }
}
