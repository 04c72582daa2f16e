package com.liminaltransit.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import software.amazon.awssdk.thirdparty.jackson.core.JsonGenerator;
import software.amazon.awssdk.thirdparty.jackson.core.JsonParser;
import software.amazon.awssdk.thirdparty.jackson.core.JsonToken;
import software.amazon.awssdk.thirdparty.jackson.dataformat.cbor.CBORFactory;

/**
 * Amazon Translate on 127.0.0.1 for tests, speaking the wire format the AWS SDK's {@code TranslateClient} uses (SDK
 * 2.57: Smithy RPC v2 CBOR, {@code POST /service/AWSShineFrontendService_20170701/operation/TranslateText} with
 * {@code smithy-protocol: rpc-v2-cbor}, CBOR bodies, errors named by {@code __type}; the SDK no longer sends the
 * JSON 1.1 {@code X-Amz-Target} form). It "translates" by prefixing the text with its target language
 * ({@code [ja] …}), so a test can tell a translated text from the English; on demand it answers with a real service's
 * bad days: throttling, 500, 503, no answer in time, unreadable or empty bodies. Faults are queued and used one per
 * request; every request is recorded. CBOR is read and written with the SDK's own (shaded) Jackson CBOR.
 */
public final class TranslateStub implements AutoCloseable {

    /** The service shape's name, as the RPC v2 path and the errors name it. */
    public static final String SERVICE = "AWSShineFrontendService_20170701";
    /** The path of {@code TranslateText}. */
    public static final String PATH = "/service/" + SERVICE + "/operation/TranslateText";

    private static final CBORFactory CBOR = new CBORFactory();

    /** What the stub does with one request. */
    @FunctionalInterface
    public interface Fault {
        /** Answers (or fails to answer) the exchange. */
        void handle(HttpExchange exchange) throws IOException;
    }

    /**
     * One request received.
     *
     * @param path    the raw path
     * @param headers names lower-cased, first value each
     * @param body    the CBOR body, decoded: strings, lists and maps
     */
    public record Recorded(String path, Map<String, String> headers, Map<String, Object> body) {
        /** A header's first value, or {@code null}. */
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        /** A string field of the body, or {@code null}. */
        public String field(String name) {
            Object value = body.get(name);
            return value == null ? null : value.toString();
        }

