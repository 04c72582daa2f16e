package com.liminaltransit.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A vendor's streaming API on 127.0.0.1 for tests, on a plain socket so it can fail the way a real one does
 * mid-stream: it answers each request with a {@link StreamScript} (the model's text in pieces, then a fault or a
 * clean end) encoded by the vendor's {@link Wire} (server-sent events, AWS event-stream frames), chunked and flushed
 * piece by piece. A reset is a TCP RST after the pieces; a stall holds the connection open without a byte until the
 * stub is closed. Scripts are queued one per request; with none queued, {@link #otherwise} answers.
 */
public final class StreamingStub implements AutoCloseable {

    /** How a vendor frames a streamed answer on the wire. */
    public interface Wire {
        /** The response's content type. */
        String contentType();

        /** What comes before the first piece of text (a message start), possibly nothing. */
        byte[] head();

        /** One piece of the model's text. */
        byte[] piece(String text);

        /** The clean end: the stop reason and usage, and the stream's closing event. */
        byte[] tail(int inputTokens, int outputTokens);

        /** A frame the vendor's client cannot read. */
        byte[] malformed();
    }

    /**
     * One request received.
     *
     * @param path the request path
     * @param body its body
     */
    public record Received(String path, String body) {}

    private final Wire wire;
    private final ServerSocket server;
    private final Thread acceptor;
    private final Deque<StreamScript> scripts = new ConcurrentLinkedDeque<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile StreamScript otherwise;

    private StreamingStub(Wire wire, StreamScript otherwise) throws IOException {
        this.wire = wire;
        this.otherwise = otherwise;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = Thread.ofVirtual().name("streaming-stub").start(this::accept);
    }

    /** Starts a stub that answers with {@code otherwise} until scripts are queued. */
    public static StreamingStub start(Wire wire, StreamScript otherwise) {
        try {
            return new StreamingStub(wire, otherwise);
        } catch (IOException e) {
            throw new IllegalStateException("the streaming stub could not start", e);
        }
    }

    /** {@code http://127.0.0.1:<port>}. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /** Queues scripts, one per request, in order. */
    public StreamingStub then(StreamScript... next) {
        scripts.addAll(List.of(next));
        return this;
    }

    /** What answers once the queue is empty. */
    public StreamingStub otherwise(StreamScript script) {
        this.otherwise = script;
        return this;
    }

    /** Forgets the queue and the requests. */
    public void reset() {
        scripts.clear();
        received.clear();
    }

    /** The requests received, in order. */
    public List<Received> received() {
        return List.copyOf(received);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                open.add(socket);
                Thread.ofVirtual().name("streaming-stub-answer").start(() -> answer(socket));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void answer(Socket socket) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            while (true) {
                Received request = read(in);
                if (request == null) {
                    return;
                }
                received.add(request);
                StreamScript script = scripts.poll();
                if (script == null) {
                    script = otherwise;
                }
                if (!play(script, socket, out)) {
                    return;
                }
            }
        } catch (IOException e) {
            // the client went away: nothing to answer
        } finally {
            open.remove(socket);
        }
    }

    /** Plays one script; false when the connection must not be used again. */
    private boolean play(StreamScript script, Socket socket, OutputStream out) throws IOException {
        if (script.status() != 200) {
            byte[] body = script.errorBody().getBytes(StandardCharsets.UTF_8);
            out.write(("HTTP/1.1 " + script.status() + " Error\r\nContent-Type: application/json\r\nContent-Length: "
                            + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            return true;
        }
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: " + wire.contentType()
                        + "\r\nTransfer-Encoding: chunked\r\nCache-Control: no-cache\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        pause(script.firstDelay());
        chunk(out, wire.head());
        boolean first = true;
        for (String piece : script.pieces()) {
            if (!first) {
                pause(script.between());
            }
            first = false;
            chunk(out, wire.piece(piece));
        }
        if (script.release() != null && script.end() != StreamScript.End.CLEAN) {
            try {
                script.release().await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        switch (script.end()) {
            case CLEAN -> {
                chunk(out, wire.tail(script.inputTokens(), script.outputTokens()));
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                return true;
            }
            case MALFORMED -> {
                chunk(out, wire.malformed());
                pause(Duration.ofSeconds(30)); // a client that reads on is cut by its own checks
                return false;
            }
            case RESET -> {
                socket.setSoLinger(true, 0);
                socket.close();
                return false;
            }
            case STALL -> {
                try {
                    closed.await(5, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return false;
            }
        }
        return false;
    }

    private static void chunk(OutputStream out, byte[] bytes) throws IOException {
        if (bytes.length == 0) {
            return;
        }
        out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private void pause(Duration duration) {
        if (duration.isZero()) {
            return;
        }
        try {
            // the stub's own pacing (a model writing), not synchronisation; closing the stub ends it
            closed.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Reads one request (headers and a Content-Length body); null at the end of the connection. */
    private static Received read(InputStream in) throws IOException {
        String requestLine = line(in);
        if (requestLine == null || requestLine.isEmpty()) {
            return null;
        }
        int length = 0;
        boolean chunked = false;
        for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Integer.parseInt(header.substring(15).strip());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        byte[] body = chunked ? readChunked(in) : in.readNBytes(length);
        String[] parts = requestLine.split(" ");
        return new Received(parts.length > 1 ? parts[1] : "", new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] readChunked(InputStream in) throws IOException {
        var body = new ByteArrayOutputStream();
        while (true) {
            String size = line(in);
            if (size == null) {
                return body.toByteArray();
            }
            int n = Integer.parseInt(size.split(";")[0].strip(), 16);
            if (n == 0) {
                line(in);
                return body.toByteArray();
            }
            body.write(in.readNBytes(n));
            line(in);
        }
    }

    private static String line(InputStream in) throws IOException {
        var bytes = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                String text = bytes.toString(StandardCharsets.US_ASCII);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            bytes.write(b);
        }
        return bytes.size() == 0 ? null : bytes.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() {
        closed.countDown();
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        for (Socket socket : new ArrayList<>(open)) {
            try {
                socket.close();
            } catch (SocketException e) {
                // already gone
            } catch (IOException e) {
                // closing anyway
            }
        }
        acceptor.interrupt();
    }
}
