package com.liminaltransit.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * HTTP/1.1 over a plain socket, for what no HTTP client will send: paths like {@code ///x}, two
 * {@code Content-Length} headers, stalled headers, bodies split in chosen chunks. One instance is one connection.
 */
final class RawHttp implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;

    /** Connects to the server at {@code 127.0.0.1:port}; reads give up after {@code readTimeout}. */
    RawHttp(int port, Duration readTimeout) {
        try {
            socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout((int) readTimeout.toMillis());
            in = socket.getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends one request on a fresh connection and reads its answer. */
    static Answer exchange(int port, String request) {
        try (RawHttp http = new RawHttp(port, Duration.ofSeconds(20))) {
            http.send(request.getBytes(StandardCharsets.ISO_8859_1));
            return http.read();
        }
    }

    /** Writes bytes as they are. */
    void send(byte[] bytes) {
        try {
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads one answer: status line, headers, and a body framed by {@code Content-Length} or chunked. */
    Answer read() {
        try {
            String status = line();
            List<String> headers = new ArrayList<>();
            for (String header = line(); !header.isEmpty(); header = line()) {
                headers.add(header);
            }
            Answer head = new Answer(status, headers, "");
            byte[] body;
            if (head.header("Transfer-Encoding")
                    .filter(v -> v.equalsIgnoreCase("chunked"))
                    .isPresent()) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                for (int size = Integer.parseInt(line().strip(), 16);
                        size > 0;
                        size = Integer.parseInt(line().strip(), 16)) {
                    out.write(in.readNBytes(size));
                    line();
                }
                line();
                body = out.toByteArray();
            } else {
                body = in.readNBytes(
                        Integer.parseInt(head.header("Content-Length").orElse("0")));
            }
            return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the server closed this connection: a read ends (EOF or reset) before {@code within} passes. */
    boolean closedBy(Duration within) {
        try {
            socket.setSoTimeout((int) within.toMillis());
            return in.read() == -1;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (SocketException reset) {
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b == -1) {
                throw new IOException("connection closed mid-answer after: " + line);
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a test connection
        }
    }

    /** One answer as read off the wire. */
    record Answer(String statusLine, List<String> headers, String body) {

        /** The status code. */
        int status() {
            return Integer.parseInt(statusLine.split(" ")[1]);
        }

        /** The first value of a header, by case-insensitive name. */
        Optional<String> header(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            return headers.stream()
                    .filter(h -> h.toLowerCase(Locale.ROOT).startsWith(prefix))
                    .map(h -> h.substring(prefix.length()).strip())
                    .findFirst();
        }

        /** The body parsed as HTML. */
        Document html() {
            return Jsoup.parse(body);
        }
    }
}