        /** The terminology names the request applies. */
        @SuppressWarnings("unchecked")
        public List<String> terminologyNames() {
            Object names = body.get("TerminologyNames");
            return names == null ? List.of() : (List<String>) names;
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "translate-stub");
        thread.setDaemon(true);
        return thread;
    });
    private final Deque<Fault> faults = new ConcurrentLinkedDeque<>();
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();

    private TranslateStub() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts a stub on a free loopback port. */
    public static TranslateStub start() {
        return new TranslateStub();
    }

    /** {@code http://127.0.0.1:port} */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Queues faults for the next requests, in order. */
    public TranslateStub then(Fault... next) {
        faults.addAll(List.of(next));
        return this;
    }

    /** Forgets queued faults and recorded requests. */
    public void reset() {
        faults.clear();
        requests.clear();
    }

    /** The requests received so far. */
    public List<Recorded> requests() {
        return new ArrayList<>(requests);
    }

    /** What a translation of {@code text} into {@code target} reads like from this stub. */
    public static String translation(String text, String target) {
        return "[" + target + "] " + text;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] raw = exchange.getRequestBody().readAllBytes();
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders()
                    .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.getFirst()));
            Map<String, Object> body = decode(raw);
            requests.add(new Recorded(exchange.getRequestURI().getRawPath(), headers, body));
            Fault fault = faults.poll();
            if (fault != null) {
                fault.handle(exchange);
                return;
            }
            if (!PATH.equals(exchange.getRequestURI().getRawPath())) {
                send(exchange, 404, error("UnknownOperationException", "no such operation"));
                return;
            }
            String target = (String) body.get("TargetLanguageCode");
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("TranslatedText", translation((String) body.get("Text"), target));
            answer.put("SourceLanguageCode", body.get("SourceLanguageCode"));
            answer.put("TargetLanguageCode", target);
            Object names = body.get("TerminologyNames");
            if (names instanceof List<?> list) {
                answer.put(
                        "AppliedTerminologies",
                        list.stream()
                                .map(name -> Map.of("Name", name, "Terms", List.of()))
                                .toList());
            }
            send(exchange, 200, encode(answer));
        } catch (IOException e) {
            // the client went away (a timeout): nothing to answer
        }
    }

    // --- faults ---------------------------------------------------------------------------------------------

    /** Throttled: 429 {@code TooManyRequestsException}. */
    public static Fault throttled() {
        return exchange -> send(exchange, 429, error("TooManyRequestsException", "Rate exceeded"));
    }

    /** 500 {@code InternalServerException}. */
    public static Fault internalError() {
        return exchange -> send(exchange, 500, error("InternalServerException", "stub failure"));
    }

    /** 503 {@code ServiceUnavailableException}. */
    public static Fault unavailable() {
        return exchange -> send(exchange, 503, error("ServiceUnavailableException", "stub is down"));
    }

    /** A good answer after {@code millis}: past any short client timeout. */
    public static Fault slow(long millis) {
        return exchange -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            send(exchange, 200, encode(Map.of("TranslatedText", "too late")));
        };
    }

    /** A 200 whose body is not CBOR at all (a proxy's error page). */
    public static Fault malformed() {
        return exchange -> send(exchange, 200, "<html><body>Bad Gateway</body></html>".getBytes());
    }

    /** A 200 that translates nothing: a CBOR map without {@code TranslatedText}. */
    public static Fault empty() {
        return exchange -> send(exchange, 200, encode(Map.of("SourceLanguageCode", "en")));
    }

    /** A 200 whose translation carries markup, which no page may show. */
    public static Fault markup() {
        return exchange -> send(exchange, 200, encode(Map.of("TranslatedText", "<script>alert(1)</script> hola")));
    }

    private static byte[] error(String type, String message) {
        return encode(Map.of("__type", "com.amazonaws.translate#" + type, "message", message));
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/cbor");
        exchange.getResponseHeaders().set("smithy-protocol", "rpc-v2-cbor");
        exchange.getResponseHeaders().set("x-amzn-RequestId", "stub-request");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    // --- CBOR -----------------------------------------------------------------------------------------------

    /** A CBOR map as strings, numbers, lists and maps; an empty or unreadable body as an empty map. */
    static Map<String, Object> decode(byte[] bytes) {
        if (bytes.length == 0) {
            return Map.of();
        }
        try (JsonParser parser = CBOR.createParser(bytes)) {
            Object value = read(parser, parser.nextToken());
            @SuppressWarnings("unchecked")
            Map<String, Object> map = value instanceof Map<?, ?> ? (Map<String, Object>) value : Map.of();
            return map;
        } catch (IOException e) {
            return Map.of();
        }
    }

    private static Object read(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_OBJECT; next = parser.nextToken()) {
                    String name = parser.currentName();
                    map.put(name, read(parser, parser.nextToken()));
                }
                yield map;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
                    list.add(read(parser, next));
                }
                yield list;
            }
            case VALUE_STRING -> parser.getText();
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getNumberValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            default -> null;
        };
    }

    /** Strings, lists and maps as CBOR. */
    static byte[] encode(Map<String, ?> map) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator generator = CBOR.createGenerator(out)) {
            write(generator, map);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void write(JsonGenerator generator, Object value) throws IOException {
        if (value instanceof Map<?, ?> map) {
            generator.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                generator.writeFieldName(entry.getKey().toString());
                write(generator, entry.getValue());
            }
            generator.writeEndObject();
        } else if (value instanceof List<?> list) {
            generator.writeStartArray();
            for (Object item : list) {
                write(generator, item);
            }
            generator.writeEndArray();
        } else if (value == null) {
            generator.writeNull();
        } else {
            generator.writeString(value.toString());
        }
    }
}
