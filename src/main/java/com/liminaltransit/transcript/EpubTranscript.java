package com.liminaltransit.transcript;

import static com.liminaltransit.transcript.Xml.escape;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The transcript as an EPUB 3 book: a title page, a table of contents (the navigation document), one chapter per
 * stop and an appendix of the doors not taken. Written with {@code java.util.zip} as the OCF container asks: the
 * {@code mimetype} entry first, stored uncompressed with no extra field, then the container, package document, nav
 * and content documents. Every entry carries the ride's last-modified time (UTC), so the same ride gives the same bytes.
 * Model text is XML-escaped ({@link Xml}); the book holds no script.
 */
final class EpubTranscript {

    /** The package document's folder inside the container. */
    private static final String ROOT = "EPUB/";

    private static final DateTimeFormatter MODIFIED = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'");

    private static final String STYLE = """
            body { font-family: serif; line-height: 1.5; margin: 0 5%; }
            h1, h2 { font-family: sans-serif; line-height: 1.25; }
            h1 { font-size: 1.6em; margin: 2em 0 0.5em; }
            h2 { font-size: 1.3em; margin: 1.5em 0 0.75em; page-break-after: avoid; }
            p { margin: 0 0 0.9em; }
            .meta { font-style: italic; }
            .chosen { margin-top: 1.2em; font-style: italic; }
            .end { margin-top: 2em; text-align: center; font-variant: small-caps; }
            ol.toc, ul.doors { padding-left: 1.2em; }
            """;

    private EpubTranscript() {}

