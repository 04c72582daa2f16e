package com.liminaltransit.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import com.liminaltransit.testing.PlayerClient;
import com.liminaltransit.testing.PlayerClient.Answer;
import com.liminaltransit.testing.Rides;
import com.liminaltransit.web.SecurityHeadersFilter;
import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * {@code GET /stories/{id}/transcript.md|txt|html|epub}: a ride played through the real pages on {@code offline},
 * kept in each format, read back by a parser of that format, and compared with the ride page.
 */
@HelidonTest
@AddConfig(
        key = "liminal.db.url",
        value = "jdbc:h2:mem:transcripts;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE")
class TranscriptIT {

    private static final String FILE_NAME = "liminal-transit-[a-z0-9]+(-[a-z0-9]+)*-\\d{4}-\\d{2}-\\d{2}";

    @Inject
    private WebTarget target;

    private PlayerClient player;

    @BeforeEach
    void newPlayer() {
        player = new PlayerClient(URI.create(target.getUri().toString()));
    }

    @Test
    void markdownHasAHeadingPerStopAndThePassagesOfTheRidePage() {
        // given a ride played four stops with JavaScript off
        String id = played(3);
        org.jsoup.nodes.Document page = player.get("/stories/" + id).html();

        // when its owner downloads the Markdown
        Answer md = player.get("/stories/" + id + "/transcript.md");

        // then it is a Markdown attachment with one title and one heading per stop, plus the doors not taken
        assertThat(md.status()).isEqualTo(200);
        assertThat(md.header("Content-Type"))
                .hasValueSatisfying(
                        type -> assertThat(type).startsWith("text/markdown").contains("charset=UTF-8"));
        assertThat(md.header("Content-Disposition"))
                .hasValueSatisfying(value -> assertThat(value)
                        .matches("attachment; filename=\"" + FILE_NAME + "\\.md\"; filename\\*=UTF-8''" + FILE_NAME
                                + "\\.md"));
        MarkdownReading reading = MarkdownReading.of(md.body());
        assertThat(reading.forbidden).isEmpty();
        assertThat(md.body().lines().filter(line -> line.startsWith("# "))).hasSize(1);
        assertThat(md.body().lines().filter(line -> line.startsWith("## ")))
                .containsExactly("## Boarding", "## Stop 1", "## Stop 2", "## Stop 3", "## Doors not taken");
        assertThat(reading.headings).hasSize(6);
        // and its paragraphs are the ride page's passages and choices, word for word
        for (String passage : passages(page)) {
            assertThat(reading.paragraphs.stream().map(TranscriptIT::words)).contains(passage);
        }
        for (String chosen : page.select("#journey .chosen").eachText()) {
            if (!chosen.isEmpty()) {
                assertThat(reading.paragraphs).contains(chosen);
            }
        }
    }

    @Test
    void plainTextIsWrappedAndHoldsEveryPassage() {
        String id = played(3);
        org.jsoup.nodes.Document page = player.get("/stories/" + id).html();

        Answer txt = player.get("/stories/" + id + "/transcript.txt");

        assertThat(txt.status()).isEqualTo(200);
        assertThat(txt.header("Content-Type"))
                .hasValueSatisfying(
                        type -> assertThat(type).startsWith("text/plain").contains("charset=UTF-8"));
        assertThat(txt.header("Content-Disposition"))
                .hasValueSatisfying(value -> assertThat(value).startsWith("attachment; filename=\"liminal-transit-"));
        assertThat(txt.body().lines())
                .allSatisfy(line -> assertThat(line.length() <= PlainTextTranscript.WIDTH || !line.contains(" "))
                        .as("line within %d columns: %s", PlainTextTranscript.WIDTH, line)
                        .isTrue());
        String words = words(txt.body());
        for (String passage : passages(page)) {
            assertThat(words).contains(passage);
        }
        assertThat(txt.body()).contains("\nBOARDING\n--------\n", "\nSTOP 3\n------\n");
    }

