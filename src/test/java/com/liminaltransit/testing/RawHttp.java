package com.liminaltransit.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP/1.1 written by hand on a socket, for requests no well-behaved client sends: a body that is announced but
 * never sent, chunk sizes past the server's cap. Each exchange is one connection; the answer is read by its
 * {@code Content-Length}, or to the end of the connection.
 */
public final class RawHttp {

    private RawHttp() {}

    /**
     * Sends {@code head} (request line and headers, without the blank line that ends them) and then each of
     * {@code body} as it is, and reads one answer.
     */
    public static Reply exchange(URI base, String head, byte[]... body) {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write((head.strip() + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            for (byte[] part : body) {
                out.write(part);
            }
            out.flush();
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Reply read(InputStream in) throws IOException {
        String statusLine = line(in);
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String line = line(in); !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            headers.computeIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(line.substring(colon + 1).trim());
        }
        byte[] body = headers.containsKey("content-length")
                ? in.readNBytes(Integer.parseInt(headers.get("content-length").getFirst()))
                : in.readAllBytes();
        return new Reply(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b == -1) {
                throw new IOException("connection closed in the middle of the answer's head: " + line);
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    /** One answer: status, headers (names in lower case), body as text. */
    public record Reply(int status, Map<String, List<String>> headers, String body) {

        /** A header's first value, or empty. */
        public Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)))
                    .map(List::getFirst);
        }
    }
}