    static byte[] render(Transcript transcript) {
        LocalDateTime time = LocalDateTime.ofInstant(transcript.modified(), ZoneOffset.UTC);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16_384);
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            zip.setLevel(9);
            stored(zip, "mimetype", "application/epub+zip", time);
            deflated(zip, "META-INF/container.xml", container(), time);
            deflated(zip, ROOT + "package.opf", packageDocument(transcript), time);
            deflated(zip, ROOT + "nav.xhtml", nav(transcript), time);
            deflated(zip, ROOT + "style.css", STYLE, time);
            deflated(zip, ROOT + "title.xhtml", titlePage(transcript), time);
            for (Transcript.Stop stop : transcript.stops()) {
                deflated(zip, ROOT + fileOf(stop), chapter(transcript, stop), time);
            }
            if (hasAppendix(transcript)) {
                deflated(zip, ROOT + "doors.xhtml", appendix(transcript), time);
            }
        } catch (IOException e) {
            // a ByteArrayOutputStream does not fail: this would be a bug
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static String container() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <container xmlns="urn:oasis:names:tc:opendocument:xmlns:container" version="1.0">
                  <rootfiles>
                    <rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml"/>
                  </rootfiles>
                </container>
                """;
    }

    private static String packageDocument(Transcript transcript) {
        StringBuilder opf = new StringBuilder();
        opf.append("""
                <?xml version="1.0" encoding="UTF-8"?>
                <package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="ride-id" \
                xml:lang="en">
                  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
                """);
        opf.append("    <dc:identifier id=\"ride-id\">urn:uuid:")
                .append(escape(transcript.rideId()))
                .append("</dc:identifier>\n");
        opf.append("    <dc:title>").append(escape(transcript.title())).append("</dc:title>\n");
        opf.append("    <dc:language>").append(escape(transcript.language())).append("</dc:language>\n");
        opf.append("    <dc:creator>Liminal Transit</dc:creator>\n");
        opf.append("    <dc:date>").append(transcript.boardedIso()).append("</dc:date>\n");
        opf.append("    <meta property=\"dcterms:modified\">")
                .append(MODIFIED.format(transcript.modified().atOffset(ZoneOffset.UTC)))
                .append("</meta>\n");
        opf.append("""
                    <meta property="schema:accessMode">textual</meta>
                    <meta property="schema:accessModeSufficient">textual</meta>
                    <meta property="schema:accessibilityFeature">structuralNavigation</meta>
                    <meta property="schema:accessibilityFeature">tableOfContents</meta>
                    <meta property="schema:accessibilityHazard">none</meta>
                    <meta property="schema:accessibilitySummary">Text only: a heading for each stop of the ride \
                and a table of contents.</meta>
                  </metadata>
                  <manifest>
                    <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
                    <item id="style" href="style.css" media-type="text/css"/>
                    <item id="title" href="title.xhtml" media-type="application/xhtml+xml"/>
                """);
        for (Transcript.Stop stop : transcript.stops()) {
            opf.append("    <item id=\"")
                    .append(stop.anchor())
                    .append("\" href=\"")
                    .append(fileOf(stop))
                    .append("\" media-type=\"application/xhtml+xml\"/>\n");
        }
        if (hasAppendix(transcript)) {
            opf.append("    <item id=\"doors\" href=\"doors.xhtml\" media-type=\"application/xhtml+xml\"/>\n");
        }
        opf.append("  </manifest>\n  <spine>\n    <itemref idref=\"title\"/>\n    <itemref idref=\"nav\"/>\n");
        for (Transcript.Stop stop : transcript.stops()) {
            opf.append("    <itemref idref=\"").append(stop.anchor()).append("\"/>\n");
        }
        if (hasAppendix(transcript)) {
            opf.append("    <itemref idref=\"doors\"/>\n");
        }
        opf.append("  </spine>\n</package>\n");
        return opf.toString();
    }

    private static String nav(Transcript transcript) {
        StringBuilder body = new StringBuilder();
        body.append("<nav epub:type=\"toc\" id=\"toc\" aria-labelledby=\"toc-title\">\n")
                .append("<h1 id=\"toc-title\">Contents</h1>\n<ol class=\"toc\">\n")
                .append("<li><a href=\"title.xhtml\">")
                .append(escape(transcript.title()))
                .append("</a></li>\n");
        for (Transcript.Stop stop : transcript.stops()) {
            body.append("<li><a href=\"")
                    .append(fileOf(stop))
                    .append("\">")
                    .append(escape(stop.heading()))
                    .append("</a></li>\n");
        }
        if (hasAppendix(transcript)) {
            body.append("<li><a href=\"doors.xhtml\">Doors not taken</a></li>\n");
        }
        body.append("</ol>\n</nav>\n");
        body.append("<nav epub:type=\"landmarks\" hidden=\"hidden\">\n<h2>Landmarks</h2>\n<ol>\n")
                .append("<li><a epub:type=\"toc\" href=\"#toc\">Contents</a></li>\n")
                .append("<li><a epub:type=\"bodymatter\" href=\"")
                .append(fileOf(transcript.stops().getFirst()))
                .append("\">The ride</a></li>\n</ol>\n</nav>\n");
        return document("Contents", body.toString());
    }

    private static String titlePage(Transcript transcript) {
        String body = "<section epub:type=\"titlepage\">\n<h1>" + escape(transcript.title()) + "</h1>\n"
                + "<p class=\"meta\">Boarded on <time datetime=\"" + transcript.boardedIso() + "\">"
                + escape(transcript.boardedText()) + "</time> · " + transcript.stopCountText() + "</p>\n"
                + "<p>Written stop by stop for this ride on Liminal Transit, the night train that appears on no"
                + " map.</p>\n</section>\n";
        return document(transcript.title(), body);
    }

    private static String chapter(Transcript transcript, Transcript.Stop stop) {
        StringBuilder body = new StringBuilder();
        body.append("<section epub:type=\"chapter\" id=\"")
                .append(stop.anchor())
                .append("\" aria-labelledby=\"")
                .append(stop.anchor())
                .append("-title\">\n<h2 id=\"")
                .append(stop.anchor())
                .append("-title\">")
                .append(escape(stop.heading()))
                .append("</h2>\n");
        String lang = escape(transcript.language());
        for (List<String> paragraph : stop.paragraphs()) {
            body.append("<p lang=\"")
                    .append(lang)
                    .append("\" xml:lang=\"")
                    .append(lang)
                    .append("\">");
            for (int i = 0; i < paragraph.size(); i++) {
                body.append(i == 0 ? "" : "<br/>").append(escape(paragraph.get(i)));
            }
            body.append("</p>\n");
        }
        if (stop.chosen() != null) {
            body.append("<p class=\"chosen\">You chose: ")
                    .append(labelled(lang, stop.chosen()))
                    .append("</p>\n");
        } else if (stop.open()) {
            body.append("<p class=\"chosen\">Not yet chosen: ");
            for (int i = 0; i < stop.offered().size(); i++) {
                body.append(i == 0 ? "" : " · ")
                        .append(labelled(lang, stop.offered().get(i)));
            }
            body.append("</p>\n");
        }
        if (stop.ending()) {
            body.append("<p class=\"end\">The end of the line.</p>\n");
        }
        body.append("</section>\n");
        return document(stop.heading(), body.toString());
    }

    private static String appendix(Transcript transcript) {
        String lang = escape(transcript.language());
        StringBuilder body = new StringBuilder();
        body.append("<section epub:type=\"appendix\" aria-labelledby=\"doors-title\">\n")
                .append("<h2 id=\"doors-title\">Doors not taken</h2>\n")
                .append("<p>The choices each stop offered that the ride left behind.</p>\n<ul class=\"doors\">\n");
        for (Transcript.Stop stop : transcript.withDoorsNotTaken()) {
            body.append("<li><a href=\"")
                    .append(fileOf(stop))
                    .append("\">")
                    .append(escape(stop.heading()))
                    .append("</a>: ");
            List<String> labels = stop.notTaken();
            for (int i = 0; i < labels.size(); i++) {
                body.append(i == 0 ? "" : " · ").append(labelled(lang, labels.get(i)));
            }
            body.append("</li>\n");
        }
        body.append("</ul>\n</section>\n");
        return document("Doors not taken", body.toString());
    }

    private static String labelled(String lang, String label) {
        return "<span lang=\"" + lang + "\" xml:lang=\"" + lang + "\">" + escape(label) + "</span>";
    }

    /** An XHTML content document; the book's own words are English, passages carry the ride's language. */
    private static String document(String title, String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n"
                + "<html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:epub=\"http://www.idpf.org/2007/ops\""
                + " lang=\"en\" xml:lang=\"en\">\n<head>\n<meta charset=\"UTF-8\"/>\n<title>" + escape(title)
                + "</title>\n<link rel=\"stylesheet\" type=\"text/css\" href=\"style.css\"/>\n</head>\n<body>\n"
                + body + "</body>\n</html>\n";
    }

    private static String fileOf(Transcript.Stop stop) {
        return stop.anchor() + ".xhtml";
    }

    private static boolean hasAppendix(Transcript transcript) {
        return !transcript.withDoorsNotTaken().isEmpty();
    }

    private static void stored(ZipOutputStream zip, String name, String text, LocalDateTime time) throws IOException {
        byte[] content = text.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(content);
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(content.length);
        entry.setCompressedSize(content.length);
        entry.setCrc(crc.getValue());
        entry.setTimeLocal(time);
        zip.putNextEntry(entry);
        zip.write(content);
        zip.closeEntry();
    }

    private static void deflated(ZipOutputStream zip, String name, String text, LocalDateTime time) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.DEFLATED);
        entry.setTimeLocal(time);
        zip.putNextEntry(entry);
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
