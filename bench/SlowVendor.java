import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An OpenAI-compatible Chat Completions stub for the benchmarks: every POST is answered after a fixed delay with a
 * valid story step; GET /calls says how many calls it answered. One virtual thread per request, so 200 waiting
 * calls cost the machine next to nothing and the stub never becomes the bottleneck it measures.
 * Run: java bench/SlowVendor.java PORT [DELAY_MILLIS]
 */
public class SlowVendor {

    private static final String STORY = """
            {"passage": "The carriage sways through the long night; lamps pass like slow thoughts.", \
            "choices": [{"id": "a", "label": "Go on"}, {"id": "b", "label": "Look back"}], \
            "ending": false, "summary": "You ride on."}""";

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        long delay = args.length > 1 ? Long.parseLong(args[1]) : 1000;
        byte[] answer =
                ("{\"model\": \"bench-stub\", \"choices\": [{\"message\": {\"role\": \"assistant\", \"content\": "
                                + quote(STORY)
                                + "}}], \"usage\": {\"prompt_tokens\": 900, \"completion_tokens\": 120}}")
                        .getBytes(StandardCharsets.UTF_8);
        AtomicLong calls = new AtomicLong();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/calls", exchange -> {
            byte[] count = Long.toString(calls.get()).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, count.length);
            exchange.getResponseBody().write(count);
            exchange.close();
        });
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            calls.incrementAndGet();
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
