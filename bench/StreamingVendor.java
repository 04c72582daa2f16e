import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An OpenAI-compatible Chat Completions stub that streams as a model writes, for bench/stream-latency.sh. A call with
 * {@code "stream": true} is answered in the streaming shape the app asks for (prose, the line
 * {@code === CHOICES ===}, one JSON object) as {@code chat.completion.chunk} server-sent events: the role at once,
 * the first token FIRST_MS after the request was read, then one token every 1000/RATE ms, each token its own event
 * and flushed alone. Tokens are due on a fixed schedule from the request (not after the previous write), so a late
 * write on a busy machine does not push the rest of the stream back. The passage is PASSAGE_TOKENS tokens (words
 * with their leading space, as OpenAI's tokens mostly are); the marker and the JSON follow at the same pace.
 *
 * <p>It records, for each stream, when it read the request, when it flushed the token that ends the first sentence
 * and when it flushed the last token (epoch microseconds, the clock curl's client reads too), so the app's
 * latency is measured against the stub's own times. A call without {@code "stream": true} (the boarding) is
 * answered at once with a whole story step.
 *
 * <p>GET /calls: streams finished; GET /open: streams being written now; GET /records: one line per finished
 * stream, {@code stop received firstSentenceEnd lastToken} (µs since the epoch; stop as the prompt names it).
 * Run: java bench/StreamingVendor.java PORT [FIRST_MS] [RATE] [PASSAGE_TOKENS]
 */
public class StreamingVendor {

    /** The prose; cut to PASSAGE_TOKENS words. Plain sentences that pass the app's checks in English. */
    private static final String PROSE = "The lamps of the night train flicker as you find a seat by the window."
            + " Across the aisle, a conductor in a grey coat is folding a paper bird with great care."
            + " Outside, a station slides past with every light on and nobody waiting on the platform."
            + " The carriage smells of rain, old wool and the oranges someone peeled an hour ago."
            + " A child two rows ahead presses her palm to the glass and counts the passing poles out loud."
            + " Somewhere behind you a radio murmurs the names of towns you have never heard of."
            + " The conductor sets the paper bird on the empty seat beside you and walks on without a word."
            + " Its wings are printed with a timetable for a line that does not exist on any map you know."
            + " The train leans into a long curve, and for a moment you can see its own lights ahead,"
            + " bright and small, as if another train were running the same track a minute in front of you."
            + " You turn the bird over in your hands and find a stop circled in pencil, a stop called Lantern Hill,"
            + " and beneath it, in a careful hand, the words that say it is where you get off tonight."
            + " The brakes sigh, the lights dim once, and the train begins to slow.";

    private static final String MARKER = "=== CHOICES ===";
    private static final String CHOICES = "{\"choices\": [{\"id\": \"a\", \"label\": \"Ask about the paper bird\"},"
            + " {\"id\": \"b\", \"label\": \"Get off at Lantern Hill\"}], \"ending\": false,"
            + " \"summary\": \"A conductor left you a paper bird with a stop circled on it.\"}";
    private static final String WHOLE = "{\"passage\": \"The lamps of the night train flicker as you find a seat by"
            + " the window. A conductor is folding a paper bird.\", \"choices\": [{\"id\": \"a\", \"label\": \"Go on\"},"
            + " {\"id\": \"b\", \"label\": \"Look back\"}], \"ending\": false, \"summary\": \"You boarded.\"}";

    private static final Pattern STREAM = Pattern.compile("\"stream\"\\s*:\\s*true");
    private static final Pattern STOP = Pattern.compile("Write stop (\\d+)");

    private record Plan(List<String> tokens, int firstSentenceEnd) {}

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        long firstMillis = args.length > 1 ? Long.parseLong(args[1]) : 400;
        double rate = args.length > 2 ? Double.parseDouble(args[2]) : 40;
        int passageTokens = args.length > 3 ? Integer.parseInt(args[3]) : 150;
        Plan plan = plan(passageTokens);
        long betweenNanos = Math.round(1_000_000_000L / rate);
        System.out.printf(
                "streaming stub: %d tokens (passage %d, first sentence ends at token %d), first after %d ms, then"
                        + " %.0f/s: last token due at %.3f s%n",
                plan.tokens().size(),
                passageTokens,
                plan.firstSentenceEnd() + 1,
                firstMillis,
                rate,
                (firstMillis * 1_000_000L + (plan.tokens().size() - 1) * betweenNanos) / 1e9);

        AtomicLong calls = new AtomicLong();
        AtomicInteger open = new AtomicInteger();
        ConcurrentLinkedQueue<String> records = new ConcurrentLinkedQueue<>();
        byte[] whole =
                ("{\"model\": \"bench-stub\", \"choices\": [{\"message\": {\"role\": \"assistant\", \"content\": "
                                + quote(WHOLE) + "}}], \"usage\": {\"prompt_tokens\": 900, \"completion_tokens\": 60}}")
                        .getBytes(StandardCharsets.UTF_8);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/calls", exchange -> text(exchange, Long.toString(calls.get())));
        server.createContext("/open", exchange -> text(exchange, Integer.toString(open.get())));
        server.createContext("/records", exchange -> text(exchange, String.join("", records)));
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            long start = System.nanoTime();
            long received = micros();
            if (!STREAM.matcher(body).find()) {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, whole.length);
                exchange.getResponseBody().write(whole);
                exchange.close();
                return;
            }
            Matcher stop = STOP.matcher(body);
            String stopNumber = stop.find() ? stop.group(1) : "0";
            open.incrementAndGet();
            try {
                exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
                exchange.getResponseHeaders().set("Cache-Control", "no-cache");
                exchange.sendResponseHeaders(200, 0); // chunked
                OutputStream out = exchange.getResponseBody();
                send(out, chunk("{\"role\": \"assistant\", \"content\": \"\"}", null));
                long firstSentenceEnd = 0;
                long lastToken = 0;
                List<String> tokens = plan.tokens();
                for (int i = 0; i < tokens.size(); i++) {
                    long due = start + firstMillis * 1_000_000L + i * betweenNanos;
                    for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                        LockSupport.parkNanos(wait); // the stub's own pacing: a model writing
                    }
                    send(out, chunk("{\"content\": " + quote(tokens.get(i)) + "}", null));
                    if (i == plan.firstSentenceEnd()) {
                        firstSentenceEnd = micros();
                    }
                    if (i == tokens.size() - 1) {
                        lastToken = micros();
                    }
                }
                send(out, chunk("{}", "stop"));
                send(
                        out,
                        ("data: {\"id\": \"chatcmpl-bench\", \"object\": \"chat.completion.chunk\", \"model\":"
                                        + " \"bench-stub\", \"choices\": [], \"usage\": {\"prompt_tokens\": 900,"
                                        + " \"completion_tokens\": " + tokens.size() + "}}\n\ndata: [DONE]\n\n")
                                .getBytes(StandardCharsets.UTF_8));
                out.close();
                records.add(stopNumber + " " + received + " " + firstSentenceEnd + " " + lastToken + "\n");
                calls.incrementAndGet();
            } catch (IOException e) {
                // the client went away mid-stream: not a finished stream, nothing recorded
            } finally {
                open.decrementAndGet();
                exchange.close();
            }
        });
        server.start();
    }

    /** The passage in PASSAGE_TOKENS word tokens, a line with the marker, the JSON in word tokens. */
    private static Plan plan(int passageTokens) {
        String[] words = PROSE.split(" ");
        if (passageTokens > words.length) {
            throw new IllegalArgumentException("at most " + words.length + " passage tokens");
        }
        List<String> tokens = new ArrayList<>();
        int firstSentenceEnd = -1;
        for (int i = 0; i < passageTokens; i++) {
            String word = words[i];
            // the last token of the passage ends a sentence whatever word it is
            if (i == passageTokens - 1 && !word.endsWith(".")) {
                word = word.replaceAll("[,;:]$", "") + ".";
            }
            tokens.add(i == 0 ? word : " " + word);
            if (firstSentenceEnd < 0 && word.endsWith(".")) {
                firstSentenceEnd = i;
            }
        }
        tokens.add("\n" + MARKER + "\n");
        for (String word : CHOICES.split(" ")) {
            tokens.add(tokens.getLast().endsWith("\n") ? word : " " + word);
        }
        return new Plan(List.copyOf(tokens), firstSentenceEnd);
    }

    private static String chunk(String delta, String finishReason) {
        return "data: {\"id\": \"chatcmpl-bench\", \"object\": \"chat.completion.chunk\", \"created\": 1764000000,"
                + " \"model\": \"bench-stub\", \"choices\": [{\"index\": 0, \"delta\": " + delta
                + ", \"finish_reason\": " + (finishReason == null ? "null" : quote(finishReason)) + "}]}\n\n";
    }

    private static void send(OutputStream out, String event) throws IOException {
        send(out, event.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(OutputStream out, byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush(); // one chunk on the wire per event, now
    }

    private static void text(HttpExchange exchange, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static long micros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
