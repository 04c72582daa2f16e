package com.liminaltransit.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import com.liminaltransit.web.StaticAssets;
import com.liminaltransit.web.ThymeleafWriter;
import com.liminaltransit.web.View;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class HtmlTranscriptTest {

    private static final ThymeleafWriter WRITER = new ThymeleafWriter(new StaticAssets());

    @Test
    void isWellFormedWithOneTitleAndAHeadingPerStop() {
        Document page = XmlDocuments.parse(render(Transcripts.of(SampleRides.ended())));

        assertThat(page.getDocumentElement().getAttribute("lang")).isEqualTo("en");
        assertThat(XmlDocuments.elements(page, "h1"))
                .singleElement()
                .extracting(XmlDocuments::text)
                .isEqualTo("The night train from Hollow Quay");
        assertThat(XmlDocuments.elements(page, "h2"))
                .extracting(XmlDocuments::text)
                .containsExactly("Boarding", "Stop 1", "Stop 2", "Terminus", "Doors not taken");
        assertThat(XmlDocuments.elements(page, "main")).hasSize(1);
        assertThat(XmlDocuments.elements(page, "title"))
                .singleElement()
                .extracting(XmlDocuments::text)
                .isEqualTo("The night train from Hollow Quay · Liminal Transit");
    }

    @Test
    void parsesAsHtmlWithoutErrors() {
        Parser parser = Parser.htmlParser().setTrackErrors(50);

        Jsoup.parse(render(Transcripts.of(SampleRides.ended())), "", parser);

        assertThat(parser.getErrors()).isEmpty();
    }

    @Test
    void modelTextIsTextInTheRidesLanguage() {
        Document page = XmlDocuments.parse(render(Transcripts.of(SampleRides.ended())));

        List<Element> passages = XmlDocuments.elements(page, "p").stream()
                .filter(p -> p.getAttribute("class").equals("passage"))
                .toList();
        assertThat(passages).allSatisfy(p -> assertThat(p.getAttribute("lang")).isEqualTo("en"));
        assertThat(passages)
                .extracting(XmlDocuments::text)
                .contains(
                        String.join("\n", SampleRides.HOSTILE_LINES.subList(0, 5)),
                        String.join(
                                "\n",
                                SampleRides.HOSTILE_LINES.subList(5, SampleRides.HOSTILE_LINES.size()).stream()
                                        .map(String::strip)
                                        .toList()));
        assertThat(XmlDocuments.elements(page, "span"))
                .extracting(XmlDocuments::text)
                .contains(SampleRides.HOSTILE_LABEL);
    }

    @Test
    void carriesNoScriptNoInlineStyleAndNoElementTheModelWrote() {
        String html = render(Transcripts.of(SampleRides.ended()));
        Document page = XmlDocuments.parse(html);

        List<String> names = XmlDocuments.allElements(page).stream()
                .map(Element::getTagName)
                .distinct()
                .toList();
        assertThat(names).doesNotContain("script", "style", "b", "img", "iframe", "object");
        assertThat(XmlDocuments.allElements(page)).allSatisfy(element -> {
            for (int i = 0; i < element.getAttributes().getLength(); i++) {
                String attribute = ((Attr) element.getAttributes().item(i)).getName();
                assertThat(attribute).doesNotStartWith("on").isNotEqualTo("style");
            }
        });
        assertThat(XmlDocuments.elements(page, "a"))
                .extracting(a -> a.getAttribute("href"))
                .allSatisfy(href -> assertThat(href).matches("#stop-\\d+|#doors|/stories/[0-9a-f-]{36}(/.*)?"));
        assertThat(XmlDocuments.elements(page, "link"))
                .extracting(link -> link.getAttribute("href"))
                .anySatisfy(href -> assertThat(href).matches("/static/css/transcript\\.[0-9a-f]{12}\\.css"));
    }

    @Test
    void anOpenRideShowsTheChoicesStillOnOfferAndNoEnding() {
        Document page = XmlDocuments.parse(render(Transcripts.of(SampleRides.open())));

        assertThat(XmlDocuments.elements(page, "p"))
                .extracting(XmlDocuments::text)
                .contains("Not yet chosen: Go left · Go right")
                .doesNotContain("The end of the line.");
    }

    @Test
    void theContentsLinkToEveryStop() {
        Document page = XmlDocuments.parse(render(Transcripts.of(SampleRides.ended())));

        List<String> stopIds = XmlDocuments.elements(page, "section").stream()
                .map(section -> section.getAttribute("id"))
                .filter(id -> id.startsWith("stop-"))
                .toList();
        assertThat(stopIds).containsExactly("stop-0", "stop-1", "stop-2", "stop-3");
        assertThat(XmlDocuments.elements(page, "nav").get(1).getAttribute("aria-label"))
                .isEqualTo("Stops");
    }

    /** Renders through the site's one Thymeleaf writer, as the server does. */
    static String render(Transcript transcript) {
        View view = HtmlTranscript.view(transcript);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            WRITER.writeTo(
                    view,
                    View.class,
                    View.class,
                    new Annotation[0],
                    MediaType.TEXT_HTML_TYPE,
                    new MultivaluedHashMap<>(),
                    out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