    @Test
    void htmlIsAWellFormedPrintablePageWithTheSitesHeaders() {
        String id = played(2);

        Answer html = player.get("/stories/" + id + "/transcript.html");

        assertThat(html.status()).isEqualTo(200);
        assertThat(html.header("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(html.header("Content-Disposition"))
                .hasValueSatisfying(
                        value -> assertThat(value).matches("inline; filename=\"" + FILE_NAME + "\\.html\";.*"));
        assertThat(html.header("Content-Security-Policy")).hasValue(SecurityHeadersFilter.CSP);
        assertThat(html.header("X-Content-Type-Options")).hasValue("nosniff");
        Document page = XmlDocuments.parse(html.body());
        assertThat(page.getDocumentElement().getAttribute("lang")).isEqualTo("en");
        assertThat(XmlDocuments.elements(page, "h1")).hasSize(1);
        assertThat(XmlDocuments.elements(page, "h2"))
                .extracting(XmlDocuments::text)
                .containsExactly("Boarding", "Stop 1", "Stop 2", "Doors not taken");
        assertThat(XmlDocuments.elements(page, "script")).isEmpty();
        assertThat(XmlDocuments.elements(page, "style")).isEmpty();
        String stylesheet = XmlDocuments.elements(page, "link").getFirst().getAttribute("href");
        Answer css = player.get(stylesheet);
        assertThat(css.status()).isEqualTo(200);
        assertThat(css.body()).contains("@media print");
    }

    @Test
    void epubPassesEpubCheckAndHasAChapterPerStop() {
        String id = played(3);

        HttpResponse<byte[]> epub = Downloads.get(player.uri("/stories/" + id + "/transcript.epub"));

        assertThat(epub.statusCode()).isEqualTo(200);
        assertThat(epub.headers().firstValue("Content-Type")).hasValue("application/epub+zip");
        assertThat(epub.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(value -> assertThat(value)
                        .matches("attachment; filename=\"" + FILE_NAME + "\\.epub\"; filename\\*=UTF-8''.*\\.epub"));
        assertThat(EpubChecker.problems(epub.body()))
                .as("EPUBCheck " + EpubChecker.version())
                .isEmpty();
        Map<String, byte[]> entries = EpubTranscriptTest.entries(epub.body());
        assertThat(entries.keySet())
                .contains("EPUB/stop-0.xhtml", "EPUB/stop-3.xhtml", "EPUB/nav.xhtml")
                .doesNotContain("EPUB/stop-4.xhtml");
        Document opf = XmlDocuments.parse(entries.get("EPUB/package.opf"));
        assertThat(XmlDocuments.text(XmlDocuments.elements(opf, "identifier").getFirst()))
                .isEqualTo("urn:uuid:" + id);
    }

    @Test
    void aRidePlayedToItsTerminusEndsTheTranscriptThere() {
        String id = Rides.board(player);
        for (int step = 0; step < 60; step++) {
            org.jsoup.nodes.Document page = player.get("/stories/" + id).html();
            if (Rides.ended(page)) {
                break;
            }
            player.post(
                    "/stories/" + id + "/choices",
                    Map.of(
                            "step",
                            Integer.toString(Rides.openStep(page)),
                            "choice",
                            Rides.choiceIds(page).getFirst()));
        }

        String md = player.get("/stories/" + id + "/transcript.md").body();
        HttpResponse<byte[]> epub = Downloads.get(player.uri("/stories/" + id + "/transcript.epub"));

        assertThat(md.lines().filter(line -> line.startsWith("## ")))
                .contains("## Terminus")
                .last()
                .isEqualTo("## Doors not taken");
        assertThat(md).contains("*The end of the line.*").doesNotContain("Not yet chosen");
        assertThat(EpubChecker.problems(epub.body())).isEmpty();
    }

    @Test
    void aStopNumberCutsTheTranscriptThere() {
        String id = played(3);

        Answer md = player.get("/stories/" + id + "/transcript.md?stop=1");
        Answer first = player.get("/stories/" + id + "/transcript.txt?stop=0");
        Answer last = player.get("/stories/" + id + "/transcript.md?stop=3");

        assertThat(md.status()).isEqualTo(200);
        assertThat(md.body().lines().filter(line -> line.startsWith("## ")))
                .containsExactly("## Boarding", "## Stop 1", "## Doors not taken");
        assertThat(md.header("Content-Disposition"))
                .hasValueSatisfying(value -> assertThat(value).contains("-stop-1.md\""));
        assertThat(first.body()).contains("BOARDING").doesNotContain("STOP 1");
        assertThat(last.body())
                .isEqualTo(player.get("/stories/" + id + "/transcript.md").body());
    }

    @Test
    void aStopPastTheEndIsNotFoundAndAMalformedOneABadRequest() {
        String id = played(1);
        String base = "/stories/" + id + "/transcript.";

        List<Answer> pastTheEnd = List.of(
                player.get(base + "md?stop=2"),
                player.get(base + "epub?stop=99"),
                player.get(base + "html?stop=99999999999"));
        List<Answer> malformed = List.of(
                player.get(base + "md?stop=one"),
                player.get(base + "txt?stop=-1"),
                player.get(base + "html?stop="),
                player.get(base + "epub?stop=1.5"),
                player.get(base + "md?stop=%3Cscript%3E"));

        assertThat(pastTheEnd).allSatisfy(answer -> {
            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.html().select(".problem[data-status=404]")).hasSize(1);
        });
        assertThat(malformed).allSatisfy(answer -> {
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.html().select(".problem[data-status=400]")).hasSize(1);
            assertThat(answer.header("Content-Disposition")).isEmpty();
            assertThat(answer.body()).doesNotContain("Exception", "at com.", "<script>");
        });
    }

    @Test
    void unknownRidesAndFormatsAreNotFound() {
        String id = played(0);

        List<Answer> answers = List.of(
                player.get("/stories/" + UUID.randomUUID() + "/transcript.md"),
                player.get("/stories/" + UUID.randomUUID() + "/transcript.epub"),
                player.get("/stories/not-a-ride/transcript.html"),
                player.get("/stories/" + id + "/transcript.pdf"),
                player.get("/stories/" + id + "/transcript."));

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.html().select(".problem")).hasSize(1);
            assertThat(answer.header("Content-Disposition")).isEmpty();
        });
    }

    @Test
    void anyoneWithTheLinkCanKeepTheRideAsTheyCanReadIt() {
        String id = played(1);
        PlayerClient stranger = new PlayerClient(player.uri("/"));

        for (String format : List.of("md", "txt", "html")) {
            Answer mine = player.get("/stories/" + id + "/transcript." + format);
            Answer theirs = stranger.get("/stories/" + id + "/transcript." + format);

            assertThat(theirs.status()).isEqualTo(200);
            assertThat(theirs.body()).isEqualTo(mine.body());
        }
    }

    @Test
    void theRidePageLinksToEveryFormatAndEachLinkAnswers() {
        String id = played(1);

        List<Element> links = player.get("/stories/" + id).html().select("nav.keep a").stream()
                .toList();

        assertThat(links)
                .extracting(a -> a.attr("href"))
                .containsExactlyInAnyOrder(
                        "/stories/" + id + "/transcript.html",
                        "/stories/" + id + "/transcript.epub",
                        "/stories/" + id + "/transcript.md",
                        "/stories/" + id + "/transcript.txt");
        assertThat(links)
                .allSatisfy(a -> assertThat(
                                Downloads.get(player.uri(a.attr("href"))).statusCode())
                        .isEqualTo(200));
    }

    /** Boards a ride and answers {@code choices} stops with their first choice, as a browser with JavaScript off. */
    private String played(int choices) {
        String id = Rides.board(player);
        for (int i = 0; i < choices; i++) {
            org.jsoup.nodes.Document page = player.get("/stories/" + id).html();
            Answer chosen = player.post(
                    "/stories/" + id + "/choices",
                    Map.of(
                            "step",
                            Integer.toString(Rides.openStep(page)),
                            "choice",
                            Rides.choiceIds(page).getFirst()));
            assertThat(chosen.status()).isEqualTo(303);
        }
        return id;
    }

    /** The passages of a ride page, paragraph by paragraph, with their spacing made single. */
    private static List<String> passages(org.jsoup.nodes.Document page) {
        List<String> passages = new ArrayList<>();
        for (Element passage : page.select("#journey .passage")) {
            for (String paragraph : passage.wholeText().split("\\n\\s*\\n")) {
                if (!paragraph.isBlank()) {
                    passages.add(words(paragraph));
                }
            }
        }
        return passages;
    }

    private static String words(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }
}
