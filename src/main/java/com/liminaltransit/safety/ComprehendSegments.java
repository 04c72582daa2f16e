package com.liminaltransit.safety;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Provider text cut to what {@code DetectToxicContent} takes: segments of at most 1 KB of UTF-8, at most ten per
 * call. A part longer than a segment is cut after a sentence where it can, else after a space, else between
 * characters (never inside one).
 */
final class ComprehendSegments {

    /** Bytes of UTF-8 one segment may hold. */
    static final int MAX_BYTES = 1024;

    /** Segments one call may carry. */
    static final int PER_CALL = 10;

    private ComprehendSegments() {}

    /** The segments of {@code parts}, grouped into calls, in order. */
    static List<List<TextPart>> calls(List<TextPart> parts) {
        List<TextPart> segments = new ArrayList<>();
        for (TextPart part : parts) {
            if (!part.text().isBlank()) {
                cut(part.field(), part.text().strip(), segments);
            }
        }
        List<List<TextPart>> calls = new ArrayList<>();
        for (int from = 0; from < segments.size(); from += PER_CALL) {
            calls.add(List.copyOf(segments.subList(from, Math.min(segments.size(), from + PER_CALL))));
        }
        return calls;
    }

    private static void cut(String field, String text, List<TextPart> into) {
        String rest = text;
        while (bytes(rest) > MAX_BYTES) {
            int end = fits(rest);
            into.add(new TextPart(field, rest.substring(0, end).strip()));
            rest = rest.substring(end).strip();
        }
        if (!rest.isEmpty()) {
            into.add(new TextPart(field, rest));
        }
    }

    /** Where to cut {@code text} so its head is at most {@link #MAX_BYTES}: after a sentence, a space, a character. */
    private static int fits(String text) {
        int limit = 0;
        int bytes = 0;
        while (limit < text.length()) {
            int cp = text.codePointAt(limit);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > MAX_BYTES) {
                break;
            }
            bytes += size;
            limit += Character.charCount(cp);
        }
        int sentence = lastBreak(text, limit, ".!?。！？");
        if (sentence > limit / 2) {
            return sentence;
        }
        int space = text.lastIndexOf(' ', limit - 1);
        return space > limit / 2 ? space + 1 : limit;
    }

    private static int lastBreak(String text, int limit, String marks) {
        for (int i = limit - 1; i > 0; i--) {
            if (marks.indexOf(text.charAt(i)) >= 0) {
                return i + 1;
            }
        }
        return -1;
    }

    private static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
