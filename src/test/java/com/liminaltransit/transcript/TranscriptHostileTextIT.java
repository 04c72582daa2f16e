package com.liminaltransit.transcript;

import static com.liminaltransit.testing.VendorStub.answering;
import static org.assertj.core.api.Assertions.assertThat;

import com.liminaltransit.narrative.openai.OpenAiWire;
import com.liminaltransit.testing.PlayerClient;
import com.liminaltransit.testing.PlayerClient.Answer;
import com.liminaltransit.testing.Rides;
import com.liminaltransit.testing.VendorStub;
import io.helidon.config.mp.MpConfigSources;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.client.WebTarget;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * Model text that tries each format's markup, written by a vendor (an OpenAI-compatible stub) into a real ride,
 * stays words in every transcript: Markdown headings, links, rules and lists; HTML and XML tags; a CDATA end; bare
 * ampersands. A reply carrying {@code <script>} never reaches a ride at all (the narrator's validator refuses it and
 * {@code offline} writes the stop), so no transcript holds it.
 */
@HelidonTest
@AddConfig(key = "liminal.ai.chain", value = "openai,offline")
@AddConfig(key = "liminal.ai.openai.model", value = "llama-stub")
@AddConfig(key = "liminal.ai.openai.timeout", value = "2s")
@AddConfig(
        key = "liminal.db.url",
        value = "jdbc:h2:mem:transcript-hostile;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE")
class TranscriptHostileTextIT {

    private static final VendorStub STUB = VendorStub.start(new OpenAiWire());

    /** Lines of the boarding passage: plain text to the narrator's validator, markup to a careless renderer. */
    private static final List<String> HOSTILE_LINES = List.of(
            "# The conductor's heading",
            "]]> & <3 [a link](http://evil.example) *stars* `ticks` ~~gone~~",
            "---",
            "1. first",
            "- second",
            "===",
            "www.evil.example | a | b | and the train hums at Hollow Quay.");

    private static final String HOSTILE_LABEL = "# Read [the sign](http://evil.example) & go";
    private static final String CDATA_LABEL = "Open the ]]> door & wait";

    private static String rideId;
    private static PlayerClient player;

    @Inject
    private WebTarget target;

    @AddConfigSource
    static ConfigSource vendor() {
        return MpConfigSources.create(Map.of("liminal.ai.openai.base-url", STUB.uri() + "/v1"));
    }

    @AfterAll
    static void stopStub() {
        STUB.close();
    }

    @BeforeAll
    static void noRideYet() {
        rideId = null;
        player = null;
    }

    @Test
    void markdownShowsTheWordsAndParsesToNothingButHeadingsAndText() {
        Answer md = player().get("/stories/" + ride() + "/transcript.md");

        MarkdownReading reading = MarkdownReading.of(md.body());

        assertThat(md.status()).isEqualTo(200);
        assertThat(reading.forbidden).isEmpty();
        assertThat(reading.bulletLists).as("only the doors not taken").isEqualTo(1);
        assertThat(md.body().lines().filter(line -> line.startsWith("## ")))
                .containsExactly("## Boarding", "## Stop 1", "## Stop 2", "## Doors not taken");
        assertThat(reading.headings).hasSize(5);
        assertThat(reading.paragraphs).contains(String.join("\n", HOSTILE_LINES), "You chose: " + HOSTILE_LABEL);
        assertThat(md.body()).doesNotContain("<script");
    }

    @Test
    void plainTextKeepsTheWordsAsWritten() {
        Answer txt = player().get("/stories/" + ride() + "/transcript.txt");

        String words = txt.body().replaceAll("\\s+", " ");
        for (String line : HOSTILE_LINES) {
            assertThat(words).contains(line);
        }
        assertThat(words).contains("You chose: " + HOSTILE_LABEL).doesNotContain("<script");
    }

