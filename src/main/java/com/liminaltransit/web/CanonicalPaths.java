package com.liminaltransit.web;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Whether a request path is spelled the one way we spell our own addresses. Every address we serve is plain
 * ASCII with no escapes ({@code /stories/{uuid}}, {@code /static/css/transit.css}), so any other spelling of a
 * path ({@code //metrics}, {@code /./metrics}, {@code /%6detrics}, {@code /metrics;x=1}, {@code /a/../metrics})
 * is refused before routing. Then a rule at the edge that matches the raw path (the WAF's) sees the same path the
 * server routes, and no feature meets dot segments, matrix parameters or double slashes.
 */
final class CanonicalPaths {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private CanonicalPaths() {}

    /**
     * Whether {@code rawPath} (as sent, before any decoding) is canonical: it starts with {@code /}, has no empty
     * segment but possibly the last ({@code /static/} is fine, {@code //x} is not), no {@code .} or {@code ..}
     * segment (plain or escaped), no {@code ;}, and percent-escapes exactly the characters that must be escaped,
     * in upper case, as well-formed UTF-8. An escaped {@code /}, {@code \} or control character is refused too.
     */
    static boolean canonical(String rawPath) {
        if (rawPath == null || !rawPath.startsWith("/")) {
            return false;
        }
        String[] segments = rawPath.substring(1).split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            boolean last = i == segments.length - 1;
            if (segment.isEmpty()) {
                if (!last || segments.length > 1 && segments[i - 1].isEmpty()) {
                    return false;
                }
                continue;
            }
            String decoded = decode(segment);
            if (decoded == null
                    || decoded.equals(".")
                    || decoded.equals("..")
                    || !encode(decoded).equals(segment)) {
                return false;
            }
        }
        return true;
    }

    /** Percent-decodes one segment as UTF-8, or {@code null} when it is malformed or holds what no segment may. */
    private static String decode(String segment) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(segment.length());
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '%') {
                if (i + 2 >= segment.length() || !hex(segment.charAt(i + 1)) || !hex(segment.charAt(i + 2))) {
                    return null;
                }
                bytes.write(HexFormat.fromHexDigits(segment, i + 1, i + 3));
                i += 2;
            } else if (c > 0x7E) {
                return null;
            } else {
                bytes.write(c);
            }
        }
        String decoded;
        try {
            decoded = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException malformed) {
            return null;
        }
        for (int i = 0; i < decoded.length(); i++) {
            char c = decoded.charAt(i);
            if (c == '/' || c == '\\' || c == ';' || Character.isISOControl(c)) {
                return null;
            }
        }
        return decoded;
    }

    /** Escapes everything but RFC 3986's unreserved characters, sub-delimiters (less {@code ;}), ':' and '@'. */
    private static String encode(String decoded) {
        StringBuilder out = new StringBuilder(decoded.length());
        for (byte b : decoded.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (plain(c)) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX.toHexDigits((byte) c));
            }
        }
        return out.toString();
    }

    private static boolean plain(int c) {
        return c >= 'a' && c <= 'z'
                || c >= 'A' && c <= 'Z'
                || c >= '0' && c <= '9'
                || "-._~!$&'()*+,=:@".indexOf(c) >= 0;
    }

    private static boolean hex(char c) {
        return Character.digit(c, 16) >= 0;
    }
}
