package com.liminaltransit.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class EpubTranscriptTest {

    @Test
    void anEndedRideIsAValidEpubForEpubCheck() {
        byte[] epub = EpubTranscript.render(Transcripts.of(SampleRides.ended()));

        assertThat(EpubChecker.problems(epub))
                .as("EPUBCheck " + EpubChecker.version())
                .isEmpty();
    }

    @Test
    void anOpenRideAndACutRideAreValidToo() {
        assertThat(EpubChecker.problems(EpubTranscript.render(Transcripts.of(SampleRides.open()))))
                .isEmpty();
        assertThat(EpubChecker.problems(EpubTranscript.render(Transcripts.of(SampleRides.ended(), 0))))
                .isEmpty();
    }

    @Test
    void theMimetypeComesFirstStoredAndWithoutExtraField() throws IOException {
        byte[] epub = EpubTranscript.render(Transcripts.of(SampleRides.ended()));

        // the local file header, read by hand as a reading system does: "PK\3\4", method 0, name, no extra field
        assertThat(new String(epub, 0, 4, StandardCharsets.ISO_8859_1)).isEqualTo("PK\u0003\u0004");
        assertThat(littleEndian16(epub, 8)).as("compression method").isZero();
        assertThat(littleEndian16(epub, 26)).as("name length").isEqualTo(8);
        assertThat(littleEndian16(epub, 28)).as("extra field length").isZero();
        assertThat(new String(epub, 30, 8, StandardCharsets.US_ASCII)).isEqualTo("mimetype");
        assertThat(new String(epub, 38, 20, StandardCharsets.US_ASCII)).isEqualTo("application/epub+zip");
        assertThat(entries(epub).keySet())
                .containsExactly(
                        "mimetype",
                        "META-INF/container.xml",
                        "EPUB/package.opf",
                        "EPUB/nav.xhtml",
                        "EPUB/style.css",
                        "EPUB/title.xhtml",
                        "EPUB/stop-0.xhtml",
                        "EPUB/stop-1.xhtml",
                        "EPUB/stop-2.xhtml",
                        "EPUB/stop-3.xhtml",
                        "EPUB/doors.xhtml");
    }

    @Test
    void thePackageDocumentNamesTheRideItsLanguageAndWhenItMoved() {
        Map<String, byte[]> entries = entries(EpubTranscript.render(Transcripts.of(SampleRides.ended())));

        Document container = XmlDocuments.parse(entries.get("META-INF/container.xml"));
        Document opf = XmlDocuments.parse(entries.get("EPUB/package.opf"));

        assertThat(XmlDocuments.elements(container, "rootfile").getFirst().getAttribute("full-path"))
                .isEqualTo("EPUB/package.opf");
        assertThat(opf.getDocumentElement().getAttribute("unique-identifier")).isEqualTo("ride-id");
        assertThat(XmlDocuments.elements(opf, "identifier"))
                .singleElement()
                .extracting(XmlDocuments::text)
                .isEqualTo("urn:uuid:" + SampleRides.RIDE_ID);
        assertThat(XmlDocuments.elements(opf, "language"))
                .singleElement()
                .extracting(XmlDocuments::text)
                .isEqualTo("en");
        assertThat(XmlDocuments.elements(opf, "title"))
                .singleElement()
                .extracting(XmlDocuments::text)
                .isEqualTo("The night train from Hollow Quay");
        assertThat(XmlDocuments.elements(opf, "meta").stream()
                        .filter(meta -> meta.getAttribute("property").equals("dcterms:modified"))
                        .map(XmlDocuments::text))
                .containsExactly("2026-12-02T21:40:30Z");
        assertThat(XmlDocuments.elements(opf, "itemref"))
                .extracting(ref -> ref.getAttribute("idref"))
                .containsExactly("title", "nav", "stop-0", "stop-1", "stop-2", "stop-3", "doors");
    }

    @Test
    void theNavigationDocumentIsATableOfContentsOfEveryStop() {
        Map<String, byte[]> entries = entries(EpubTranscript.render(Transcripts.of(SampleRides.ended())));

        Document nav = XmlDocuments.parse(entries.get("EPUB/nav.xhtml"));

        Element toc = XmlDocuments.elements(nav, "nav").stream()
                .filter(element -> element.getAttributeNS("http://www.idpf.org/2007/ops", "type")
                        .equals("toc"))
                .findFirst()
                .orElseThrow();
        List<String> links = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (Element a : XmlDocuments.elements(nav, "a")) {
            if (toc.compareDocumentPosition(a)
                    == (Element.DOCUMENT_POSITION_CONTAINED_BY | Element.DOCUMENT_POSITION_FOLLOWING)) {
                links.add(a.getAttribute("href"));
                labels.add(XmlDocuments.text(a));
            }
        }
        assertThat(links)
                .containsExactly(
                        "title.xhtml", "stop-0.xhtml", "stop-1.xhtml", "stop-2.xhtml", "stop-3.xhtml", "doors.xhtml");
        assertThat(labels)
                .containsExactly(
                        "The night train from Hollow Quay",
                        "Boarding",
                        "Stop 1",
                        "Stop 2",
                        "Terminus",
                        "Doors not taken");
    }

    @Test
    void modelTextStaysTextInEveryContentDocument() {
        Map<String, byte[]> entries = entries(EpubTranscript.render(Transcripts.of(SampleRides.ended())));

        Document hostile = XmlDocuments.parse(entries.get("EPUB/stop-1.xhtml"));
        Document doors = XmlDocuments.parse(entries.get("EPUB/doors.xhtml"));

        assertThat(XmlDocuments.elements(hostile, "p"))
                .extracting(XmlDocuments::text)
                .contains(
                        String.join("\n", SampleRides.HOSTILE_LINES.subList(0, 5)),
                        "You chose: " + SampleRides.HOSTILE_LABEL);
        assertThat(XmlDocuments.allElements(hostile))
                .extracting(Element::getLocalName)
                .doesNotContain("script", "b", "img", "a");
        assertThat(XmlDocuments.elements(doors, "li"))
                .extracting(XmlDocuments::text)
                .contains("Stop 1: Look away & wait");
        assertThat(new String(entries.get("EPUB/stop-1.xhtml"), StandardCharsets.UTF_8))
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; ]]&gt; &amp;amp;")
                .doesNotContain("<script", "<![CDATA[", "<!--");
    }

    @Test
    void theSameRideGivesTheSameBytes() {
        assertThat(EpubTranscript.render(Transcripts.of(SampleRides.ended())))
                .isEqualTo(EpubTranscript.render(Transcripts.of(SampleRides.ended())));
    }

    private static int littleEndian16(byte[] bytes, int at) {
        return (bytes[at] & 0xFF) | (bytes[at + 1] & 0xFF) << 8;
    }

    /** The container's entries, in the order they are stored. */
    static Map<String, byte[]> entries(byte[] epub) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(epub))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }
}