    @Test
    void htmlEscapesTheWordsAndStaysWellFormed() {
        Answer html = player().get("/stories/" + ride() + "/transcript.html");

        Document page = XmlDocuments.parse(html.body());

        assertThat(XmlDocuments.elements(page, "script")).isEmpty();
        assertThat(XmlDocuments.elements(page, "h1")).hasSize(1);
        assertThat(XmlDocuments.elements(page, "h2")).hasSize(4);
        assertThat(XmlDocuments.elements(page, "p"))
                .extracting(XmlDocuments::text)
                .contains(String.join("\n", HOSTILE_LINES), "You chose: " + HOSTILE_LABEL);
        assertThat(XmlDocuments.elements(page, "a"))
                .extracting(a -> a.getAttribute("href"))
                .noneMatch(href -> href.contains("evil"));
        assertThat(html.body()).contains("]]&gt; &amp; &lt;3").doesNotContain("<script");
    }

    @Test
    void epubEscapesTheWordsAndPassesEpubCheck() {
        byte[] epub = Downloads.get(player().uri("/stories/" + ride() + "/transcript.epub"))
                .body();

        assertThat(EpubChecker.problems(epub))
                .as("EPUBCheck " + EpubChecker.version())
                .isEmpty();
        Map<String, byte[]> entries = EpubTranscriptTest.entries(epub);
        Document boarding = XmlDocuments.parse(entries.get("EPUB/stop-0.xhtml"));
        assertThat(XmlDocuments.elements(boarding, "p"))
                .extracting(XmlDocuments::text)
                .contains(String.join("\n", HOSTILE_LINES), "You chose: " + HOSTILE_LABEL);
        Document doors = XmlDocuments.parse(entries.get("EPUB/doors.xhtml"));
        assertThat(XmlDocuments.elements(doors, "li"))
                .extracting(XmlDocuments::text)
                .contains("Boarding: " + CDATA_LABEL);
        entries.forEach((name, bytes) -> assertThat(new String(bytes, StandardCharsets.UTF_8))
                .as(name)
                .doesNotContain("<script", "evil.example\""));
    }

    /**
     * The ride all tests read, played once: the vendor writes the hostile boarding; its reply to the first choice
     * carries a script element, so {@code offline} writes stop 1; the vendor writes stop 2 well.
     */
    private String ride() {
        if (rideId != null) {
            return rideId;
        }
        STUB.reset();
        STUB.then(answering(narrative(String.join("\n", HOSTILE_LINES), List.of(HOSTILE_LABEL, CDATA_LABEL))));
        String id = Rides.board(player());
        assertThat(STUB.requests()).hasSize(1);

        // a script element, twice (the reply and its repair): refused, so offline writes the stop
        STUB.reset();
        STUB.times(
                4,
                answering(narrative(
                        "The lamps flicker. <script>alert(document.cookie)</script> The train rolls on through the dark.",
                        List.of("<script>alert(1)</script>", "Sit still"))));
        choose(id);
        assertThat(STUB.requests()).hasSizeGreaterThanOrEqualTo(2);

        STUB.reset();
        choose(id);
        rideId = id;
        return id;
    }

    private PlayerClient player() {
        if (player == null) {
            player = new PlayerClient(URI.create(target.getUri().toString()));
        }
        return player;
    }

    /** Answers the open stop with its first choice (for the boarding: the hostile label). */
    private void choose(String id) {
        org.jsoup.nodes.Document page = player().get("/stories/" + id).html();
        Answer chosen = player().post(
                        "/stories/" + id + "/choices",
                        Map.of(
                                "step",
                                Integer.toString(Rides.openStep(page)),
                                "choice",
                                Rides.choiceIds(page).getFirst()));
        assertThat(chosen.status()).isEqualTo(303);
    }

    private static String narrative(String passage, List<String> labels) {
        var choices = Json.createArrayBuilder();
        for (int i = 0; i < labels.size(); i++) {
            choices.add(Json.createObjectBuilder().add("id", "c" + i).add("label", labels.get(i)));
        }
        return Json.createObjectBuilder()
                .add("passage", passage)
                .add("choices", choices)
                .add("ending", false)
                .add("summary", "You boarded the stub train at Hollow Quay. Strange signs are everywhere.")
                .build()
                .toString();
    }
}
