package com.liminaltransit.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A vendor's API on 127.0.0.1 for tests: answers in the vendor's real wire format (a {@link Wire}) and, on demand,
 * with the faults a real vendor has on a bad day. Behaviours are queued and used one per request; when the queue
 * is empty it answers well (or as {@link #otherwise} says). Every request is recorded.
 */
public final class VendorStub implements AutoCloseable {

    /** A valid AI-contract object. */
    public static final String GOOD_NARRATIVE = """
            {"passage": "The stub train glides through a tunnel of soft blue lamps; a conductor nods at you and \
            points to a seat by the window.", "choices": [{"id": "a", "label": "Take the window seat"}, \
            {"id": "b", "label": "Follow the conductor"}, {"id": "c", "label": "Stay by the door"}], \
            "ending": false, "summary": "You boarded the stub train and a conductor showed you a seat."}""";

    /** Valid JSON that breaks the AI contract: markup and a single choice. */
    public static final String CONTRACT_BREAKING = """
            {"passage": "<b>Bold</b> words are not allowed here, nor is a lonely single choice.", \
            "choices": [{"id": "a", "label": "Only way"}], "ending": false, "summary": "Broken."}""";

    /** How a vendor writes answers and errors on the wire. */
    public interface Wire {
        /** The success answer that carries {@code narrativeJson} (the model's output). */
        Answer success(String narrativeJson);

        /** The vendor's error answer for {@code status}. */
        Answer error(int status);
    }

    /**
     * One HTTP answer.
     *
     * @param status  status code
     * @param headers headers to set
     * @param body    body text
     */
    public record Answer(int status, Map<String, String> headers, String body) {}

    /**
     * One request received.
     *
     * @param method  HTTP method
     * @param path    raw path (percent-encoding kept)
     * @param headers request headers, names lower-cased, first value each
     * @param body    body text
     */
    public record Recorded(String method, String path, Map<String, String> headers, String body) {
        /** A header's first value, or {@code null}. */
        public String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    /** What the stub does with one request. */
    @FunctionalInterface
    public interface Behaviour {
        /** Answers (or fails to answer) the exchange. */
        void handle(HttpExchange exchange, Wire wire) throws IOException;
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "vendor-stub");
        thread.setDaemon(true);
        return thread;
    });
    private final Wire wire;
    private final Deque<Behaviour> queue = new ConcurrentLinkedDeque<>();
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private volatile Behaviour otherwise = ok();

    /** Where a behaviour finds the request it answers ({@link #replying}). */
    private static final String RECORDED = "vendor-stub.recorded";

    private VendorStub(Wire wire) {
        this.wire = wire;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts a stub speaking {@code wire} on a free loopback port. */
    public static VendorStub start(Wire wire) {
        return new VendorStub(wire);
    }

    /** {@code http://127.0.0.1:port} */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Queues behaviours for the next requests, in order. */
    public VendorStub then(Behaviour... behaviours) {
        queue.addAll(List.of(behaviours));
        return this;
    }

    /**
     * What the stub does when the queue is empty (by default {@link #ok()}): a classifier stub judges each request
     * by its body ({@link #replying}).
     */
    public VendorStub otherwise(Behaviour behaviour) {
        this.otherwise = behaviour;
        return this;
    }

    /** Queues the same behaviour {@code times} times. */
    public VendorStub times(int times, Behaviour behaviour) {
        for (int i = 0; i < times; i++) {
            queue.add(behaviour);
        }
        return this;
    }

    /** Forgets queued behaviours and recorded requests. */
    public void reset() {
        queue.clear();
        requests.clear();
    }

    /** The requests received so far. */
    public List<Recorded> requests() {
        return new ArrayList<>(requests);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> headers = new java.util.TreeMap<>();
        exchange.getRequestHeaders()
                .forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT), values.getFirst()));
        Recorded recorded = new Recorded(
                exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), headers, body);
        requests.add(recorded);
        exchange.setAttribute(RECORDED, recorded);
        Behaviour behaviour = queue.poll();
        try {
            (behaviour == null ? otherwise : behaviour).handle(exchange, wire);
        } catch (IOException e) {
            // the client went away (timeouts, drips): nothing to answer
        } finally {
            exchange.close();
        }
    }

    // --- behaviours ---------------------------------------------------------------------------------------

    /** A good answer. */
    public static Behaviour ok() {
        return (exchange, wire) -> send(exchange, wire.success(GOOD_NARRATIVE));
    }

    /** A success answer whose model output is {@code narrativeJson} (or any text). */
    public static Behaviour answering(String narrativeJson) {
        return (exchange, wire) -> send(exchange, wire.success(narrativeJson));
    }

    /** An answer made from the request itself, e.g. a classifier's verdict on the text it was sent. */
    public static Behaviour replying(Function<Recorded, Answer> answer) {
        return (exchange, wire) -> send(exchange, answer.apply((Recorded) exchange.getAttribute(RECORDED)));
    }

    /** Valid JSON that breaks the story contract. */
    public static Behaviour contractBreaking() {
        return answering(CONTRACT_BREAKING);
    }

    /** The vendor's error for {@code status}. */
    public static Behaviour status(int status) {
        return (exchange, wire) -> send(exchange, wire.error(status));
    }

    /** 429 with {@code Retry-After: seconds}. */
    public static Behaviour rateLimited(int retryAfterSeconds) {
        return (exchange, wire) -> {
            Answer error = wire.error(429);
            Map<String, String> headers = new java.util.HashMap<>(error.headers());
            headers.put("Retry-After", Integer.toString(retryAfterSeconds));
            send(exchange, new Answer(429, headers, error.body()));
        };
    }

    /** A good answer after {@code millis}. */
    public static Behaviour delayed(long millis) {
        return (exchange, wire) -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            send(exchange, wire.success(GOOD_NARRATIVE));
        };
    }

    /** A 200 whose body is not JSON at all (a proxy's error page, a truncated body). */
    public static Behaviour malformed() {
        return (exchange, wire) -> send(
                exchange,
                new Answer(
                        200,
                        Map.of("Content-Type", "application/json"),
                        "{\"id\": \"x\", \"choices\": [ {\"message\": "));
    }

    /** The connection is closed without a single byte of answer. */
    public static Behaviour connectionReset() {
        return (exchange, wire) -> {
            // closing the exchange before sending headers drops the connection
        };
    }

    /** A good answer whose body drips one byte every {@code millisPerByte}. */
    public static Behaviour drip(long millisPerByte) {
        return (exchange, wire) -> {
            Answer answer = wire.success(GOOD_NARRATIVE);
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            answer.headers()
                    .forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            OutputStream out = exchange.getResponseBody();
            for (byte b : bytes) {
                out.write(b);
                out.flush();
                try {
                    Thread.sleep(millisPerByte);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("stub stopped");
                }
            }
        };
    }

    private static void send(HttpExchange exchange, Answer answer) throws IOException {
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
