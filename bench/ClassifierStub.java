import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Both safety classifiers for the benchmarks, on one port, each answering after a fixed delay: Amazon Comprehend's
 * DetectToxicContent (JSON 1.1, {@code X-Amz-Target: Comprehend_20171127.DetectToxicContent}) with harmless scores
 * for every segment, and Bedrock's ApplyGuardrail ({@code POST /guardrail/ID/version/V/apply}) with action NONE.
 * The app reaches it through the real SDK clients (SigV4 with any keys: the stub does not check signatures).
 * GET /calls says how many calls it answered. One virtual thread per request.
 * Run: java bench/ClassifierStub.java PORT [DELAY_MILLIS]
 */
public class ClassifierStub {

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        long delay = args.length > 1 ? Long.parseLong(args[1]) : 50;
        AtomicLong calls = new AtomicLong();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/calls", exchange -> send(exchange, "text/plain", Long.toString(calls.get())));
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            calls.incrementAndGet();
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            if (target != null && target.endsWith(".DetectToxicContent")) {
                send(exchange, "application/x-amz-json-1.1", comprehend(count(body, "\"Text\":")));
            } else {
                send(exchange, "application/json", GUARDRAIL_NONE);
            }
        });
        server.start();
    }

    private static final String GUARDRAIL_NONE = "{\"usage\": {\"topicPolicyUnits\": 1, \"contentPolicyUnits\": 1,"
            + " \"wordPolicyUnits\": 1, \"sensitiveInformationPolicyUnits\": 1, \"sensitiveInformationPolicyFreeUnits\":"
            + " 0, \"contextualGroundingPolicyUnits\": 0}, \"action\": \"NONE\", \"outputs\": [], \"assessments\": [{}]}";

    private static String comprehend(int segments) {
        StringBuilder results = new StringBuilder();
        for (int i = 0; i < segments; i++) {
            if (i > 0) {
                results.append(',');
            }
            results.append("{\"Labels\": [{\"Name\": \"PROFANITY\", \"Score\": 0.01}, {\"Name\": \"HATE_SPEECH\","
                    + " \"Score\": 0.01}, {\"Name\": \"INSULT\", \"Score\": 0.02}, {\"Name\": \"GRAPHIC\", \"Score\":"
                    + " 0.02}, {\"Name\": \"HARASSMENT_OR_ABUSE\", \"Score\": 0.01}, {\"Name\": \"SEXUAL\", \"Score\":"
                    + " 0.01}, {\"Name\": \"VIOLENCE_OR_THREAT\", \"Score\": 0.02}], \"Toxicity\": 0.03}");
        }
        return "{\"ResultList\": [" + results + "]}";
    }

    private static int count(String text, String needle) {
        int count = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
            count++;
        }
        return count;
    }

    private static void send(HttpExchange exchange, String type, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
