package com.liminaltransit.transcript;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The file name a transcript is saved under, e.g. {@code liminal-transit-hollow-quay-2026-12-02.epub}, and the
 * {@code Content-Disposition} that carries it: a plain ASCII {@code filename} every browser reads, and an RFC 8187
 * {@code filename*} that keeps the station's own letters ("Café du Nord" stays "café-du-nord" there).
 *
 * @param ascii   the name in ASCII letters, digits and hyphens
 * @param unicode the same name with the station's letters as written
 */
record DownloadName(String ascii, String unicode) {

    /** Longest slug taken from a station or a line of text. */
    private static final int MAX_SLUG = 40;

    private static final String PREFIX = "liminal-transit-";
    private static final String FALLBACK = "ride";

    /** The name of a transcript of {@code transcript} in {@code format}. */
    static DownloadName of(Transcript transcript, TranscriptFormat format) {
        String source = transcript.station() != null ? transcript.station() : firstWords(transcript);
        String ascii = orFallback(slug(asciiOnly(source)));
        String unicode = slug(source);
        String tail = "-" + transcript.boardedIso()
                + (transcript.cut() ? "-stop-" + transcript.last().number() : "") + "." + format.extension();
        return new DownloadName(PREFIX + ascii + tail, PREFIX + (unicode.isEmpty() ? ascii : unicode) + tail);
    }

    /** {@code attachment; filename="…"; filename*=UTF-8''…} (or {@code inline}, for a page to read first). */
    String contentDisposition(boolean attachment) {
        return (attachment ? "attachment" : "inline") + "; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + percentEncoded(unicode);
    }

    /** Without a station, the first words of the boarding passage name the file. */
    private static String firstWords(Transcript transcript) {
        return transcript.stops().getFirst().paragraphs().stream()
                .flatMap(List::stream)
                .findFirst()
                .map(line -> Arrays.stream(line.split("\\s+")).limit(5).collect(Collectors.joining(" ")))
                .orElse("");
    }

    /** Lower-case letters and digits joined by single hyphens, cut at a hyphen to {@value #MAX_SLUG} characters. */
    static String slug(String text) {
        String slug = Normalizer.normalize(text, Normalizer.Form.NFC)
                .toLowerCase(Locale.ROOT)
                .replaceAll("['’]", "")
                .replaceAll("[^\\p{L}\\p{M}\\p{Nd}]+", "-")
                .replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_SLUG) {
            int cut = slug.lastIndexOf('-', MAX_SLUG);
            slug = slug.substring(0, cut > 0 ? cut : MAX_SLUG);
        }
        return slug;
    }

    /** Accents taken off ("é" is "e"); letters with no ASCII form are dropped. */
    private static String asciiOnly(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("[^\\x20-\\x7E]", "");
    }

    private static String orFallback(String slug) {
        return slug.isEmpty() ? FALLBACK : slug;
    }

    /** RFC 8187 value characters: letters, digits and {@code !#$&+-.^_`|~}; anything else as UTF-8 escapes. */
    private static String percentEncoded(String name) {
        StringBuilder out = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "!#$&+-.^_`|~".indexOf(c) >= 0)) {
                out.append((char) c);
            } else {
                out.append('%').append(String.format(Locale.ROOT, "%02X", c));
            }
        }
        return out.toString();
    }
}
